//! zuora-token: fetch OAuth bearer tokens for Zuora's REST API.

mod app;
mod cache;
mod cli;
mod config_file;
mod diag;
mod environments;
mod error;
mod exec;
mod failure;
mod ids;
mod origin;
mod output;
mod profiles;
mod retry;
mod secret;
mod settings;
mod source;
mod time;
mod token;
mod zuora;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    error::install_panic_hook();
    // Answers a shell's completion request (`COMPLETE=bash zuora-token ...`)
    // and exits; otherwise returns at once.
    clap_complete::CompleteEnv::with_factory(cli::Cli::command).complete();
    let matches = cli::Cli::command().get_matches();
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match app::run(&cli, &matches) {
        Ok(code) => code,
        Err(e) => {
            e.report();
            e.exit_code()
        }
    }
}
