//! `exec`: run a command with the token in its environment, never in argv.

use std::ffi::OsString;
use std::io;
use std::process::{Command, ExitCode};

use crate::error::{Error, Kind, Result};
use crate::ids::EntityId;
use crate::output;
use crate::token::Token;

/// Runs `argv` with the token's variables (and `ZUORA_ENTITY_ID` when set).
/// On Unix the command replaces this process, so its exit status and
/// signals are its own; elsewhere its exit code is passed on.
pub fn run(argv: &[OsString], token: &Token, entity: Option<&EntityId>) -> Result<ExitCode> {
    let (program, args) = argv.split_first().expect("clap requires a command");
    let mut command = Command::new(program);
    command.args(args).envs(output::variables(token));
    if let Some(entity) = entity {
        command.env("ZUORA_ENTITY_ID", entity.as_str());
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        Err(launch_error(program, command.exec()))
    }
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => Ok(ExitCode::from(status.code().map_or(1, |c| c as u8))),
        Err(e) => Err(launch_error(program, e)),
    }
}

/// As shells do: 127 for a command that is not found, 126 for one that
/// cannot be run.
fn launch_error(program: &OsString, error: io::Error) -> Error {
    let program = program.to_string_lossy();
    match error.kind() {
        io::ErrorKind::NotFound => Error::new(
            Kind::CommandNotFound,
            format!("command not found: {program}"),
        ),
        _ => Error::new(Kind::CannotRun, format!("cannot run {program}: {error}")),
    }
}
