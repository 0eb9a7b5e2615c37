//! The cache directory, opened once. On Unix every file in it is opened,
//! written, renamed and removed relative to that handle (`openat`,
//! `renameat`, `unlinkat`), never by path again: a directory swapped for
//! another, or for a link to one, after it was opened and checked cannot
//! hand this process another directory's token, nor receive its token.
//! The directory itself is not opened through a symbolic link, and is
//! checked on the handle: this user's, and no one else may write to it.
//!
//! On Windows the same operations go by path (the standard library has no
//! handle-relative calls there); the checks are the same, made by path.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::files;

/// The cache directory, opened and found trustworthy.
#[derive(Debug)]
pub(crate) struct Dir {
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl Dir {
    /// Opens the directory at `path`, not following a symbolic link in its
    /// place; `Ok(None)` if there is none. With `create`, a missing one is
    /// created first (0700, with missing parents).
    ///
    /// # Errors
    ///
    /// It cannot be opened; it is a symbolic link or not a directory;
    /// others can write to it, or another user owns it.
    pub fn open(path: &Path, create: bool) -> io::Result<Option<Dir>> {
        match Dir::open_existing(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                create_dir(path)?;
                Dir::open_existing(path).map(Some)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            opened => opened.map(Some),
        }
    }

    /// Where it was opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The names of the files in it (any that are not UTF-8 are not the
    /// cache's, and are left out).
    pub fn names(&self) -> io::Result<Vec<String>> {
        let mut names = Vec::new();
        self.each_name(|name| {
            if name != "." && name != ".." {
                names.push(name.to_owned());
            }
        })?;
        Ok(names)
    }

    /// Reads the file `name`, a regular file only and never through a
    /// link, at most `limit` bytes.
    pub fn read(&self, name: &str, limit: u64) -> io::Result<Vec<u8>> {
        files::read_cache_file(self.open_file(name)?, limit)
    }

    /// Removes the file `name`; `Ok(false)` if there was none (another
    /// process removed it first: two clears at once both succeed), or if
    /// it is a directory: none of the cache's, so left where it is, and no
    /// reason for a clear to stop (unlinking one fails with `EISDIR` on
    /// Linux, `EPERM` elsewhere, so the file is looked at).
    pub fn remove(&self, name: &str) -> io::Result<bool> {
        match self.unlink(name) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(_) if self.is_directory(name) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether `name` is a directory (not through a link).
    fn is_directory(&self, name: &str) -> bool {
        self.open_file(name)
            .and_then(|file| file.metadata())
            .is_ok_and(|metadata| metadata.is_dir())
    }

    /// Writes `bytes` to `name` atomically: a new temporary file beside it
    /// (`<name>.tmp.<unique>`, created 0600 and exclusively, so never one
    /// that was there before), flushed to disk, then renamed over `name`.
    /// A failed write removes its temporary file. A temporary file that
    /// vanished before its rename (a clear took it for a crash's leftover:
    /// it removes only those of an entry whose lock it can take, and a
    /// process that gave up waiting for a stuck holder writes without it)
    /// is written again.
    pub fn write_atomically(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let mut attempts = 0;
        loop {
            match self.write_once(name, bytes) {
                Err(e) if e.kind() == io::ErrorKind::NotFound && attempts < 2 => attempts += 1,
                written => return written,
            }
        }
    }

    fn write_once(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        use std::io::Write;
        let (temp, mut file) = self.create_temp(name)?;
        let written = file
            .write_all(bytes)
            .and_then(|()| file.sync_all())
            .and_then(|()| self.rename(&temp, name));
        if written.is_err() {
            let _ = self.unlink(&temp);
        }
        written
    }

    /// A new temporary file for `name`, under a name no other file has.
    fn create_temp(&self, name: &str) -> io::Result<(String, File)> {
        let mut attempts = 0;
        loop {
            let temp = format!("{name}{TEMP_INFIX}{}", files::unique());
            match self.create_new(&temp) {
                Ok(file) => return Ok((temp, file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 8 => {
                    attempts += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

/// What marks a temporary file of an atomic write: `<name>.tmp.<unique>`.
pub(crate) const TEMP_INFIX: &str = ".tmp.";

/// Creates the cache directory (and missing parents) as 0700.
fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn distrusted(why: String) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, why)
}

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::io;
    use std::path::Path;

    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    use rustix::io::Errno;

    use super::{Dir, distrusted};
    use crate::files::{self, Follow};

    /// Never follow a link, never block on a FIFO, never leak into a child.
    const SAFE: OFlags = OFlags::NOFOLLOW
        .union(OFlags::NONBLOCK)
        .union(OFlags::CLOEXEC);

    impl Dir {
        pub(super) fn open_existing(path: &Path) -> io::Result<Dir> {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).map_err(|e| {
                // ELOOP (EMLINK on FreeBSD) for a link, ENOTDIR for a file.
                let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
                match e {
                    _ if link => distrusted("it is a symbolic link".into()),
                    Errno::NOTDIR => distrusted("it is not a directory".into()),
                    e => e.into(),
                }
            })?;
            let stat = rustix::fs::fstat(&fd)?;
            if FileType::from_raw_mode(stat.st_mode) != FileType::Directory {
                return Err(distrusted("it is not a directory".into()));
            }
            // SAFETY: geteuid has no preconditions and cannot fail.
            let me = unsafe { libc::geteuid() };
            if stat.st_uid != me {
                return Err(distrusted(format!(
                    "it belongs to another user (uid {}, not {me})",
                    stat.st_uid
                )));
            }
            let mode = stat.st_mode & 0o7777;
            if mode & 0o022 != 0 {
                return Err(distrusted(format!(
                    "others than its owner can write to it (mode {mode:o})"
                )));
            }
            Ok(Dir {
                path: path.to_owned(),
                fd,
            })
        }

        pub(super) fn each_name(&self, mut each: impl FnMut(&str)) -> io::Result<()> {
            for entry in rustix::fs::Dir::read_from(&self.fd)? {
                if let Ok(name) = entry?.file_name().to_str() {
                    each(name);
                }
            }
            Ok(())
        }

        pub(super) fn open_file(&self, name: &str) -> io::Result<File> {
            rustix::fs::openat(&self.fd, name, OFlags::RDONLY | SAFE, Mode::empty())
                .map(File::from)
                .map_err(|e| files::explain_open(e.into(), Follow::No))
        }

        /// Opens (creating it 0600 if need be) `name` for reading and
        /// writing, as a lock file is.
        pub fn open_or_create(&self, name: &str) -> io::Result<File> {
            let flags = OFlags::RDWR | OFlags::CREATE | SAFE;
            rustix::fs::openat(&self.fd, name, flags, Mode::from_raw_mode(0o600))
                .map(File::from)
                .map_err(io::Error::from)
        }

        pub(super) fn create_new(&self, name: &str) -> io::Result<File> {
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | SAFE;
            rustix::fs::openat(&self.fd, name, flags, Mode::from_raw_mode(0o600))
                .map(File::from)
                .map_err(io::Error::from)
        }

        pub(super) fn rename(&self, from: &str, to: &str) -> io::Result<()> {
            rustix::fs::renameat(&self.fd, from, &self.fd, to).map_err(io::Error::from)
        }

        pub(super) fn unlink(&self, name: &str) -> io::Result<()> {
            rustix::fs::unlinkat(&self.fd, name, AtFlags::empty()).map_err(io::Error::from)
        }
    }
}

#[cfg(not(unix))]
mod by_path {
    use std::fs::{self, File, OpenOptions};
    use std::io;
    use std::path::Path;

    use super::{Dir, distrusted};
    use crate::files::{self, Follow};

    impl Dir {
        pub(super) fn open_existing(path: &Path) -> io::Result<Dir> {
            let metadata = fs::symlink_metadata(path)?;
            if metadata.is_symlink() {
                return Err(distrusted("it is a symbolic link".into()));
            }
            if !metadata.is_dir() {
                return Err(distrusted("it is not a directory".into()));
            }
            Ok(Dir {
                path: path.to_owned(),
            })
        }

        pub(super) fn each_name(&self, mut each: impl FnMut(&str)) -> io::Result<()> {
            for entry in fs::read_dir(&self.path)? {
                if let Some(name) = entry?.file_name().to_str() {
                    each(name);
                }
            }
            Ok(())
        }

        pub(super) fn open_file(&self, name: &str) -> io::Result<File> {
            files::open(&self.path.join(name), Follow::No)
        }

        /// Opens (creating it if need be) `name` for reading and writing,
        /// as a lock file is.
        pub fn open_or_create(&self, name: &str) -> io::Result<File> {
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(self.path.join(name))
        }

        pub(super) fn create_new(&self, name: &str) -> io::Result<File> {
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(self.path.join(name))
        }

        pub(super) fn rename(&self, from: &str, to: &str) -> io::Result<()> {
            fs::rename(self.path.join(from), self.path.join(to))
        }

        pub(super) fn unlink(&self, name: &str) -> io::Result<()> {
            fs::remove_file(self.path.join(name))
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn files_stay_in_the_directory_that_was_opened() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("cache");
        let dir = Dir::open(&path, true).unwrap().unwrap();
        // Swapped for another directory, then for a link to a third one.
        std::fs::rename(&path, root.path().join("moved")).unwrap();
        std::fs::create_dir(&path).unwrap();
        dir.write_atomically("a.json", b"mine").unwrap();
        assert_eq!(dir.read("a.json", 10).unwrap(), b"mine");
        assert_eq!(
            std::fs::read(root.path().join("moved/a.json")).unwrap(),
            b"mine"
        );
        assert!(!path.join("a.json").exists());
        std::fs::remove_dir(&path).unwrap();
        std::fs::create_dir(root.path().join("third")).unwrap();
        std::fs::write(root.path().join("third/a.json"), "theirs").unwrap();
        std::os::unix::fs::symlink(root.path().join("third"), &path).unwrap();
        assert_eq!(dir.read("a.json", 10).unwrap(), b"mine");
        assert!(dir.remove("a.json").unwrap());
        assert!(!dir.remove("a.json").unwrap(), "already gone: not an error");
        assert_eq!(
            std::fs::read(root.path().join("third/a.json")).unwrap(),
            b"theirs"
        );
        let err = Dir::open(&path, true).unwrap_err();
        assert_eq!(err.to_string(), "it is a symbolic link");
        assert!(dir.names().unwrap().is_empty());
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let root = tempfile::tempdir().unwrap();
        let dir = Dir::open(root.path(), false).unwrap().unwrap();
        std::fs::create_dir(root.path().join("busy")).unwrap();
        std::fs::write(root.path().join("busy/x"), "").unwrap();
        assert!(dir.write_atomically("busy", b"x").is_err());
        let mut names = dir.names().unwrap();
        names.sort();
        assert_eq!(names, ["busy"]);
    }
}
