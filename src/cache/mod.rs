//! The on-disk token cache: one entry per credential identity, a lock per
//! entry so that parallel processes make one request between them, and
//! atomic writes so that no reader ever sees half an entry.
//!
//! Layout: `<dir>/<key>.json` holds the token and its metadata,
//! `<dir>/<key>.failed.json` the last failure (shared with the callers that
//! waited for it), and `<dir>/<key>.lock` is the (empty) lock file. The key
//! is a SHA-256 of the base URL, client id, entity id and secret, so a
//! rotated secret or another entity never meets a stale token; the secret
//! itself is never stored, only a fingerprint that proves which one an
//! entry was fetched with. The directory is created 0700 and files 0600 (on
//! Unix), from the start, and a directory others can write to, or that
//! another user owns, is not used at all.

mod entry;
mod lock;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub(crate) use entry::{Entry, Failure, Identity, Lookup};
pub(crate) use lock::{LockFile, Waited};

use crate::token::Token;

/// Whether and how a [`TokenSource`](crate::TokenSource) uses the cache.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use zuora_token::{CacheMode, CachePolicy};
///
/// let policy = CachePolicy::in_dir("/var/cache/zuora-token").with_min_ttl(Duration::from_secs(600));
/// assert!(matches!(policy.mode, CacheMode::Use(_)));
/// assert_eq!(CachePolicy::off().mode, CacheMode::Off);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachePolicy {
    /// Whether the cache is read and written.
    pub mode: CacheMode,
    /// A cached token is handed out only while it has at least this long
    /// left. A token Zuora issues with less is still handed out (there is
    /// no better one to be had).
    pub min_ttl: Duration,
}

/// Whether the cache is read and written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheMode {
    /// Neither read nor written: every call asks Zuora.
    Off,
    /// A token cached in this directory is used while it is fresh enough;
    /// otherwise one process fetches and stores a new one for all.
    Use(PathBuf),
    /// A new token is fetched even if a fresh one is cached, and stored in
    /// this directory.
    Refresh(PathBuf),
}

impl CachePolicy {
    /// The minimum time left by default: Zuora's own guide refreshes a
    /// token 5 minutes before it expires.
    pub const DEFAULT_MIN_TTL: Duration = Duration::from_secs(300);

    /// Use the cache in `dir`, with the default minimum TTL.
    pub fn in_dir(dir: impl Into<PathBuf>) -> CachePolicy {
        CachePolicy {
            mode: CacheMode::Use(dir.into()),
            min_ttl: Self::DEFAULT_MIN_TTL,
        }
    }

    /// Fetch a new token even if a fresh one is cached, and store it in
    /// `dir`, with the default minimum TTL.
    pub fn refreshing(dir: impl Into<PathBuf>) -> CachePolicy {
        CachePolicy {
            mode: CacheMode::Refresh(dir.into()),
            min_ttl: Self::DEFAULT_MIN_TTL,
        }
    }

    /// No cache.
    pub fn off() -> CachePolicy {
        CachePolicy {
            mode: CacheMode::Off,
            min_ttl: Self::DEFAULT_MIN_TTL,
        }
    }

    /// The same, with another minimum TTL.
    pub fn with_min_ttl(mut self, min_ttl: Duration) -> CachePolicy {
        self.min_ttl = min_ttl;
        self
    }

    /// The cache directory, unless the cache is off.
    pub fn dir(&self) -> Option<&Path> {
        match &self.mode {
            CacheMode::Off => None,
            CacheMode::Use(dir) | CacheMode::Refresh(dir) => Some(dir),
        }
    }
}

