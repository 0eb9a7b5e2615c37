//! `env`: print statements that set the token's variables in a shell, or
//! hand them to a GitHub Actions job's later steps.
//!
//! When no token can be had, the shell formats print a statement that
//! fails, so that `set -e; eval "$(zuora-token env)"` stops the script
//! instead of running on with no token (an empty `eval` succeeds).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use zuora_token::{Error, Result};

use crate::cli::args::{CacheUse, Cli};
use crate::cli::output::{self, Shell};
use crate::cli::settings::Inputs;

pub fn run(inputs: &Inputs, shell: Shell, cache: &CacheUse) -> Result<u8> {
    let printed = print(inputs, shell, cache);
    if printed.is_err() {
        fail_in(shell);
    }
    printed.map(|()| 0)
}

fn print(inputs: &Inputs, shell: Shell, cache: &CacheUse) -> Result<()> {
    // Opened first, so that nothing is fetched (or masked) for nothing.
    let github_env = match shell {
        Shell::Github => Some(open_github_env()?),
        _ => None,
    };
    let source = inputs.token_source(cache)?;
    let token = source.token()?;
    super::warn_of_entities(&source, &token);
    let headers = source.api_headers(&token);
    output::print(&output::env(&token, &headers, shell)?)?;
    if let Some((path, mut file)) = github_env {
        let lines = output::env(&token, &headers, Shell::Dotenv)?;
        file.write_all(lines.as_bytes())
            .map_err(|e| github_env_error(&path, &e))?;
    }
    Ok(())
}

/// Prints the statement that makes the shell's `eval` (or `source`) of
/// this output fail, if the format is one a shell evaluates.
fn fail_in(shell: Shell) {
    if let Some(statement) = output::failing_statement(shell) {
        // The error is already being reported; a closed stdout adds nothing.
        let _ = output::print(statement);
    }
}

/// A command line clap refused (`zuora-token env --shel fish`): if it asked
/// for `env`, its output must make the `eval` fail all the same.
pub fn parse_failed(error: &clap::Error) {
    let informational = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    let matches = Cli::definition().ignore_errors(true).try_get_matches().ok();
    let Some(("env", env)) = matches.as_ref().and_then(|m| m.subcommand()) else {
        return;
    };
    if !informational {
        fail_in(env.get_one::<Shell>("shell").copied().unwrap_or(Shell::Sh));
    }
}

/// The file GitHub Actions reads variables for later steps from, opened for
/// appending.
fn open_github_env() -> Result<(PathBuf, File)> {
    let path = std::env::var_os("GITHUB_ENV")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::usage(
                "GITHUB_ENV is not set: --shell github works only in a GitHub Actions step",
            )
            .with_hint("elsewhere use --shell sh (or dotenv)")
        })?;
    let file = OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .map_err(|e| github_env_error(&path, &e))?;
    Ok((path, file))
}

fn github_env_error(path: &Path, error: &std::io::Error) -> Error {
    Error::other(format!(
        "cannot append to $GITHUB_ENV ({}): {error}",
        path.display()
    ))
}
