//! Calls to Zuora's REST API with the token: what `zuora-token api` does,
//! and what a Rust program can do in its place. The token never leaves
//! this process but for the base URL's origin: a call's URL can only be
//! built on it ([`ApiUrl`]), redirects are not followed, and the caller
//! cannot set `Authorization`.
//!
//! A call is sent as Zuora's error-handling guide asks: on a 401 (a token
//! revoked early) the token is replaced once, under the cache's single
//! flight, and the same request sent again, body included; a 429 is
//! retried, and so is a server error (5xx) or a broken connection where
//! sending twice is safe (an idempotent method, or an `Idempotency-Key`),
//! waiting as the server asks or with backoff, all within the one
//! deadline.

mod pages;
mod request;
mod response;

use std::thread;

use log::{info, warn};
use ureq::Agent;
use ureq::http::Request;

pub use request::{ApiRequest, ApiUrl, Method};
pub use response::ApiResponse;

use crate::deadline::Deadline;
use crate::error::{Error, Result};
use crate::token::Token;
use crate::token_source::TokenSource;
use crate::zuora::failure::{may_retry_transport, unreachable};
use crate::zuora::http::{agent, wire_url};
use crate::zuora::request::USER_AGENT;
use crate::zuora::retry::Retry;

/// A client of Zuora's REST API with the tokens of a [`TokenSource`]: one
/// connection, reused across calls (the pages of a list), and the token
/// fetched once for them all.
///
/// ```no_run
/// use zuora_token::{ApiClient, ApiRequest, ApiUrl, Method, TokenSource};
/// # fn call(source: &TokenSource) -> zuora_token::Result<()> {
/// let url = ApiUrl::resolve(source.client().endpoint().base_url(), "/v1/catalog/products")
///     .expect("a path on the base URL");
/// let response = ApiClient::new(source)?.send(&ApiRequest::new(Method::get(), url))?;
/// if response.is_success() {
///     println!("{}", String::from_utf8_lossy(response.body()));
/// } else {
///     eprintln!("{}", response.summary());
/// }
/// # Ok(()) }
/// ```
pub struct ApiClient<'a> {
    source: &'a TokenSource,
    agent: Agent,
    /// The token of the last call, for the next.
    token: Option<Token>,
}

impl<'a> ApiClient<'a> {
    /// A client of `source`'s base URL, trusting what its options say
    /// (the trust store or CA bundle is read here).
    ///
    /// # Errors
    ///
    /// The CA bundle cannot be read ([`ErrorKind::Usage`](crate::ErrorKind)).
    pub fn new(source: &'a TokenSource) -> Result<ApiClient<'a>> {
        let client = source.client();
        let options = client.options();
        let https = client.endpoint().base_url().is_https();
        let deadline = Deadline::after(options.timeout);
        Ok(ApiClient {
            source,
            agent: agent(https, options, client.provenance(), &deadline)?,
            token: None,
        })
    }

    /// The token the last call was sent with, if one was sent.
    pub fn token(&self) -> Option<&Token> {
        self.token.as_ref()
    }

    /// Sends `request` with the token's headers ([`TokenSource::api_headers`])
    /// and its own, and reads the answer, whatever its status. A 401 gets
    /// one new token and one more try; a 429 (and a 5xx or broken
    /// connection, for a request that [may repeat](ApiRequest::may_repeat))
    /// is retried up to [`RequestOptions::retries`](crate::RequestOptions)
    /// times, all within [`RequestOptions::timeout`](crate::RequestOptions).
    ///
    /// # Errors
    ///
    /// No token could be had (the errors of [`TokenSource::token`]), the
    /// request's URL is not on the source's base URL
    /// ([`ErrorKind::Usage`](crate::ErrorKind)), or Zuora could not be
    /// reached ([`ErrorKind::Unreachable`](crate::ErrorKind)).
    pub fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        let base = self.source.client().endpoint().base_url();
        if request.url().base() != base {
            return Err(Error::usage(format!(
                "refusing to send the token to {}: it is not on the base URL {base}",
                request.url()
            )));
        }
        let options = self.source.client().options();
        let deadline = Deadline::after(options.timeout);
        let mut token = match self.token.take() {
            Some(token) => token,
            None => self.source.token_within(&deadline)?,
        };
        let mut replaced = false;
        let mut attempt: u32 = 1;
        let outcome = loop {
            let outcome = self.attempt(request, &token, attempt, &deadline);
            let retry = match &outcome {
                Ok(response) if response.status() == 401 => {
                    if replaced || !self.source.may_replace(&token) {
                        refused_again(replaced);
                        break outcome;
                    }
                    info!("Zuora answered 401 Unauthorized; replacing the token");
                    token = self.source.replace_within(&token, &deadline)?;
                    replaced = true;
                    continue;
                }
                Ok(response) => retry_status(response, request),
                Err((_, transport)) => transport.clone().filter(|_| request.may_repeat()),
            };
            let Some(retry) = retry.filter(|_| attempt <= options.retries) else {
                break outcome;
            };
            let wait = retry.wait(attempt);
            if deadline.would_pass(wait) {
                warn!(
                    "not retried ({}): waiting {:.1} s would pass the timeout of {} s",
                    retry.reason,
                    wait.as_secs_f64(),
                    options.timeout.as_secs_f64()
                );
                break outcome;
            }
            info!(
                "retrying in {:.1} s ({}; retry {attempt} of {})",
                wait.as_secs_f64(),
                retry.reason,
                options.retries
            );
            thread::sleep(wait);
            attempt = attempt.saturating_add(1);
        };
        self.token = Some(token);
        outcome.map_err(|(error, _)| error)
    }

