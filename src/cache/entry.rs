//! One cache entry: where the token of one credential identity is kept,
//! read as strictly as a response from Zuora and written atomically.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::CachedToken;
use crate::credentials::ClientId;
use crate::endpoint::BaseUrl;
use crate::secret::Secret;
use crate::token::{AccessToken, Token};
use crate::zuora::EntityId;

/// The format of an entry; an entry of another version is a miss.
const VERSION: u32 = 1;

/// An entry is a few hundred bytes; anything much larger is not one of ours.
const MAX_ENTRY: u64 = 64 * 1024;

/// What a token is cached for: everything that decides which token Zuora
/// would issue. Another value of any part is another entry.
pub(crate) struct Identity<'a> {
    pub base_url: &'a BaseUrl,
    pub client_id: &'a ClientId,
    pub entity_id: Option<&'a EntityId>,
    pub secret: &'a Secret,
}

impl Identity<'_> {
    /// The entry's file name: 32 hex characters of a SHA-256 of the parts.
    pub fn key(&self) -> String {
        let entity = self
            .entity_id
            .map(|e| e.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let mut hash = Sha256::new();
        for part in [
            "zuora-token cache key v1",
            self.base_url.as_str(),
            self.client_id.as_str(),
            &entity,
            self.secret.expose(),
        ] {
            // Length-prefixed, so that no two identities hash the same bytes.
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part.as_bytes());
        }
        hash.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// What reading an entry found.
#[derive(Debug)]
pub(crate) enum Lookup {
    Missing,
    /// There is a file, but not a valid entry of this version: a miss, and
    /// the next fetch replaces it.
    Invalid(String),
    Found(CachedToken),
}

/// The entry for one credential identity.
#[derive(Debug)]
pub(crate) struct Entry {
    path: PathBuf,
}

/// The stored form, with times in milliseconds since the Unix epoch.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    access_token: String,
    token_type: String,
    expires_at_ms: u64,
    obtained_at_ms: u64,
    scope: Option<String>,
    jti: Option<String>,
    base_url: String,
    client_id: String,
    entity_id: Option<String>,
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

    /// Reads the entry. Anything but a valid entry of this version, for
    /// any reason, is a miss, never a failure.
    pub fn read(&self) -> Lookup {
        let mut text = String::new();
        // Checking the size first lets the read be one system call.
        let read = File::open(&self.path).and_then(|mut f| match f.metadata()?.len() {
            len if len > MAX_ENTRY => {
                Err(io::Error::other(format!("it is {len} bytes, too large")))
            }
            _ => f.read_to_string(&mut text),
        });
        match read {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Lookup::Missing,
            Err(e) => Lookup::Invalid(format!("cannot read it: {e}")),
            Ok(_) => match parse(&text) {
                Ok(cached) => Lookup::Found(cached),
                Err(why) => Lookup::Invalid(why),
            },
        }
    }

    /// Writes the entry atomically: a private temporary file in the same
    /// directory (`tempfile` creates it 0600 under a name no other process
    /// can guess), flushed to disk, then renamed over the entry. A failed
    /// write removes its temporary file.
    pub fn store(&self, token: &Token, identity: &Identity) -> io::Result<()> {
        let stored = Stored {
            version: VERSION,
            access_token: token.access_token.as_str().to_owned(),
            token_type: token.token_type.clone(),
            expires_at_ms: millis(token.expires_at),
            obtained_at_ms: millis(token.obtained_at),
            scope: token.scope.clone(),
            jti: token.jti.clone(),
            base_url: token.base_url.as_str().to_owned(),
            client_id: identity.client_id.as_str().to_owned(),
            entity_id: identity.entity_id.map(|e| e.as_str().to_owned()),
        };
        let json = serde_json::to_vec(&stored).expect("an entry serializes");
        let dir = self.path.parent().expect("an entry is in a directory");
        let prefix = format!("{}.tmp.", self.file_name());
        let mut temp = tempfile::Builder::new().prefix(&prefix).tempfile_in(dir)?;
        temp.write_all(&json)?;
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map(drop).map_err(|e| e.error)
    }

    /// Removes the entry; `Ok(false)` if there was none.
    pub fn remove(&self) -> io::Result<bool> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Validates an entry as strictly as a response from Zuora: what is read
/// here may be printed into a shell.
fn parse(text: &str) -> Result<CachedToken, String> {
    let stored: Stored =
        serde_json::from_str(text).map_err(|_| "it is not a valid entry".to_owned())?;
    if stored.version != VERSION {
        return Err(format!(
            "it is of format version {}, not {VERSION}",
            stored.version
        ));
    }
    let access_token = AccessToken::parse(&stored.access_token).ok_or("its token is malformed")?;
    let base_url =
        BaseUrl::parse(&stored.base_url).map_err(|_| "its base URL is malformed".to_owned())?;
    if !stored.token_type.eq_ignore_ascii_case("bearer") {
        return Err("its token type is not bearer".into());
    }
    let time = |ms: u64| UNIX_EPOCH + Duration::from_millis(ms);
    Ok(CachedToken {
        token: Token {
            access_token,
            token_type: stored.token_type,
            expires_at: time(stored.expires_at_ms),
            obtained_at: time(stored.obtained_at_ms),
            scope: stored.scope,
            jti: stored.jti,
            base_url,
        },
        client_id: stored.client_id,
        entity_id: stored.entity_id,
    })
}

fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
