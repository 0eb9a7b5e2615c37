//! zuora-token: fetch OAuth bearer tokens for Zuora's REST API and print
//! them for shell scripts, CI jobs and curl. A command line over the
//! `zuora_token` library.

mod cli;
mod output;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    cli::make_undumpable();
    cli::install_panic_hook();
    // Answers a shell's completion request (`COMPLETE=bash zuora-token ...`)
    // and exits; otherwise returns at once.
    clap_complete::CompleteEnv::with_factory(cli::Cli::command).complete();
    let cli = cli::Cli::try_parse().unwrap_or_else(|error| {
        cli::env_parse_failed(&error);
        error.exit()
    });
    cli::init_logging(cli.settings.verbose, cli.settings.quiet);
    match cli::run(&cli) {
        Ok(code) => code,
        Err(error) => {
            cli::report_error(&error);
            ExitCode::from(error.kind().exit_code())
        }
    }
}
