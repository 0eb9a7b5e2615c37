//! One cache entry: the outcome of the last request for one credential
//! identity. `<key>.json` holds the last token, `<key>.failed.json` the last
//! failure; each is read as strictly as a response from Zuora, proves
//! whose it is, and is written atomically.

use std::io;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::CachedToken;
use super::dir::Dir;
use super::failure::{self, Failure};
use crate::credentials::ClientId;
use crate::endpoint::{BaseUrl, TokenUrl};
use crate::error::Error;
use crate::provenance::Provenance;
use crate::secret::{Secret, SourceIdentity};
use crate::token::{AccessToken, MAX_LIFETIME, Token};
use crate::zuora::EntityId;
use crate::zuora::MAX_BODY;

/// The format of a token entry; an entry of another version is a miss.
const VERSION: u32 = 3;

/// The largest entry written or read: room for anything in a token
/// response the client accepts (at most [`MAX_BODY`] bytes; JSON written
/// again is never longer than the JSON it was read from) and for the
/// identity beside it. So a token the client accepts can always be cached
/// and read back: one that could not would turn every call into a request.
pub(crate) const MAX_ENTRY: u64 = MAX_BODY + (1 << 20);

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

/// What reading a token entry found.
#[derive(Debug)]
pub(crate) enum Lookup {
    Missing,
    /// There is a file, but not a valid entry of this version: a miss, and
    /// the next fetch replaces it.
    Invalid(String),
    /// A valid entry, but another identity's (the named part differs): a
    /// miss that is worth a warning, as only a planted or corrupted file
    /// can be one.
    Foreign(&'static str),
    Found(Box<CachedToken>),
}

/// The entry for one credential identity, in the cache directory opened.
#[derive(Debug)]
pub(crate) struct Entry<'d> {
    dir: &'d Dir,
    key: String,
}

/// Who an entry is for.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredIdentity {
    base_url: String,
    /// Where the token was asked for, if not at the base URL's
    /// `/oauth/token` (absent there, as in entries from before
    /// `--token-url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_url: Option<String>,
    client_id: String,
    entity_id: Option<String>,
    secret_fingerprint: Option<String>,
}

/// The stored token, with times in milliseconds since the Unix epoch.
#[derive(Serialize, Deserialize)]
struct StoredToken {
    version: u32,
    access_token: String,
    token_type: String,
    expires_at_ms: u64,
    obtained_at_ms: u64,
    stored_at_ms: u64,
    scope: Option<String>,
    jti: Option<String>,
    /// Fetched in place of a token Zuora refused on an API call.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    replaces_refused: bool,
    #[serde(flatten)]
    identity: StoredIdentity,
}

impl<'d> Entry<'d> {
    /// The entry of `key` in `dir`.
    pub fn new(dir: &'d Dir, key: String) -> Entry<'d> {
        Entry { dir, key }
    }

    /// The directory it is in.
    pub fn dir(&self) -> &'d Dir {
        self.dir
    }

    /// Where the token is (for messages: it is read and written relative
    /// to the directory's handle).
    pub fn path(&self) -> PathBuf {
        self.dir.path().join(self.token_name())
    }

    /// `<key>.json`: the token.
    fn token_name(&self) -> String {
        format!("{}.json", self.key)
    }

    /// `<key>.failed.json`: the last failure, beside the token.
    fn failure_name(&self) -> String {
        format!("{}.failed.json", self.key)
    }

    /// `<key>.lock`: the entry's lock file, beside it.
    pub fn lock_name(&self) -> String {
        format!("{}.lock", self.key)
    }

