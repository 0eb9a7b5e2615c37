//! An entry's lock: whoever holds it fetches for everyone waiting on it.
//! An OS file lock, so it dies with its process and a crash leaves no
//! stale lock behind.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use log::{info, warn};

use super::entry::{Entry, Lookup};
use crate::deadline::Deadline;
use crate::token::Token;

/// How long a waiting process first sleeps between looks at the entry;
/// the pause doubles up to `POLL_MAX`, so a long fetch costs little CPU.
const POLL_FIRST: Duration = Duration::from_millis(1);
const POLL_MAX: Duration = Duration::from_millis(50);

/// An entry's lock file. Once [`LockFile::try_lock`] succeeds, the entry is
/// held until this is dropped.
#[derive(Debug)]
pub(crate) struct LockFile(File);

impl LockFile {
    /// Opens the lock file of `entry` (creating the directory if need be),
    /// without taking the lock.
    pub fn open(entry: &Entry) -> io::Result<LockFile> {
        create_dir(entry.path().parent().expect("an entry is in a directory"))?;
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        Ok(LockFile(options.open(entry.lock_path())?))
    }

    /// Takes the lock if no other process holds it; `Ok(false)` if one does.
    fn try_lock(&self) -> io::Result<bool> {
        match self.0.try_lock() {
            Ok(()) => Ok(true),
            Err(fs::TryLockError::WouldBlock) => Ok(false),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// Waits until this process holds the lock (`None`: fetch), or another
    /// process has stored a token in `entry` that `handed_over` accepts
    /// (returned). Waits at most half the time left, so that a hung holder
    /// leaves time to fetch without it. Looking at the entry while waiting,
    /// not only after the lock, spares the waiters of a burst from queueing
    /// for the lock one by one.
    pub fn wait(
        &self,
        entry: &Entry,
        deadline: &Deadline,
        handed_over: impl Fn(&Token) -> bool,
    ) -> Option<Token> {
        let wait = deadline.remaining() / 2;
        let until = Instant::now() + wait;
        let mut pause = POLL_FIRST;
        loop {
            let locked = self.try_lock().unwrap_or_else(|e| {
                warn!("cannot lock the token cache: {e}; fetching without the lock");
                true
            });
            if let Lookup::Found(cached) = entry.read()
                && handed_over(&cached.token)
            {
                info!("cache: hit, fetched by another process meanwhile");
                return Some(cached.token);
            }
            if locked {
                return None;
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                info!(
                    "cache: another process held the lock for {:.1} s; fetching without it",
                    wait.as_secs_f64()
                );
                return None;
            }
            thread::sleep(pause.min(left));
            pause = (pause * 2).min(POLL_MAX);
        }
    }
}

/// Creates the cache directory (and missing parents) as 0700.
fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}
