//! Zuora's `createToken` operation: `POST /oauth/token` exactly as Zuora
//! documents it, retried where that can help, within one deadline.

pub(crate) mod failure;
pub(crate) mod form;
pub(crate) mod http;
mod options;
pub(crate) mod request;
mod response;
pub(crate) mod retry;
pub(crate) mod server_text;
mod tls;

use std::sync::Arc;
use std::thread;

use log::info;

use crate::zuora_headers::TrackId;
pub use options::{GrantType, RequestOptions, Trust};
pub(crate) use response::MAX_BODY;

use self::failure::Context;
use self::request::{Issued, Request};
use crate::credentials::ClientId;
use crate::deadline::Deadline;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind, Result};
use crate::provenance::{self, Provenance};
use crate::secret::Secret;
use crate::token::{Token, TokenResponse};

/// A client of Zuora's OAuth API at one endpoint, as the `OAuthApi` of
/// Zuora's generated SDKs: one operation, [`Client::create_token`].
///
/// Every call sends one request (more if it is retried) and caches nothing;
/// for the cached, shared path see [`TokenSource`](crate::TokenSource).
#[derive(Debug, Clone)]
pub struct Client {
    endpoint: Endpoint,
    options: RequestOptions,
    provenance: Arc<dyn Provenance>,
}

impl Client {
    /// A client of `endpoint` with the default [`RequestOptions`].
    pub fn new(endpoint: Endpoint) -> Client {
        Client {
            endpoint,
            options: RequestOptions::default(),
            provenance: Arc::new(provenance::Unknown),
        }
    }

    /// Makes requests as `options` say.
    pub fn with_options(mut self, options: RequestOptions) -> Client {
        self.options = options;
        self
    }

    /// Names inputs in messages as `provenance` says (the command-line tool
    /// names its flags and profile keys).
    pub fn with_provenance(mut self, provenance: Arc<dyn Provenance>) -> Client {
        self.provenance = provenance;
        self
    }

    /// Where requests go.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// How requests are made.
    pub fn options(&self) -> &RequestOptions {
        &self.options
    }

    /// How messages name the inputs.
    pub fn provenance(&self) -> &dyn Provenance {
        &*self.provenance
    }

    /// Generates an OAuth token: `POST {base}/oauth/token` (or to the
    /// endpoint's [token URL](Endpoint::with_token_url)) with `client_id`,
    /// `client_secret` and `grant_type` as a form, and `zuora_track_id` as
    /// the `Zuora-Track-Id` header when given (plus `Zuora-Entity-Ids` when
    /// the options name an entity). The call of Zuora's SDKs,
    /// `create_token(client_id, client_secret, grant_type, zuora_track_id)`,
    /// with the answer validated.
    ///
    /// A 429, 502, 503, 504 or broken connection is retried up to
    /// [`RequestOptions::retries`] times, waiting as the server asks or
    /// with exponential backoff and full jitter, all within
    /// [`RequestOptions::timeout`]. Zuora allows 100 token requests a
    /// minute per IP address and asks that each token be used until it
    /// expires: a program that calls this often wants a
    /// [`TokenSource`](crate::TokenSource) instead.
    ///
    /// ```no_run
    /// use zuora_token::{BaseUrl, Client, ClientId, Endpoint, GrantType, Secret, TrackId};
    ///
    /// let endpoint = Endpoint::new(BaseUrl::parse("https://rest.zuora.com")?)?;
    /// let response = Client::new(endpoint).create_token(
    ///     &ClientId::new("6f1c3a0e-2b7d-4c59-9e81-3d5a7f0b2c64"),
    ///     &Secret::new(std::env::var("ZUORA_CLIENT_SECRET")?),
    ///     GrantType::ClientCredentials,
    ///     Some(&TrackId::parse("nightly-sync")?),
    /// )?;
    /// println!("a token for {} s", response.expires_in.as_secs());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`Error`] whose [`kind`](Error::kind) says what went wrong: Zuora
    /// refused the credentials, rate-limited them, could not be reached in
    /// time, or answered with something that is not a token.
    pub fn create_token(
        &self,
        client_id: &ClientId,
        client_secret: &Secret,
        grant_type: GrantType,
        zuora_track_id: Option<&TrackId>,
    ) -> Result<TokenResponse> {
        let deadline = Deadline::after(self.options.timeout);
        self.exchange(
            client_id,
            client_secret,
            grant_type,
            zuora_track_id,
            &deadline,
        )
        .map(|issued| issued.response)
    }

