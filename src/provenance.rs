//! Where the inputs of a request came from, so that a message about one can
//! say what to fix.
//!
//! The command-line tool says `from --client-id` or ``from `client_id` in
//! profile 'prod' of ~/.config/zuora-token/config.toml``; a program can name
//! its own settings; without a [`Provenance`], messages name the inputs
//! plainly.

use std::fmt::Debug;

/// An input that a message may have to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Input {
    /// The OAuth client id.
    ClientId,
    /// The OAuth client secret.
    ClientSecret,
    /// The base URL (or the environment it came from).
    BaseUrl,
    /// The token URL of [`Endpoint::with_token_url`](crate::Endpoint::with_token_url).
    TokenUrl,
    /// The CA bundle of [`Trust::Bundle`](crate::Trust::Bundle).
    CaBundle,
    /// The minimum time left on a cached token ([`CachePolicy::min_ttl`](crate::CachePolicy)).
    MinTtl,
    /// The time a request may take ([`RequestOptions::timeout`](crate::RequestOptions)).
    Timeout,
}

impl Input {
    /// Every input, for code that must consider each.
    pub(crate) const ALL: [Input; 7] = [
        Input::ClientId,
        Input::ClientSecret,
        Input::BaseUrl,
        Input::TokenUrl,
        Input::CaBundle,
        Input::MinTtl,
        Input::Timeout,
    ];

    /// How a message names the input when no [`Provenance`] does.
    pub(crate) fn plain_name(self) -> &'static str {
        match self {
            Input::ClientId => "client id",
            Input::ClientSecret => "client secret",
            Input::BaseUrl => "base URL",
            Input::TokenUrl => "token URL",
            Input::CaBundle => "a CA bundle",
            Input::MinTtl => "minimum TTL",
            Input::Timeout => "timeout",
        }
    }
}

/// Tells messages where each input came from and what a user calls it.
///
/// Both methods default to `None`, which leaves a message with the input's
/// plain name and no source.
///
/// ```
/// use zuora_token::{Input, Provenance};
///
/// #[derive(Debug)]
/// struct FromMyConfig;
///
/// impl Provenance for FromMyConfig {
///     fn source(&self, input: Input) -> Option<String> {
///         (input == Input::ClientId).then(|| "from zuora.client_id in app.toml".into())
///     }
/// }
/// ```
pub trait Provenance: Debug + Send + Sync {
    /// Where the value of `input` came from, as a phrase that a message
    /// puts in parentheses after the input: `from --client-id`.
    fn source(&self, input: Input) -> Option<String> {
        let _ = input;
        None
    }

    /// What a user sets `input` by, such as `--timeout`.
    fn name(&self, input: Input) -> Option<String> {
        let _ = input;
        None
    }
}

/// No provenance: plain names, no sources.
#[derive(Debug)]
pub(crate) struct Unknown;

impl Provenance for Unknown {}

/// ` (from --client-id)`, or nothing when the source is unknown.
pub(crate) fn source_of(provenance: &dyn Provenance, input: Input) -> String {
    provenance
        .source(input)
        .map(|source| format!(" ({source})"))
        .unwrap_or_default()
}

/// What a user sets `input` by, else its plain name.
pub(crate) fn name_of(provenance: &dyn Provenance, input: Input) -> String {
    provenance
        .name(input)
        .unwrap_or_else(|| input.plain_name().to_owned())
}
