//! One file per command; this one only dispatches.

pub mod api;
mod cache;
mod completions;
mod curl;
pub mod env;
mod exec;
mod get;
mod login;
mod logout;
mod man;
mod profiles;
mod status;

use zuora_token::Result;

use super::args::{Cli, Command};
use super::settings::values::Values;
use super::settings::{Defaults, Inputs};

/// Runs the parsed command line; its exit code, or the failure to report.
pub fn run(cli: &Cli) -> Result<u8> {
    let env = Values::from_env()?;
    let defaults = Defaults::of_this_user();
    let inputs = Inputs {
        flags: &cli.settings.flags,
        quiet: cli.settings.quiet,
        env: &env,
        defaults: &defaults,
    };
    match &cli.command {
        Command::Get { output, cache } => get::run(&inputs, *output, cache),
        Command::Env { shell, cache } => env::run(&inputs, *shell, cache),
        Command::Exec { cache, command } => exec::run(&inputs, cache, command),
        Command::Api(args) => api::run(&inputs, args),
        Command::Curl { args } => curl::run(&inputs, args),
        Command::Status { output } => status::run(&inputs, *output),
        Command::Cache { command } => cache::run(&inputs, command),
        Command::Profiles { output } => profiles::run(&inputs, *output),
        Command::Completions { shell } => completions::run(*shell),
        Command::Man { dir } => man::run(dir.as_deref()),
        Command::Login => login::run(&inputs),
        Command::Logout => logout::run(&inputs),
    }
}

/// A confirmation of what was done, on stderr unless `-q`.
fn note(quiet: bool, message: &str) {
    if !quiet {
        eprintln!("zuora-token: {message}");
    }
}