    /// Reads the token, for `identity` if given (an entry for another is a
    /// miss). Anything but a valid entry, for any reason, is a miss, never
    /// a failure.
    pub fn read(&self, identity: Option<&Identity>) -> Lookup {
        let bytes = match self.dir.read(&self.token_name(), MAX_ENTRY) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Lookup::Missing,
            Err(e) => return Lookup::Invalid(format!("cannot read it: {e}")),
        };
        parse_token(&bytes, identity)
    }

    /// The last failure stored for `identity`, if there is a valid one,
    /// its message told where `provenance` (this caller's settings) says
    /// its inputs came from.
    pub fn read_failure(
        &self,
        identity: &Identity,
        provenance: &dyn Provenance,
    ) -> Option<Failure> {
        let bytes = self.dir.read(&self.failure_name(), MAX_ENTRY).ok()?;
        failure::parse(&bytes, identity, provenance)
    }

    /// Stores `token`, fetched with `secret` for `identity`, and forgets
    /// any failure before it; with `replaces_refused`, in place of a token
    /// Zuora refused.
    pub fn store_token(
        &self,
        token: &Token,
        identity: &Identity,
        secret: &Secret,
        replaces_refused: bool,
    ) -> io::Result<()> {
        let stored = StoredToken {
            version: VERSION,
            access_token: token.access_token.as_str().to_owned(),
            token_type: token.token_type.clone(),
            expires_at_ms: millis(token.expires_at),
            obtained_at_ms: millis(token.obtained_at),
            stored_at_ms: millis(SystemTime::now()),
            scope: token.scope.clone(),
            jti: token.jti.clone(),
            replaces_refused,
            identity: identity.stored(Some(secret)),
        };
        let json = serde_json::to_vec(&stored).expect("an entry serializes");
        if json.len() as u64 > MAX_ENTRY {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the token is too large to cache ({} bytes; at most {MAX_ENTRY})",
                    json.len()
                ),
            ));
        }
        self.dir.write_atomically(&self.token_name(), &json)?;
        self.dir.remove(&self.failure_name()).map(drop)
    }

    /// Stores a failure for `identity` (with the secret it was met with,
    /// if one was read), for the callers waiting on it (and, for a
    /// rejection, for those that ask shortly after). What `provenance`
    /// (this caller's settings) put in its message is stored as a
    /// placeholder, so that each caller that shares it reads its own.
    pub fn store_failure(
        &self,
        error: &Error,
        identity: &Identity,
        secret: Option<&Secret>,
        provenance: &dyn Provenance,
    ) -> io::Result<()> {
        let json = failure::serialize(error, identity.stored(secret), provenance);
        self.dir.write_atomically(&self.failure_name(), &json)
    }

    /// Removes the entry (and its failure); `Ok(false)` if there was none.
    pub fn remove(&self) -> io::Result<bool> {
        self.dir.remove(&self.failure_name())?;
        self.dir.remove(&self.token_name())
    }
}

/// Validates an entry as strictly as a response from Zuora (what is read
/// here may be printed into a shell), and against `identity` if given.
fn parse_token(bytes: &[u8], identity: Option<&Identity>) -> Lookup {
    let Ok(stored) = serde_json::from_slice::<StoredToken>(bytes) else {
        return Lookup::Invalid("it is not a valid entry".into());
    };
    if stored.version != VERSION {
        return Lookup::Invalid(format!(
            "it is of format version {}, not {VERSION}",
            stored.version
        ));
    }
    if let Some(what) = identity.and_then(|i| i.mismatch(&stored.identity)) {
        return Lookup::Foreign(what);
    }
    validate(stored).map_or_else(Lookup::Invalid, |found| Lookup::Found(Box::new(found)))
}

/// The token of a stored entry, if it is one this program could have
/// written: what is read here may be printed into a shell.
fn validate(stored: StoredToken) -> Result<CachedToken, String> {
    let access_token = AccessToken::parse(&stored.access_token).ok_or("its token is malformed")?;
    let base_url = BaseUrl::parse(&stored.identity.base_url)
        .map_err(|_| "its base URL is malformed".to_owned())?;
    if !stored.token_type.eq_ignore_ascii_case("bearer") {
        return Err("its token type is not bearer".into());
    }
    let (obtained_at, expires_at) = (time(stored.obtained_at_ms), time(stored.expires_at_ms));
    if in_the_future(obtained_at) || in_the_future(time(stored.stored_at_ms)) {
        return Err("it says it was obtained in the future".into());
    }
    if expires_at.duration_since(obtained_at).unwrap_or_default() > MAX_LIFETIME {
        return Err("it expires later than a token can live".into());
    }
    Ok(CachedToken {
        token: Token {
            access_token,
            token_type: stored.token_type,
            expires_at,
            obtained_at,
            scope: stored.scope,
            jti: stored.jti,
            base_url,
        },
        client_id: stored.identity.client_id,
        token_url: stored.identity.token_url,
        replaces_refused: stored.replaces_refused,
        entity_id: stored.identity.entity_id,
        stored_at: time(stored.stored_at_ms),
    })
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
