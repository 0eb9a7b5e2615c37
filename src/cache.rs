//! The on-disk token cache: one entry per credential identity, a lock per
//! entry so that parallel processes make one request between them, and
//! atomic writes so that no reader ever sees half an entry.
//!
//! Layout: `<dir>/<key>.json` holds the token and its metadata and
//! `<dir>/<key>.lock` is the (empty) lock file. The key is a SHA-256 of the
//! base URL, client id, entity id and secret, so a rotated secret or another
//! entity never meets a stale token, and the secret itself is never stored.
//! The directory is created 0700 and files 0600 (on Unix), from the start.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ids::BaseUrl;
use crate::settings::Settings;
use crate::token::{AccessToken, Token};

/// The format of an entry; an entry of another version is a miss.
const VERSION: u32 = 1;

/// An entry is a few hundred bytes; anything much larger is not one of ours.
const MAX_ENTRY: u64 = 64 * 1024;

/// A cache directory.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// A token as found in the cache, with the identity it was stored for.
#[derive(Debug)]
pub struct Cached {
    pub token: Token,
    pub client_id: String,
    pub entity_id: Option<String>,
}

/// What reading an entry found.
#[derive(Debug)]
pub enum Lookup {
    Missing,
    /// There is a file, but not a valid entry of this version: a miss, and
    /// the next fetch replaces it.
    Invalid(String),
    Found(Cached),
}

/// The entry for one credential identity.
#[derive(Debug)]
pub struct Entry {
    path: PathBuf,
}

/// An entry's lock file. Once [`LockFile::try_lock`] succeeds, the entry is
/// held until this is dropped (or the process dies: the OS drops the lock
/// with its file descriptor, so a crash leaves no stale lock).
#[derive(Debug)]
pub struct LockFile(File);

impl LockFile {
    /// Takes the lock if no other process holds it; `Ok(false)` if one does.
    pub fn try_lock(&self) -> io::Result<bool> {
        match self.0.try_lock() {
            Ok(()) => Ok(true),
            Err(fs::TryLockError::WouldBlock) => Ok(false),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }
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

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry for the credentials in `settings`.
    pub fn entry(&self, settings: &Settings) -> Entry {
        let mut hash = Sha256::new();
        for part in [
            "zuora-token cache key v1",
            settings.base_url.value.as_str(),
            &settings.client_id.value,
            &settings
                .entity_id
                .as_ref()
                .map(|e| e.as_str().to_ascii_lowercase())
                .unwrap_or_default(),
            settings.secret.expose(),
        ] {
            // Length-prefixed, so that no two identities hash the same bytes.
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part.as_bytes());
        }
        let key: String = hash.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Entry {
            path: self.dir.join(format!("{key}.json")),
        }
    }

    /// Every entry in the directory, valid or not, sorted by file name.
    pub fn entries(&self) -> io::Result<Vec<(PathBuf, Result<Cached, String>)>> {
        let dir = match fs::read_dir(&self.dir) {
            Ok(dir) => dir,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut entries: Vec<_> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|path| {
                let entry = match (Entry { path: path.clone() }).read() {
                    Lookup::Found(cached) => Ok(cached),
                    Lookup::Invalid(why) => Err(why),
                    // Removed since the directory was read.
                    Lookup::Missing => return None,
                };
                Some((path, entry))
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(entries)
    }

    /// Removes every entry (and any temporary file a crash left behind),
    /// returning how many entries there were. Lock files stay: removing one
    /// that a process holds would let another lock a new file beside it.
    pub fn clear(&self) -> io::Result<usize> {
        let dir = match fs::read_dir(&self.dir) {
            Ok(dir) => dir,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut removed = 0;
        for path in dir.filter_map(|e| e.ok().map(|e| e.path())) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.ends_with(".json") || name.contains(".json.tmp") {
                fs::remove_file(&path)?;
                removed += usize::from(name.ends_with(".json"));
            }
        }
        Ok(removed)
    }
}

impl Entry {
    pub fn path(&self) -> &Path {
        &self.path
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

    /// Opens the entry's lock file (creating the directory if need be),
    /// without taking the lock.
    pub fn lock_file(&self) -> io::Result<LockFile> {
        create_dir(self.path.parent().expect("an entry is in a directory"))?;
        let file = private_file(OpenOptions::new().read(true).write(true).create(true))
            .open(self.path.with_extension("lock"))?;
        Ok(LockFile(file))
    }

    /// Writes the entry atomically: a private temporary file in the same
    /// directory, flushed to disk, then renamed over the entry.
    pub fn store(&self, token: &Token, settings: &Settings) -> io::Result<()> {
        let stored = Stored {
            version: VERSION,
            access_token: token.access_token.as_str().to_owned(),
            token_type: token.token_type.clone(),
            expires_at_ms: millis(token.expires_at),
            obtained_at_ms: millis(token.obtained_at),
            scope: token.scope.clone(),
            jti: token.jti.clone(),
            base_url: token.base_url.as_str().to_owned(),
            client_id: settings.client_id.value.clone(),
            entity_id: settings.entity_id.as_ref().map(|e| e.as_str().to_owned()),
        };
        let json = serde_json::to_vec(&stored).expect("an entry serializes");
        let nonce = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temp = self
            .path
            .with_extension(format!("json.tmp.{}.{nonce}", std::process::id()));
        let written = private_file(OpenOptions::new().write(true).create_new(true))
            .open(&temp)
            .and_then(|mut file| {
                file.write_all(&json)?;
                file.sync_all()
            })
            .and_then(|()| fs::rename(&temp, &self.path));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
    }

    /// Removes the entry; `Ok(false)` if there was none.
    pub fn remove(&self) -> io::Result<bool> {
        match fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Validates an entry as strictly as a response from Zuora: what is read
/// here may be printed into a shell.
fn parse(text: &str) -> Result<Cached, String> {
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
    Ok(Cached {
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
        .map_or(0, |d| d.as_millis() as u64)
}

/// Creates the cache directory (and missing parents) as 0700.
fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Files are created 0600: readable by their owner alone from the start.
fn private_file(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}
