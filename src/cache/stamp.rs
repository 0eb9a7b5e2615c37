//! What every file of the cache carries to prove it: who it is for (the
//! credential identity, which also names the entry) and when it was
//! stored, read back only if it is not in the future.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::credentials::ClientId;
use crate::endpoint::{BaseUrl, TokenUrl};
use crate::secret::{Secret, SourceIdentity};
use crate::zuora_headers::EntityId;

/// How far ahead of this machine's clock a time in an entry may be (the
/// clocks of two processes agree, but a file's can be planted): beyond
/// it, the entry is not trusted.
const CLOCK_SLACK: Duration = Duration::from_secs(60);

/// What a token is cached for: everything that decides which token Zuora
/// would issue, with the secret known by its source (a secret at hand, or
/// the file or command it comes from). Another value of any part is
/// another entry, and an entry is used only by the identity it names.
pub(crate) struct Identity<'a> {
    base_url: &'a BaseUrl,
    token_url: &'a TokenUrl,
    client_id: &'a ClientId,
    entity_id: Option<&'a EntityId>,
    secret: SecretKey,
}

/// The secret as an identity knows it: a fingerprint of a secret at hand
/// (which an entry must match), or the name of its source.
enum SecretKey {
    Fingerprint(String),
    Source(String),
}

impl<'a> Identity<'a> {
    pub fn new(
        base_url: &'a BaseUrl,
        token_url: &'a TokenUrl,
        client_id: &'a ClientId,
        entity_id: Option<&'a EntityId>,
        secret: SourceIdentity,
    ) -> Identity<'a> {
        let secret = match secret {
            SourceIdentity::Secret(secret) => SecretKey::Fingerprint(fingerprint(&secret)),
            SourceIdentity::Named(source) => SecretKey::Source(source),
        };
        Identity {
            base_url,
            token_url,
            client_id,
            entity_id,
            secret,
        }
    }
}

impl Identity<'_> {
    /// The entry's file name: 32 hex characters of a SHA-256 of the parts.
    pub fn key(&self) -> String {
        let secret = match &self.secret {
            SecretKey::Fingerprint(fingerprint) => format!("secret {fingerprint}"),
            SecretKey::Source(source) => format!("source {source}"),
        };
        digest(
            "zuora-token cache key v3",
            &[
                self.base_url.as_str(),
                self.token_url.as_str(),
                self.client_id.as_str(),
                &self.entity(),
                &secret,
            ],
        )
    }

    /// The token URL, if it is not Zuora's on the base URL.
    fn own_token_url(&self) -> Option<&str> {
        let url = self.token_url.as_str();
        (url != self.base_url.zuoras_token_url()).then_some(url)
    }

    fn entity(&self) -> String {
        self.entity_id
            .map(|e| e.as_str().to_ascii_lowercase())
            .unwrap_or_default()
    }

    /// What in `stored` is another identity's, if anything. The secret is
    /// checked when it is at hand; behind a named source it is not read
    /// for that.
    pub(super) fn mismatch(&self, stored: &StoredIdentity) -> Option<&'static str> {
        let entity = stored
            .entity_id
            .as_deref()
            .unwrap_or("")
            .to_ascii_lowercase();
        let secret = match &self.secret {
            SecretKey::Fingerprint(fingerprint) => {
                stored.secret_fingerprint.as_ref() == Some(fingerprint)
            }
            SecretKey::Source(_) => true,
        };
        if stored.base_url != self.base_url.as_str() {
            Some("base URL")
        } else if stored.token_url.as_deref() != self.own_token_url() {
            Some("token URL")
        } else if stored.client_id != self.client_id.as_str() {
            Some("client id")
        } else if entity != self.entity() {
            Some("entity id")
        } else if !secret {
            Some("secret")
        } else {
            None
        }
    }

    /// Who an entry is for, with the fingerprint of the secret it was
    /// fetched with, when one was read.
    pub(super) fn stored(&self, secret: Option<&Secret>) -> StoredIdentity {
        StoredIdentity {
            base_url: self.base_url.as_str().to_owned(),
            token_url: self.own_token_url().map(str::to_owned),
            client_id: self.client_id.as_str().to_owned(),
            entity_id: self.entity_id.map(|e| e.as_str().to_owned()),
            secret_fingerprint: secret.map(fingerprint),
        }
    }
}

/// What proves which secret an entry was fetched with, without holding
/// it: a domain-separated SHA-256.
fn fingerprint(secret: &Secret) -> String {
    digest("zuora-token secret fingerprint v1", &[secret.expose()])
}

/// 32 hex characters of a SHA-256 of `domain` and `parts`, each
/// length-prefixed so that no two inputs hash the same bytes.
fn digest(domain: &str, parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in std::iter::once(domain).chain(parts.iter().copied()) {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    hash.finalize()[..16]
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// Who an entry is for.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredIdentity {
    pub base_url: String,
    /// Where the token was asked for, if not at the base URL's
    /// `/oauth/token` (absent there, as in entries from before
    /// `--token-url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    pub client_id: String,
    pub entity_id: Option<String>,
    secret_fingerprint: Option<String>,
}

/// Whether `time` is ahead of this machine's clock by more than the slack.
pub(super) fn in_the_future(time: SystemTime) -> bool {
    time.duration_since(SystemTime::now())
        .is_ok_and(|ahead| ahead > CLOCK_SLACK)
}

pub(super) fn time(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

pub(super) fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
