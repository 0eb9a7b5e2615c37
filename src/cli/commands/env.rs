//! `env`: print statements that set the token's variables in a shell, or
//! hand them to a GitHub Actions job's later steps.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zuora_token::{Error, Result};

use crate::cli::args::CacheUse;
use crate::cli::settings::Inputs;
use crate::output::{self, Shell};

pub fn run(inputs: &Inputs, shell: Shell, cache: &CacheUse) -> Result<ExitCode> {
    // Checked first, so that nothing is fetched for nothing.
    let github_env = match shell {
        Shell::Github => Some(github_env()?),
        _ => None,
    };
    let token = inputs.token_source(cache)?.token()?;
    output::print(&output::env(&token, shell)?)?;
    if let Some(path) = github_env {
        append(&path, &output::env(&token, Shell::Dotenv)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The file GitHub Actions reads variables for later steps from.
fn github_env() -> Result<PathBuf> {
    std::env::var_os("GITHUB_ENV")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::usage(
                "GITHUB_ENV is not set: --shell github works only in a GitHub Actions step",
            )
            .with_hint("elsewhere use --shell sh (or dotenv)")
        })
}

/// Appends `lines` to `path` in one write.
fn append(path: &Path, lines: &str) -> Result<()> {
    OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| file.write_all(lines.as_bytes()))
        .map_err(|e| {
            Error::other(format!(
                "cannot append to $GITHUB_ENV ({}): {e}",
                path.display()
            ))
        })
}
