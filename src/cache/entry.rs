//! One cache entry: the outcome of the last request for one credential
//! identity. `<key>.json` holds the last token, `<key>.failed.json` the last
//! failure; each is read as strictly as a response from Zuora, proves
//! whose it is, and is written atomically.

use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::CachedToken;
use super::dir::Dir;
use super::failure::{self, Failure};
use super::stamp::{Identity, StoredIdentity, in_the_future, millis, time};
use crate::endpoint::BaseUrl;
use crate::error::Error;
use crate::provenance::Provenance;
use crate::secret::Secret;
use crate::token::{AccessToken, MAX_LIFETIME, Token};
use crate::zuora::MAX_BODY;

/// The format of a token entry; an entry of another version is a miss.
const VERSION: u32 = 3;

/// The largest entry written or read: room for anything in a token
/// response the client accepts (at most [`MAX_BODY`] bytes; JSON written
/// again is never longer than the JSON it was read from) and for the
/// identity beside it. So a token the client accepts can always be cached
/// and read back: one that could not would turn every call into a request.
pub(crate) const MAX_ENTRY: u64 = MAX_BODY + (1 << 20);

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

    fn token_name(&self) -> String {
        token_name(&self.key)
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

/// `<key>.json`: the file of the token of `key`.
pub(crate) fn token_name(key: &str) -> String {
    format!("{key}.json")
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