/// A cache directory, for listing and clearing it. Reading and writing
/// tokens is [`TokenSource`](crate::TokenSource)'s.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// A token as found in the cache, with the identity it was stored for.
#[derive(Debug, Clone)]
pub struct CachedToken {
    /// The token.
    pub token: Token,
    /// The client id it was issued to.
    pub client_id: String,
    /// The token URL it was asked for at, if not Zuora's on its base URL
    /// (`--token-url`).
    pub token_url: Option<String>,
    /// The entity id it was asked for, if any.
    pub entity_id: Option<String>,
    /// Whether it was fetched in place of a token Zuora refused
    /// ([`TokenSource::replace`](crate::TokenSource::replace)).
    pub replaces_refused: bool,
    /// When it was stored.
    pub stored_at: SystemTime,
}

/// A file of the cache, as [`Cache::entries`] found it.
#[derive(Debug)]
pub struct CacheFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its token, or why it is unusable (such an entry is a miss, and is
    /// replaced by the next fetch for its identity).
    pub contents: Result<CachedToken, String>,
}

impl Cache {
    /// The cache in `dir` (which need not exist yet).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry for one credential identity.
    pub(crate) fn entry(&self, identity: &Identity) -> Entry {
        Entry::new(self.dir.join(format!("{}.json", identity.key())))
    }

    /// Every token entry in the directory, valid or not, sorted by file
    /// name. A directory that does not exist has none.
    ///
    /// # Errors
    ///
    /// The directory cannot be read, or others can write to it, or another
    /// user owns it.
    pub fn entries(&self) -> io::Result<Vec<CacheFile>> {
        let mut entries: Vec<CacheFile> = self
            .files()?
            .filter(|p| is_token_entry(p))
            .filter_map(|path| {
                let contents = match Entry::new(path.clone()).read(None) {
                    Lookup::Found(cached) => Ok(*cached),
                    Lookup::Invalid(why) => Err(why),
                    Lookup::Foreign(what) => Err(format!("it names another {what}")),
                    // Removed since the directory was read.
                    Lookup::Missing => return None,
                };
                Some(CacheFile { path, contents })
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }

    /// Removes every entry (with its failure, and any temporary file a
    /// crash left behind), returning how many tokens there were. Lock files
    /// stay: removing one that a process holds would let another lock a new
    /// file beside it.
    ///
    /// # Errors
    ///
    /// As [`Cache::entries`], or a file in it cannot be removed.
    pub fn clear(&self) -> io::Result<usize> {
        let mut removed = 0;
        for path in self.files()? {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.ends_with(".json") || name.contains(".json.tmp") {
                fs::remove_file(&path)?;
                removed += usize::from(is_token_entry(&path));
            }
        }
        Ok(removed)
    }

    /// Why the directory must not be used, if it must not: others can
    /// write to it (and so plant or swap entries), or another user owns it
    /// (as ssh's StrictModes refuses such a home). One that does not exist
    /// yet is fine: it is created 0700.
    pub(crate) fn distrust(&self) -> Option<String> {
        // One that cannot be looked at fails on use, with its own error.
        let metadata = fs::metadata(&self.dir).ok()?;
        if !metadata.is_dir() {
            return Some("it is not a directory".into());
        }
        unsafe_ownership(&metadata)
    }

    /// The paths in the directory (none if it does not exist), once the
    /// directory is known to be trustworthy.
    fn files(&self) -> io::Result<impl Iterator<Item = PathBuf>> {
        if let Some(why) = self.distrust() {
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, why));
        }
        let dir = match fs::read_dir(&self.dir) {
            Ok(dir) => Some(dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(dir
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path())))
    }
}

/// `<key>.json`, not `<key>.failed.json`.
fn is_token_entry(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.ends_with(".json") && !name.ends_with(".failed.json")
}

/// Another user owns it, or its group or others can write to it.
#[cfg(unix)]
fn unsafe_ownership(metadata: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if metadata.uid() != me {
        return Some(format!(
            "it belongs to another user (uid {}, not {me})",
            metadata.uid()
        ));
    }
    let mode = metadata.mode() & 0o7777;
    (mode & 0o022 != 0).then(|| format!("others than its owner can write to it (mode {mode:o})"))
}

#[cfg(not(unix))]
fn unsafe_ownership(_: &fs::Metadata) -> Option<String> {
    None
}
