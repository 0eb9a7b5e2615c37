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
pub use unix::run;

/// Elsewhere: what to do instead.
#[cfg(not(unix))]
pub fn run(
    _inputs: &crate::cli::settings::Inputs,
    _args: &[std::ffi::OsString],
) -> zuora_token::Result<u8> {
    Err(zuora_token::Error::usage(
        "zuora-token curl runs on Unix only (it hands curl the headers on /dev/fd)",
    )
    .with_hint("use: zuora-token get -o curl | curl -K - URL"))
}

#[cfg(unix)]
mod unix {
    use std::ffi::{OsStr, OsString};

    use log::{info, warn};
    use zuora_token::{Result, Token, TokenSource};

    use super::super::exec::launch_failed;
    use crate::cli::args::CacheUse;
    use crate::cli::curl::{self, CurlArgs, Ran};
    use crate::cli::output;
    use crate::cli::settings::Inputs;

    /// The program run: curl, as `PATH` finds it.
    const CURL: &str = "curl";

    /// What to say when curl is not there.
    const NO_CURL: &str =
        "install curl, or call Zuora with the headers of `zuora-token get -o headers`";

    pub fn run(inputs: &Inputs, args: &[OsString]) -> Result<u8> {
        let source = inputs.token_source(&CacheUse::default())?;
        let args = CurlArgs::parse(args, source.client().endpoint().base_url())?;
        let token = source.token()?;
        if args.dumps_headers {
            // The user took the response headers (`-D`): the status cannot
            // be read from them.
            return Ok(unwatched(&source, &token, &args));
        }
        // A run that cannot be sent again as it was (see `once_only`) is
        // not, and a token that just replaced a refused one is not
        // replaced again.
        let retry = once_only(&args).is_none() && source.may_replace(&token);
        let config = output::curl_config(&source.api_headers(&token));
        let ran = curl::run(OsStr::new(CURL), &config, &args.args, retry);
        match ran.map_err(|e| launch_failed(OsStr::new(CURL), e, Some(NO_CURL))) {
            Err(code) => Ok(code),
            Ok(Ran::Finished { code, met_401 }) => {
                if met_401 {
                    unretried_401(&source, &token, &args)?;
                }
                Ok(code)
            }
            Ok(Ran::Dropped401) => {
                info!("curl: Zuora answered 401 Unauthorized; replacing the token");
                let fresh = source.replace(&token)?;
                info!("curl: sending the request again with the new token");
                Ok(unwatched(&source, &fresh, &args))
            }
        }
    }

    /// Why a run of curl with `args` cannot be sent again as it was, if it
    /// cannot: a body from standard input is gone, and of several
    /// transfers some may have succeeded already.
    fn once_only(args: &CurlArgs) -> Option<&'static str> {
        if args.reads_stdin {
            Some("its body was read from standard input")
        } else if args.transfers > 1 {
            Some("the run made several transfers")
        } else {
            None
        }
    }

    /// After a 401 that was passed on, not retried: the token is replaced
    /// for the next call (the run could not be sent again), or, if it had
    /// just replaced a refused one, left as it is; the user is told which.
    fn unretried_401(source: &TokenSource, token: &Token, args: &CurlArgs) -> Result<()> {
        if !source.may_replace(token) {
            warn!(
                "Zuora answered 401 Unauthorized to a token fetched less than {} s ago in \
                 place of a refused one; not asking for another: Zuora refuses this call, \
                 not the token (check the OAuth client's access)",
                TokenSource::REPLACEMENT_MEMORY.as_secs()
            );
            return Ok(());
        }
        source.replace(token)?;
        let why = once_only(args).unwrap_or("its output had been passed on already");
        warn!(
            "Zuora answered 401 Unauthorized; the token was replaced, but the request was not \
             sent again because {why}: run it again"
        );
        Ok(())
    }

    /// Runs curl once with `token`'s headers, its output the user's as it
    /// comes; its exit code, or the shell's for a curl that could not be
    /// started (reported).
    fn unwatched(source: &TokenSource, token: &Token, args: &CurlArgs) -> u8 {
        let config = output::curl_config(&source.api_headers(token));
        curl::run_unwatched(OsStr::new(CURL), &config, &args.args)
            .unwrap_or_else(|e| launch_failed(OsStr::new(CURL), e, Some(NO_CURL)))
    }
}
