//! zuora-token: fetch OAuth bearer tokens for Zuora's REST API and print
//! them for shell scripts, CI jobs and curl. A command line over the
//! `zuora_token` library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(run())
}

/// The program; its exit code.
fn run() -> u8 {
    cli::start_process();
    cli::install_panic_hook();
    // Answers a shell's completion request (`COMPLETE=bash zuora-token ...`)
    // and exits; otherwise returns at once.
    clap_complete::CompleteEnv::with_factory(cli::Cli::definition).complete();
    // The common command lines without clap's cost; the rest, help and
    // every message about a bad one, through clap.
    let parsed = cli::Cli::parse_fast().map_or_else(cli::Cli::try_parse_args, Ok);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            cli::env_parse_failed(&error);
            return cli::report_command_line(&error);
        }
    };
    cli::init_logging(cli.settings.verbose, cli.settings.quiet);
    cli::run(&cli).unwrap_or_else(|error| {
        cli::report_error(&error);
        cli::exit_code(error.kind())
    })
}
