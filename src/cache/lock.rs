//! An entry's lock: whoever holds it asks Zuora for everyone waiting on it.
//! An OS file lock, so it dies with its process and a crash leaves no
//! stale lock behind.

use std::fs::{self, File};
use std::io;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use log::{info, warn};

use super::entry::Entry;
use crate::deadline::Deadline;

/// An entry's lock file. A lock taken on it is held until this is dropped.
#[derive(Debug)]
pub(crate) struct LockFile(File);

/// How waiting for an entry's lock ended.
pub(crate) enum Waited<T> {
    /// This process holds the lock (or could not lock and goes without):
    /// it asks Zuora, and stores the outcome for the others.
    Locked,
    /// Another process finished while this one waited; its outcome.
    Shared(T),
    /// The holder kept the lock for half the time left: this process asks
    /// Zuora without it, rather than hang behind a stuck process.
    GaveUp,
}

impl LockFile {
    /// Opens the lock file of `entry` (creating it, 0600, if need be),
    /// without taking the lock. A symbolic link or anything but a regular
    /// file in its place is refused.
    pub fn open(entry: &Entry) -> io::Result<LockFile> {
        let file = entry.dir().open_or_create(&entry.lock_name());
        // A link refused by O_NOFOLLOW fails with ELOOP: say what it is.
        #[cfg(unix)]
        let file = file.map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                return io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "its lock file is a symbolic link",
                );
            }
            e
        });
        let file = file?;
        if !file.metadata()?.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "its lock file is not a regular file",
            ));
        }
        Ok(LockFile(file))
    }

    /// Waits until this process holds the lock, or the process that held it
    /// has finished and `shared` finds the outcome it stored. Blocking on
    /// the lock wakes a waiter as soon as the holder releases it; the wait
    /// lasts at most half the time left, so that a hung holder leaves time
    /// to ask without it.
    pub fn wait<T>(&self, deadline: &Deadline, shared: impl Fn() -> Option<T>) -> Waited<T> {
        let locked = self.try_lock().unwrap_or_else(|e| {
            warn!("cannot lock the token cache: {e}; asking Zuora without the lock");
            true
        });
        if let Some(outcome) = shared() {
            return Waited::Shared(outcome);
        }
        if locked {
            return Waited::Locked;
        }
        let wait = deadline.remaining() / 2;
        info!(
            "cache: another process is asking Zuora; waiting up to {:.1} s for its outcome",
            wait.as_secs_f64()
        );
        match self.lock_within(wait) {
            Ok(true) => shared().map_or(Waited::Locked, Waited::Shared),
            Ok(false) => {
                info!(
                    "cache: another process held the lock for {:.1} s; fetching without it",
                    wait.as_secs_f64()
                );
                Waited::GaveUp
            }
            Err(e) => {
                warn!("cannot lock the token cache: {e}; asking Zuora without the lock");
                Waited::Locked
            }
        }
    }

    /// Takes the lock if no other process holds it; `Ok(false)` if one does.
    pub fn try_lock(&self) -> io::Result<bool> {
        match self.0.try_lock() {
            Ok(()) => Ok(true),
            Err(fs::TryLockError::WouldBlock) => Ok(false),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// Blocks until this process holds the lock, for at most `wait`;
    /// `Ok(false)` if that ran out. The blocking call runs on a thread of
    /// its own, on a duplicate of the file (the same open file, so the
    /// same lock), as the standard library's lock takes no timeout; a
    /// thread left blocked takes the lock when the holder lets go, and lets
    /// go of it as soon as both handles are closed.
    fn lock_within(&self, wait: Duration) -> io::Result<bool> {
        let file = self.0.try_clone()?;
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            let locked = file.lock();
            let _ = sender.send(locked);
        });
        match receiver.recv_timeout(wait) {
            Ok(locked) => locked.map(|()| true),
            Err(_) => Ok(false),
        }
    }
}
