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
//!
//! Any number of processes may use, list and clear it at once: the
//! directory is opened once and its files reached through that handle
//! ([`dir`]); a file is replaced only by an atomic rename; and a clear
//! removes tokens and failures, never a lock file (a process holding it
//! would keep a lock no one else sees) nor a temporary file a process is
//! writing (only those of an entry whose lock it can take: a crash's
//! leftovers; and a write whose temporary file vanished writes again).

mod dir;
mod entry;
mod failure;
mod lock;
mod stamp;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub(crate) use dir::Dir;
pub(crate) use entry::{Entry, Lookup};
pub(crate) use failure::Failure;
pub(crate) use lock::{LockFile, Waited};
pub(crate) use stamp::Identity;

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

    /// Where the token of `identity` is (or would be) kept.
    pub(crate) fn entry_path(&self, identity: &Identity) -> PathBuf {
        self.dir.join(entry::token_name(&identity.key()))
    }

    /// Opens the directory (`Ok(None)` if it does not exist; created 0700
    /// first with `create`), once the directory is known to be
    /// trustworthy: not a symbolic link, this user's, and not writable by
    /// others (as ssh's StrictModes refuses such a home).
    ///
    /// # Errors
    ///
    /// It cannot be opened, or cannot be trusted.
    pub(crate) fn open(&self, create: bool) -> io::Result<Option<Dir>> {
        Dir::open(&self.dir, create)
    }

    /// Every token entry in the directory, valid or not, sorted by file
    /// name. A directory that does not exist has none; an entry removed
    /// while it is listed is left out.
    ///
    /// # Errors
    ///
    /// The directory cannot be read, or others can write to it, or another
    /// user owns it.
    pub fn entries(&self) -> io::Result<Vec<CacheFile>> {
        let Some(dir) = self.open(false)? else {
            return Ok(Vec::new());
        };
        let mut entries: Vec<CacheFile> = dir
            .names()?
            .into_iter()
            .filter_map(|name| match FileKind::of(&name) {
                FileKind::Token(key) => Some(key.to_owned()),
                _ => None,
            })
            .filter_map(|key| {
                let entry = Entry::new(&dir, key);
                let contents = match entry.read(None) {
                    Lookup::Found(cached) => Ok(*cached),
                    Lookup::Invalid(why) => Err(why),
                    Lookup::Foreign(what) => Err(format!("it names another {what}")),
                    // Removed since the directory was read.
                    Lookup::Missing => return None,
                };
                Some(CacheFile {
                    path: entry.path(),
                    contents,
                })
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }

    /// Removes every entry (with its failure, and any temporary file a
    /// crash left behind), returning how many tokens it removed. Another
    /// clear at the same time removes some of them instead: both succeed.
    /// Lock files stay: removing one that a process holds would let another
    /// lock a new file beside it. A temporary file stays while a process
    /// holds its entry's lock (it may be writing it; its rename would
    /// fail without it).
    ///
    /// # Errors
    ///
    /// As [`Cache::entries`], or a file in it cannot be removed.
    pub fn clear(&self) -> io::Result<usize> {
        let Some(dir) = self.open(false)? else {
            return Ok(0);
        };
        let mut removed = 0;
        let mut temporary: Vec<(String, String)> = Vec::new();
        for name in dir.names()? {
            match FileKind::of(&name) {
                FileKind::Token(_) => removed += usize::from(dir.remove(&name)?),
                FileKind::Failure => drop(dir.remove(&name)?),
                FileKind::Temporary(key) => temporary.push((key.to_owned(), name.clone())),
                FileKind::Other => {}
            }
        }
        temporary.sort();
        for (key, names) in group(&temporary) {
            let entry = Entry::new(&dir, key.to_owned());
            // Held (or locks do not work here): it may be being written.
            let Ok(lock) = LockFile::open(&entry) else {
                continue;
            };
            if lock.try_lock().unwrap_or(false) {
                for name in names {
                    dir.remove(name)?;
                }
            }
        }
        Ok(removed)
    }
}

/// `pairs` (sorted by key) grouped by key.
fn group(pairs: &[(String, String)]) -> Vec<(&str, Vec<&str>)> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for (key, name) in pairs {
        match groups.last_mut() {
            Some((last, names)) if last == key => names.push(name),
            _ => groups.push((key, vec![name])),
        }
    }
    groups
}

/// What a file in the cache directory is, by its name.
#[derive(Debug, PartialEq, Eq)]
enum FileKind<'a> {
    /// `<key>.json`: a token.
    Token(&'a str),
    /// `<key>.failed.json`: the last failure.
    Failure,
    /// `<key>.json.tmp.<unique>` (or a failure's): an atomic write under
    /// way, or one a crash left.
    Temporary(&'a str),
    /// A lock file, or anything else (left alone).
    Other,
}

impl FileKind<'_> {
    fn of(name: &str) -> FileKind<'_> {
        let key = name.split('.').next().unwrap_or_default();
        if name.contains(dir::TEMP_INFIX) {
            FileKind::Temporary(key)
        } else if name.ends_with(".failed.json") {
            FileKind::Failure
        } else if name.ends_with(".json") {
            FileKind::Token(key)
        } else {
            FileKind::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_name() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(FileKind::of(&format!("{key}.json")), FileKind::Token(key));
        assert_eq!(
            FileKind::of(&format!("{key}.failed.json")),
            FileKind::Failure
        );
        for temp in [".json.tmp.1.2.3", ".failed.json.tmp.9.8.7"] {
            assert_eq!(
                FileKind::of(&format!("{key}{temp}")),
                FileKind::Temporary(key)
            );
        }
        assert_eq!(FileKind::of(&format!("{key}.lock")), FileKind::Other);
        assert_eq!(FileKind::of("notes.txt"), FileKind::Other);
    }

    #[test]
    fn a_clear_leaves_lock_files_and_the_temporary_files_of_a_held_entry() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path());
        let dir = cache.open(false).unwrap().unwrap();
        let (held, free) = ("a".repeat(32), "b".repeat(32));
        for key in [&held, &free] {
            for suffix in [".json", ".failed.json", ".json.tmp.1.2.3"] {
                std::fs::write(root.path().join(format!("{key}{suffix}")), "{}").unwrap();
            }
        }
        let entry = Entry::new(&dir, held.clone());
        let lock = LockFile::open(&entry).unwrap();
        assert!(lock.try_lock().unwrap());
        // Held through another open file, as another process holds it.
        assert_eq!(cache.clear().unwrap(), 2);
        let mut left = dir.names().unwrap();
        left.sort();
        assert_eq!(
            left,
            [
                format!("{held}.json.tmp.1.2.3"),
                format!("{held}.lock"),
                format!("{free}.lock")
            ]
        );
        // Once its lock is let go, the held entry's leftover goes too: shown
        // by tests/cli/cache_races.rs, in processes of their own (here a
        // child that another test forks may hold a copy of the lock's file
        // until it execs).
        drop(lock);
    }
}
