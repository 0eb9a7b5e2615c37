//! One file per command; this one only dispatches.

mod agent;
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

use log::warn;
use zuora_token::{Result, Scope, Token, TokenSource};

use super::args::{Cli, Command};
use super::output::printable;
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
        Command::Agent(args) => agent::run(&inputs, args),
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

/// The most entity ids a warning lists, and the longest shown of each: the
/// scope is Zuora's text, and may be anything.
const LISTED_ENTITIES: usize = 10;
const LISTED_ID_CHARS: usize = 64;

/// Warns (once: the caller calls this once) when `token` is valid for more
/// than one entity and no entity id is configured: Zuora then refuses
/// every API call (`MULTIPLE_ENTITY_IDS_FOUND`) that names none.
fn warn_of_entities(source: &TokenSource, token: &Token) {
    if source.client().options().entity_id.is_some() {
        return;
    }
    let Some(scope) = token.scope().map(Scope::parse) else {
        return;
    };
    let count = scope.entities.len();
    if count < 2 {
        return;
    }
    let mut ids: Vec<String> = scope
        .entities
        .iter()
        .take(LISTED_ENTITIES)
        .map(|id| printable(&id.chars().take(LISTED_ID_CHARS).collect::<String>()))
        .collect();
    if count > LISTED_ENTITIES {
        ids.push(format!("and {} more", count - LISTED_ENTITIES));
    }
    warn!(
        "the token is valid for {count} entities and no entity id is set, so Zuora will refuse \
         API calls (MULTIPLE_ENTITY_IDS_FOUND); choose one with --entity-id (or \
         ZUORA_ENTITY_ID, or entity_id in the profile): {}",
        ids.join(", ")
    );
}
