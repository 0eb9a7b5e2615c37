//! What a token request carries besides the credentials, and how it is
//! sent: its optional headers, retries, the time it may take, whom it trusts.
//! Each value can only be built valid, so an invalid one never reaches the
//! HTTP client.

use std::path::PathBuf;
use std::time::Duration;

use crate::zuora_headers::EntityId;

/// How a token request is made. `Default` is what the command-line tool
/// does without flags: no entity, 3 retries, 30 seconds, the system's trust
/// store.
///
/// ```
/// use std::time::Duration;
/// use zuora_token::{EntityId, RequestOptions};
///
/// let options = RequestOptions {
///     entity_id: Some(EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d")?),
///     timeout: Duration::from_secs(10),
///     ..RequestOptions::default()
/// };
/// assert_eq!(options.retries, 3);
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOptions {
    /// Sent as `Zuora-Entity-Ids`, for multi-entity tenants. Part of the
    /// cache identity: another entity never gets this one's token.
    pub entity_id: Option<EntityId>,
    /// How many times a 429, 502, 503, 504 or broken connection is retried.
    pub retries: u32,
    /// How long the whole request may take: every attempt, every wait
    /// between them, and the wait for another process's fetch.
    pub timeout: Duration,
    /// Which certificate authorities an HTTPS endpoint is checked against.
    pub trust: Trust,
}

impl Default for RequestOptions {
    fn default() -> RequestOptions {
        RequestOptions {
            entity_id: None,
            retries: 3,
            timeout: Duration::from_secs(30),
            trust: Trust::System,
        }
    }
}

/// Which certificate authorities an HTTPS endpoint is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The operating system's trust store, as curl uses: corporate CAs
    /// added to it work.
    System,
    /// Exactly the PEM certificates in this file. It is read only when a
    /// request is made; an unreadable or certificate-less file is an
    /// [`ErrorKind::Usage`](crate::ErrorKind::Usage) error.
    Bundle(PathBuf),
}

/// The OAuth grant of `POST /oauth/token`. Zuora allows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GrantType {
    /// `client_credentials`: an OAuth client's id and secret.
    #[default]
    ClientCredentials,
}

impl GrantType {
    /// The `grant_type` form value.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantType::ClientCredentials => "client_credentials",
        }
    }
}
