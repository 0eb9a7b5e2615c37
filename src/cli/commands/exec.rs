//! `exec`: run a command with the token in its environment, never in argv.

use std::ffi::{OsStr, OsString};
use std::io;
use std::process::Command;

use zuora_token::{Error, Result};

use crate::cli::args::CacheUse;
use crate::cli::output;
use crate::cli::report;
use crate::cli::settings::Inputs;
use crate::cli::settings::table::Setting;

/// As shells say: the command was found but cannot be run.
const CANNOT_RUN: u8 = 126;
/// As shells say: the command was not found.
const NOT_FOUND: u8 = 127;

/// Runs `argv` with the token's variables (and the entity id, org ids and
/// track id where set), without the secret's. On Unix the command replaces
/// this process, so its exit status and signals are its own; elsewhere its
/// exit code is passed on.
pub fn run(inputs: &Inputs, cache: &CacheUse, argv: &[OsString]) -> Result<u8> {
    let source = inputs.token_source(cache)?;
    let token = source.token()?;
    super::warn_of_entities(&source, &token);
    let (program, args) = argv.split_first().expect("clap requires a command");
    let mut command = Command::new(program);
    let headers = source.api_headers(&token);
    command.args(args).envs(output::variables(&token, &headers));
    for setting in Setting::SECRET {
        command.env_remove(setting.env_var());
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        Ok(launch_failed(program, command.exec(), None))
    }
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => Ok(status.code().map_or(1, |c| c as u8)),
        Err(e) => Ok(launch_failed(program, e, None)),
    }
}

/// Reports a command that could not be started (with `hint`, if any), and
/// exits as shells do: 127 for one that is not found, 126 for one that
/// cannot be run.
pub(super) fn launch_failed(program: &OsStr, error: io::Error, hint: Option<&str>) -> u8 {
    let program = program.to_string_lossy();
    let (code, message) = match error.kind() {
        io::ErrorKind::NotFound => (NOT_FOUND, format!("command not found: {program}")),
        _ => (CANNOT_RUN, format!("cannot run {program}: {error}")),
    };
    let error = Error::other(message);
    report::error(&match hint {
        Some(hint) => error.with_hint(hint),
        None => error,
    });
    code
}
