//! Runs one parsed command line.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use clap::{ArgMatches, CommandFactory};

use crate::cache::{Cache, Lookup};
use crate::cli::{CacheCommand, Cli, Command, Report, SettingsArgs, Shell};
use crate::error::{Error, Result};
use crate::output::{self, Status};
use crate::settings::{self, Settings};
use crate::{exec, profiles, source};

/// Runs `cli`; `matches` are what it was parsed from (they tell a flag from
/// its environment variable).
pub fn run(cli: &Cli, matches: &ArgMatches) -> Result<ExitCode> {
    let args = &cli.settings;
    match &cli.command {
        Command::Get {
            output: format,
            cache,
        } => {
            let settings = Settings::resolve(args, matches)?;
            let token = source::token(&settings, cache)?;
            output::print(&output::token(&token, *format, SystemTime::now()))?;
        }
        Command::Env {
            shell: Shell::Github,
            cache,
        } => {
            // Checked first, so that nothing is fetched for nothing.
            let github_env = github_env()?;
            let settings = Settings::resolve(args, matches)?;
            let token = source::token(&settings, cache)?;
            output::print(&output::env(&token, Shell::Github)?)?;
            append(&github_env, &output::env(&token, Shell::Dotenv)?)?;
        }
        Command::Env { shell, cache } => {
            let settings = Settings::resolve(args, matches)?;
            output::print(&output::env(&source::token(&settings, cache)?, *shell)?)?;
        }
        Command::Exec { cache, command } => {
            let settings = Settings::resolve(args, matches)?;
            let token = source::token(&settings, cache)?;
            return exec::run(command, &token, settings.entity_id.as_ref());
        }
        Command::Profiles { output: format } => {
            let (path, file) = settings::config_file(args, matches)?;
            let secret = settings::secret_override(args, matches);
            let report = profiles::Report::new(path.as_deref(), file.as_ref(), secret.as_ref());
            output::print(&output::profiles(&report, *format))?;
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "zuora-token", &mut script);
            output::print(&String::from_utf8_lossy(&script))?;
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Error::other(format!("cannot render the man page: {e}")))?;
            output::print(&String::from_utf8_lossy(&page))?;
        }
        Command::Status { output: format } => {
            return status(&Settings::resolve(args, matches)?, *format);
        }
        Command::Cache {
            command: CacheCommand::List { output: format },
        } => {
            let cache = cache(args, matches)?;
            let entries = cache.entries().map_err(|e| cache_error(&cache, e))?;
            output::print(&output::cache_list(&entries, *format, SystemTime::now()))?;
        }
        Command::Cache {
            command: CacheCommand::Clear { all: true },
        } => {
            let cache = cache(args, matches)?;
            let removed = cache.clear().map_err(|e| cache_error(&cache, e))?;
            settings::diag(args).note(format_args!(
                "removed {removed} cached token(s) from {}",
                cache.dir().display()
            ));
        }
        Command::Cache {
            command: CacheCommand::Clear { all: false },
        } => {
            let settings = Settings::resolve(args, matches)?;
            let cache = cache(args, matches)?;
            let entry = cache.entry(&settings);
            let removed = entry.remove().map_err(|e| cache_error(&cache, e))?;
            let what = if removed {
                "removed the cached token"
            } else {
                "no token was cached"
            };
            settings.diag.note(format_args!(
                "{what} for client {} at {}",
                settings.client_id.value, settings.base_url.value
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `status`: exit 0 if a usable token is cached, 1 otherwise.
fn status(settings: &Settings, format: Report) -> Result<ExitCode> {
    let entry = settings
        .cache_dir
        .clone()
        .map(|dir| Cache::new(dir).entry(settings));
    let cached = match entry.as_ref().map(|e| e.read()) {
        Some(Lookup::Found(cached)) => Some(cached),
        _ => None,
    };
    let token = cached.as_ref().map(|c| &c.token);
    let usable = token.is_some_and(|t| source::fresh(t, settings));
    let report = Status {
        base_url: settings.base_url.value.as_str(),
        client_id: &settings.client_id.value,
        entity_id: settings.entity_id.as_ref().map(|e| e.as_str()),
        cache_file: entry.as_ref().map(|e| e.path()),
        token,
        usable,
        min_ttl: settings.min_ttl.value,
    };
    output::print(&output::status(&report, format, SystemTime::now()))?;
    Ok(if usable {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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

/// The cache directory, for commands that need one.
fn cache(args: &SettingsArgs, matches: &ArgMatches) -> Result<Cache> {
    settings::cache_dir(args, matches)
        .map(Cache::new)
        .ok_or_else(|| Error::usage("this system names no cache directory; pass --cache-dir PATH"))
}

fn cache_error(cache: &Cache, e: std::io::Error) -> Error {
    Error::other(format!(
        "cannot use the token cache in {}: {e}",
        cache.dir().display()
    ))
}
