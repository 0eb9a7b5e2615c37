//! `curl`: run the user's curl with every header a Zuora call needs, off
//! the command line, and a path resolved against the base URL. If Zuora
//! answers 401 (a token revoked early), the token is replaced once, under
//! the cache's single flight, and the request sent once more.
//!
//! Unlike `exec`, which hands a command the token in its environment and
//! steps aside, `curl` stays to watch the answer, so that the one retry
//! Zuora's error-handling guide asks for happens without the user's
//! script doing anything.
//!
//! Unix only: the headers reach curl on an inherited pipe (`/dev/fd/N`).

#[cfg(unix)]
use std::ffi::OsStr;
use std::ffi::OsString;

#[cfg(unix)]
use log::{info, warn};
use zuora_token::Result;
#[cfg(unix)]
use zuora_token::{Token, TokenSource};

#[cfg(unix)]
use super::exec::launch_failed;
#[cfg(unix)]
use crate::cli::args::CacheUse;
#[cfg(unix)]
use crate::cli::curl::{self, CurlArgs, Ran};
use crate::cli::settings::Inputs;
#[cfg(unix)]
use crate::output;

/// Elsewhere: what to do instead.
#[cfg(not(unix))]
pub fn run(_inputs: &Inputs, _args: &[OsString]) -> Result<u8> {
    Err(zuora_token::Error::usage(
        "zuora-token curl runs on Unix only (it hands curl the headers on /dev/fd)",
    )
    .with_hint("use: zuora-token get -o curl | curl -K - URL"))
}

/// The program run: curl, as `PATH` finds it.
#[cfg(unix)]
const CURL: &str = "curl";

/// What to say when curl is not there.
#[cfg(unix)]
const NO_CURL: &str =
    "install curl, or call Zuora with the headers of `zuora-token get -o headers`";

#[cfg(unix)]
pub fn run(inputs: &Inputs, args: &[OsString]) -> Result<u8> {
    let source = inputs.token_source(&CacheUse::default())?;
    let args = CurlArgs::parse(args, source.client().endpoint().base_url())?;
    let token = source.token()?;
    // The status is read from the response headers, unless the user took
    // them (`-D`); a body read from standard input cannot be sent twice;
    // a token that just replaced a refused one is not replaced again.
    let watch = !args.dumps_headers;
    let retry = watch && !args.reads_stdin && source.may_replace(&token);
    let ran = match attempt(&source, &token, &args, watch, retry) {
        Ok(ran) => ran,
        Err(code) => return Ok(code),
    };
    match ran {
        Ran::Finished { code, status } => {
            if status == Some(401) {
                unretried_401(&source, &token)?;
            }
            Ok(code)
        }
        Ran::Dropped401 => {
            info!("curl: Zuora answered 401 Unauthorized; replacing the token");
            let fresh = source.replace(&token)?;
            info!("curl: sending the request again with the new token");
            match attempt(&source, &fresh, &args, false, false) {
                Ok(Ran::Finished { code, .. }) | Err(code) => Ok(code),
                Ok(Ran::Dropped401) => unreachable!("a run that does not retry drops nothing"),
            }
        }
    }
}

/// After a 401 that was passed on, not retried: the token is replaced for
/// the next call (its body came from standard input), or, if it had just
/// replaced a refused one, left as it is; the user is told which.
#[cfg(unix)]
fn unretried_401(source: &TokenSource, token: &Token) -> Result<()> {
    if !source.may_replace(token) {
        warn!(
            "Zuora answered 401 Unauthorized to a token fetched less than {} s ago in place \
             of a refused one; not asking for another: Zuora refuses this call, not the \
             token (check the OAuth client's access)",
            TokenSource::REPLACEMENT_MEMORY.as_secs()
        );
        return Ok(());
    }
    source.replace(token)?;
    warn!(
        "Zuora answered 401 Unauthorized; the token was replaced, but the request was not \
         sent again because its body was read from standard input: run it again"
    );
    Ok(())
}

/// Runs curl once with `token`'s headers, watching the status with
/// `watch`, dropping a 401 for a retry with `retry`; `Err` with the exit
/// code if curl could not be started (reported).
#[cfg(unix)]
fn attempt(
    source: &TokenSource,
    token: &Token,
    args: &CurlArgs,
    watch: bool,
    retry: bool,
) -> std::result::Result<Ran, u8> {
    let config = output::curl_config(&source.api_headers(token));
    curl::run(OsStr::new(CURL), &config, &args.args, watch, retry)
        .map_err(|e| launch_failed(OsStr::new(CURL), e, Some(NO_CURL)))
}