    /// One attempt: the answer, or why there was none and whether another
    /// attempt may get one.
    fn attempt(
        &self,
        request: &ApiRequest,
        token: &Token,
        attempt: u32,
        deadline: &Deadline,
    ) -> Result<ApiResponse, (Error, Option<Retry>)> {
        let url = request.url().to_string();
        let client = self.source.client();
        let failed = |error: ureq::Error| {
            let retry =
                may_retry_transport(&error).then(|| Retry::for_transport(error.to_string()));
            let timeout = client.options().timeout;
            (
                unreachable(&error, &url, client.provenance(), timeout),
                retry,
            )
        };
        if deadline.has_passed() {
            return Err(failed(ureq::Error::Timeout(ureq::Timeout::Global)));
        }
        let wired = wire_url(&url).map_err(failed)?;
        let mut builder = Request::builder()
            .method(request.method().as_str())
            .uri(&*wired)
            .header("User-Agent", USER_AGENT);
        let own = |name: &str| request.header(name).is_some();
        if !own("Accept") {
            builder = builder.header("Accept", "application/json");
        }
        if request.body().is_some() && !own("Content-Type") {
            builder = builder.header("Content-Type", "application/json");
        }
        for (name, value) in self.source.api_headers(token).iter() {
            if name == "Authorization" || !own(name) {
                builder = builder.header(name, value);
            }
        }
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let started = std::time::Instant::now();
        // No body at all where the method has none (no `Content-Length: 0`
        // on a GET, as RFC 9110 asks); an empty one for a POST without
        // fields, which ureq would otherwise send chunked.
        let bodyless = matches!(
            request.method().as_str(),
            "GET" | "HEAD" | "DELETE" | "OPTIONS"
        );
        let response = match request.body() {
            Some(body) => self.run(builder.body(body), token, deadline),
            None if bodyless => self.run(builder.body(()), token, deadline),
            None => self.run(builder.body(&b""[..]), token, deadline),
        };
        let took = started.elapsed().as_millis();
        let method = request.method().as_str();
        match response {
            Ok(response) => {
                info!(
                    "attempt {attempt}: {method} {url} -> {} in {took} ms",
                    response.status()
                );
                Ok(response)
            }
            Err(error) => {
                info!("attempt {attempt}: {method} {url} failed after {took} ms");
                Err(failed(error))
            }
        }
    }

    /// Sends `request`, which carries `token`, within `deadline`, and
    /// reads the answer.
    fn run<B: ureq::AsSendBody>(
        &self,
        request: ureq::http::Result<Request<B>>,
        token: &Token,
        deadline: &Deadline,
    ) -> std::result::Result<ApiResponse, ureq::Error> {
        let request = self
            .agent
            .configure_request(request?)
            .timeout_global(Some(deadline.remaining()))
            .build();
        let response = self.agent.run(request)?;
        ApiResponse::read(response, token)
    }
}

/// A 429, or a server error where sending again is safe: worth another try.
fn retry_status(response: &ApiResponse, request: &ApiRequest) -> Option<Retry> {
    let status = response.status();
    let server_error = (500..600).contains(&status) && status != 501 && status != 505;
    if status != 429 && !(server_error && request.may_repeat()) {
        return None;
    }
    Some(Retry::after_status(status, response.header_map()))
}

/// Says why a 401 is passed on rather than retried.
fn refused_again(replaced: bool) {
    match replaced {
        true => warn!(
            "Zuora answered 401 Unauthorized to a new token too: it refuses this call, not \
             the token (check the OAuth client's access)"
        ),
        false => warn!(
            "Zuora answered 401 Unauthorized to a token fetched less than {} s ago in place \
             of a refused one; not asking for another: Zuora refuses this call, not the \
             token (check the OAuth client's access)",
            TokenSource::REPLACEMENT_MEMORY.as_secs()
        ),
    }
}
