//! Fetch, cache and share OAuth bearer tokens for Zuora's REST API.
//!
//! This is the library behind the `zuora-token` command. It makes the one
//! request Zuora documents for a token, `POST /oauth/token` with the
//! client-credentials grant, validates the answer, and keeps the token for
//! as long as it lives, so that a program (or a fleet of processes on one
//! machine) asks Zuora once per token lifetime. Zuora rate-limits the token
//! endpoint to 100 requests a minute per IP address, failed ones included,
//! and asks that each token be used until it expires.
//!
//! Two ways in:
//!
//! - [`create_token`] and [`Client::create_token`]: Zuora's `createToken`
//!   operation, the call of its generated SDKs,
//!   `create_token(client_id, client_secret, grant_type, zuora_track_id)`,
//!   returning the [`TokenResponse`]. One request each time (retried on
//!   429 and gateway failures).
//! - [`TokenSource::token`]: the cached, single-flight path the command
//!   uses. Cheap to call before every API request.
//!
//! A long-running process that keeps a token in files for others, as
//! `zuora-token agent` does, has [`renewal`] (when to ask for the next
//! one) and [`sink`] (files replaced whole, never seen half written).
//!
//! ```no_run
//! use std::time::Duration;
//! use zuora_token::{
//!     CachePolicy, Client, ClientId, Credentials, Endpoint, Environment, RequestOptions,
//!     Secret, TokenSource,
//! };
//!
//! let client = Client::new(Endpoint::of(Environment::find("prod-eu").unwrap()))
//!     .with_options(RequestOptions { timeout: Duration::from_secs(10), ..Default::default() });
//! let credentials = Credentials::new(
//!     ClientId::new(std::env::var("ZUORA_CLIENT_ID")?),
//!     Secret::new(std::env::var("ZUORA_CLIENT_SECRET")?),
//! );
//! let tokens = TokenSource::new(client, credentials)
//!     .with_cache(CachePolicy::in_dir("/var/cache/my-app/zuora-token"));
//! let token = tokens.token()?;
//! println!("{} s left", token.seconds_left(std::time::SystemTime::now()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Inputs are narrow types that can only be built valid: an [`Endpoint`]
//! is HTTPS or on this machine, an [`EntityId`] is a UUID, a [`TrackId`]
//! follows Zuora's rules. Failures are an [`Error`] whose [`ErrorKind`]
//! says what to do about it (the command maps each kind to an exit code). Neither
//! an error nor a log line ever holds the client secret or a token.
//!
//! Diagnostics go to the [`log`](https://docs.rs/log) facade, target
//! `zuora_token`: `info` for what `zuora-token -v` prints (cache hits and
//! misses, each attempt with its status and timing, retries), `warn` for a
//! cache that cannot be used.

#![warn(missing_docs)]

mod api;
mod api_headers;
mod cache;
mod credentials;
mod deadline;
mod endpoint;
mod environments;
mod error;
mod files;
mod provenance;
pub mod renewal;
mod secret;
pub mod sink;
mod token;
mod token_source;
mod zuora;
mod zuora_headers;

pub use api::{ApiClient, ApiRequest, ApiResponse, ApiUrl, Method};
pub use api_headers::ApiHeaders;
pub use cache::{Cache, CacheFile, CacheMode, CachePolicy, CachedToken};
pub use credentials::{ClientId, Credentials};
pub use endpoint::{BaseUrl, ClearTextRefused, Endpoint, TokenUrl};
pub use environments::Environment;
pub use error::{Error, ErrorKind, Result};
pub use provenance::{Input, Provenance};
pub use secret::{Secret, SecretSource, SourceIdentity};
pub use token::{AccessToken, Scope, Token, TokenResponse};
pub use token_source::TokenSource;
pub use zuora::{Client, GrantType, RequestOptions, Trust, create_token};
pub use zuora_headers::{EntityId, OrgIds, TrackId, ZuoraVersion};