    /// A new token for `client_id` and `secret`, within `deadline`.
    pub(crate) fn fetch(
        &self,
        client_id: &ClientId,
        secret: &Secret,
        track_id: Option<&TrackId>,
        deadline: &Deadline,
    ) -> Result<Token> {
        let issued = self.exchange(
            client_id,
            secret,
            GrantType::ClientCredentials,
            track_id,
            deadline,
        )?;
        Token::issued(issued.response, issued.sent_at, self.endpoint.base_url()).ok_or_else(|| {
            Error::new(
                ErrorKind::BadResponse,
                format!(
                    "Zuora's answer from {} is not a valid token response: \
                     its expiry is past what this system's clock can hold",
                    self.endpoint.token_url()
                ),
            )
        })
    }

    /// The request, retried while a retry may help and its wait fits
    /// before the deadline.
    fn exchange(
        &self,
        client_id: &ClientId,
        secret: &Secret,
        grant_type: GrantType,
        track_id: Option<&TrackId>,
        deadline: &Deadline,
    ) -> Result<Issued> {
        let cx = Context {
            endpoint: &self.endpoint,
            client_id,
            secret,
            entity: self.options.entity_id.is_some(),
            timeout: deadline.timeout(),
            provenance: self.provenance(),
        };
        let request = Request::new(cx, &self.options, grant_type, track_id, deadline)?;
        let retries = self.options.retries;
        let mut attempt: u32 = 1;
        loop {
            let failed = match request.send(attempt, deadline) {
                Ok(issued) => return Ok(issued),
                Err(failed) => failed,
            };
            let Some(retry) = failed.retry.filter(|_| attempt <= retries) else {
                return Err(failed.error.after_attempts(attempt));
            };
            let wait = retry.wait(attempt);
            if deadline.would_pass(wait) {
                let error = failed.error.after_attempts(attempt);
                let asked = retry.server_wait.is_some();
                return Err(failure::not_retried(error, wait, asked, cx));
            }
            info!(
                "retrying in {:.1} s ({}; retry {attempt} of {retries})",
                wait.as_secs_f64(),
                retry.reason
            );
            thread::sleep(wait);
            attempt = attempt.saturating_add(1);
        }
    }
}

/// Zuora's `createToken` in one call, with the default [`RequestOptions`]:
/// the shape of `create_token(client_id, client_secret, grant_type,
/// zuora_track_id)` in Zuora's SDKs, plus where to send it.
///
/// ```no_run
/// use zuora_token::{ClientId, Endpoint, Environment, GrantType, Secret, create_token};
///
/// let response = create_token(
///     &Endpoint::of(Environment::find("sbx").unwrap()),
///     &ClientId::new("6f1c3a0e-2b7d-4c59-9e81-3d5a7f0b2c64"),
///     &Secret::new(std::env::var("ZUORA_CLIENT_SECRET")?),
///     GrantType::ClientCredentials,
///     None,
/// )?;
/// assert_eq!(response.token_type.to_ascii_lowercase(), "bearer");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`Client::create_token`].
pub fn create_token(
    endpoint: &Endpoint,
    client_id: &ClientId,
    client_secret: &Secret,
    grant_type: GrantType,
    zuora_track_id: Option<&TrackId>,
) -> Result<TokenResponse> {
    Client::new(endpoint.clone()).create_token(client_id, client_secret, grant_type, zuora_track_id)
}
