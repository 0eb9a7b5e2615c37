//! The on-disk token cache: one entry per credential identity, a lock per
//! entry so that parallel processes make one request between them, and
//! atomic writes so that no reader ever sees half an entry.
//!
//! Layout: `<dir>/<key>.json` holds the token and its metadata and
//! `<dir>/<key>.lock` is the (empty) lock file. The key is a SHA-256 of the
//! base URL, client id, entity id and secret, so a rotated secret or another
//! entity never meets a stale token, and the secret itself is never stored.
//! The directory is created 0700 and files 0600 (on Unix), from the start.

mod entry;
mod lock;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) use entry::{Entry, Identity, Lookup};
pub(crate) use lock::LockFile;

use crate::token::Token;

/// Whether and how a [`TokenSource`](crate::TokenSource) uses the cache.
///
/// ```
/// use std::time::Duration;
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
    /// The entity id it was asked for, if any.
    pub entity_id: Option<String>,
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

    /// Every entry in the directory, valid or not, sorted by file name. A
    /// directory that does not exist has none.
    ///
    /// # Errors
    ///
    /// The directory cannot be read.
    pub fn entries(&self) -> io::Result<Vec<CacheFile>> {
        let mut entries: Vec<CacheFile> = self
            .files()?
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|path| {
                let contents = match Entry::new(path.clone()).read() {
                    Lookup::Found(cached) => Ok(cached),
                    Lookup::Invalid(why) => Err(why),
                    // Removed since the directory was read.
                    Lookup::Missing => return None,
                };
                Some(CacheFile { path, contents })
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }

    /// Removes every entry (and any temporary file a crash left behind),
    /// returning how many entries there were. Lock files stay: removing one
    /// that a process holds would let another lock a new file beside it.
    ///
    /// # Errors
    ///
    /// The directory cannot be read, or a file in it cannot be removed.
    pub fn clear(&self) -> io::Result<usize> {
        let mut removed = 0;
        for path in self.files()? {
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

    /// The paths in the directory; none if it does not exist.
    fn files(&self) -> io::Result<impl Iterator<Item = PathBuf>> {
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
