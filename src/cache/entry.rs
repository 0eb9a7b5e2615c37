//! One cache entry: the outcome of the last request for one credential
//! identity. `<key>.json` holds the last token, `<key>.failed.json` the last
//! failure; each is read as strictly as a response from Zuora, proves
//! whose it is, and is written atomically.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::CachedToken;
use crate::credentials::ClientId;
use crate::endpoint::{BaseUrl, TokenUrl};
use crate::error::{Error, ErrorKind};
use crate::files;
use crate::secret::{Secret, SourceIdentity};
use crate::token::{AccessToken, MAX_LIFETIME, Token};
use crate::zuora_headers::EntityId;

/// The format of an entry; an entry of another version is a miss.
const VERSION: u32 = 3;

/// The largest entry written or read. A token response is a few hundred
/// bytes; a token too large for this is not cached (with a warning), so
/// that what is written can always be read back.
pub(crate) const MAX_ENTRY: u64 = 64 * 1024;

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
    fn mismatch(&self, stored: &StoredIdentity) -> Option<&'static str> {
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
    fn stored(&self, secret: Option<&Secret>) -> StoredIdentity {
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

/// The last failure stored for an identity, to share with the callers that
/// waited for it.
#[derive(Debug)]
pub(crate) struct Failure {
    pub error: Error,
    /// When it was stored.
    pub stored_at: SystemTime,
}

/// The entry for one credential identity.
#[derive(Debug)]
pub(crate) struct Entry {
    path: PathBuf,
}

/// Who an entry is for.
#[derive(Serialize, Deserialize)]
struct StoredIdentity {
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

/// The stored failure: what the caller that made the request reported.
#[derive(Serialize, Deserialize)]
struct StoredFailure {
    version: u32,
    stored_at_ms: u64,
    exit_code: u8,
    message: String,
    hints: Vec<String>,
    rejected: bool,
    #[serde(flatten)]
    identity: StoredIdentity,
}

impl Entry {
    pub fn new(path: PathBuf) -> Entry {
        Entry { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry's lock file, beside it.
    pub fn lock_path(&self) -> PathBuf {
        self.path.with_extension("lock")
    }

    /// Where the last failure is kept, beside the token.
    fn failure_path(&self) -> PathBuf {
        self.path.with_extension("failed.json")
    }

    /// Reads the token, for `identity` if given (an entry for another is a
    /// miss). Anything but a valid entry, for any reason, is a miss, never
    /// a failure.
    pub fn read(&self, identity: Option<&Identity>) -> Lookup {
        let bytes = match files::read_cache_file(&self.path, MAX_ENTRY) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Lookup::Missing,
            Err(e) => return Lookup::Invalid(format!("cannot read it: {e}")),
        };
        parse_token(&bytes, identity)
    }

    /// The last failure stored for `identity`, if there is a valid one.
    pub fn read_failure(&self, identity: &Identity) -> Option<Failure> {
        let bytes = files::read_cache_file(&self.failure_path(), MAX_ENTRY).ok()?;
        let stored: StoredFailure = serde_json::from_slice(&bytes).ok()?;
        let stored_at = time(stored.stored_at_ms);
        let trusted = stored.version == VERSION
            && identity.mismatch(&stored.identity).is_none()
            && !in_the_future(stored_at);
        let kind = ErrorKind::from_code(stored.exit_code).filter(|_| trusted)?;
        let mut error = Error::new(kind, stored.message).rejected(stored.rejected);
        for hint in stored.hints {
            error = error.with_hint(hint);
        }
        Some(Failure { error, stored_at })
    }

    /// Stores a token for `identity`, fetched with `secret`, and forgets
    /// any failure before it.
    /// Stores `token`, fetched with `secret` for `identity`; with
    /// `replaces_refused`, in place of a token Zuora refused.
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
        write_atomically(&self.path, &json)?;
        remove(&self.failure_path()).map(drop)
    }

    /// Stores a failure for `identity` (with the secret it was met with,
    /// if one was read), for the callers waiting on it (and, for a
    /// rejection, for those that ask shortly after).
    pub fn store_failure(
        &self,
        error: &Error,
        identity: &Identity,
        secret: Option<&Secret>,
    ) -> io::Result<()> {
        let stored = StoredFailure {
            version: VERSION,
            stored_at_ms: millis(SystemTime::now()),
            exit_code: error.kind().code(),
            message: error.to_string(),
            hints: error.hints().to_vec(),
            rejected: error.is_rejection(),
            identity: identity.stored(secret),
        };
        let mut json = serde_json::to_vec(&stored).expect("a failure serializes");
        json.truncate(MAX_ENTRY as usize);
        write_atomically(&self.failure_path(), &json)
    }

    /// Removes the entry (and its failure); `Ok(false)` if there was none.
    pub fn remove(&self) -> io::Result<bool> {
        remove(&self.failure_path())?;
        remove(&self.path)
    }
}

/// Writes `bytes` to `path` atomically: a private temporary file in the
/// same directory (`tempfile` creates it 0600 under a name no other
/// process can guess), flushed to disk, then renamed over `path`. A failed
/// write removes its temporary file.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().expect("an entry is in a directory");
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{name}.tmp."))
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map(drop).map_err(|e| e.error)
}

/// Removes `path`; `Ok(false)` if there was nothing there.
fn remove(path: &Path) -> io::Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
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
fn in_the_future(time: SystemTime) -> bool {
    time.duration_since(SystemTime::now())
        .is_ok_and(|ahead| ahead > CLOCK_SLACK)
}

fn time(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
