//! `cache list` and `cache clear [--all]`.

use std::io;
use std::path::Path;
use std::time::SystemTime;

use zuora_token::{Cache, Error, ErrorKind, Result};

use crate::cli::args::{CacheCommand, CacheUse};
use crate::cli::output;
use crate::cli::settings::Inputs;

use super::note;

pub fn run(inputs: &Inputs, command: &CacheCommand) -> Result<u8> {
    let quiet = inputs.quiet;
    match command {
        CacheCommand::List { output: format } => {
            let cache = cache(inputs)?;
            let entries = cache.entries().map_err(|e| cache_error(cache.dir(), e))?;
            if entries.is_empty() {
                note(
                    quiet,
                    &format!("no cached tokens in {}", cache.dir().display()),
                );
            }
            output::print(&output::cache_list(&entries, *format, SystemTime::now()))?;
        }
        CacheCommand::Clear { all: true } => {
            let cache = cache(inputs)?;
            let removed = cache.clear().map_err(|e| cache_error(cache.dir(), e))?;
            note(
                quiet,
                &format!(
                    "removed {removed} cached token(s) from {}",
                    cache.dir().display()
                ),
            );
        }
        CacheCommand::Clear { all: false } => {
            let source = inputs
                .token_source(&CacheUse::default())
                .map_err(|e| match e.kind() {
                    ErrorKind::Usage => e.with_hint(
                        "to clear every cached token, whoever it is for: zuora-token cache clear --all",
                    ),
                    _ => e,
                })?;
            let cache = cache(inputs)?;
            let removed = source.forget().map_err(|e| cache_error(cache.dir(), e))?;
            let what = if removed {
                "removed the cached token"
            } else {
                "no token was cached"
            };
            note(
                quiet,
                &format!(
                    "{what} for client {} at {}",
                    source.credentials().client_id(),
                    source.client().endpoint().base_url()
                ),
            );
        }
    }
    Ok(0)
}

/// The cache directory, for commands that need one.
fn cache(inputs: &Inputs) -> Result<Cache> {
    inputs
        .cache_dir()
        .map(Cache::new)
        .ok_or_else(|| Error::usage("this system names no cache directory; pass --cache-dir PATH"))
}

fn cache_error(dir: &Path, e: io::Error) -> Error {
    Error::other(format!(
        "cannot use the token cache in {}: {e}",
        dir.display()
    ))
}
