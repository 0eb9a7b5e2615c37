//! Files that hold a token for other programs to read (the `agent`
//! command's sinks), replaced whole: the new content goes to a temporary
//! file beside the sink, which is then renamed over it, so that a reader
//! opening the sink at any moment gets the old content or the new, never a
//! part, and never an empty file.
//!
//! The rename replaces whatever is at the sink's path without following
//! it, so a symbolic link planted there is replaced, never written
//! through; but a sink is refused from the start if its path is anything
//! but a regular file (or nothing yet), or if its directory is another
//! user's ([`Sink::check`]). On Unix the directory is opened once, and
//! every write made relative to that handle (`openat`, `renameat`): a
//! directory moved away and replaced by a link to another one after the
//! start (by whoever may write to its parent) does not receive the token.

use std::fs;
use std::io;
#[cfg(not(unix))]
use std::io::Write;
use std::path::{Path, PathBuf};

/// The mode a sink gets when none is asked for and none is there yet.
pub const DEFAULT_MODE: u32 = 0o600;

/// A file that [`Sink::replace`] keeps replacing with new content, with the
/// same permission bits each time.
#[derive(Debug)]
pub struct Sink {
    path: PathBuf,
    /// The permission bits (Unix; ignored elsewhere).
    mode: u32,
    /// The directory, as opened and checked at the start.
    #[cfg(unix)]
    dir: std::os::fd::OwnedFd,
}

/// What [`Sink::check`] found worth saying, though not enough to refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caution {
    /// The directory's group or others may write to it (without the sticky
    /// bit): they can replace or remove the sink. A Kubernetes `emptyDir`
    /// is such a directory.
    SharedDirectory,
    /// The sink's mode lets users other than its owner and group read it
    /// (asked for, or kept from the file already there, `touch`ed with the
    /// umask's `0644` say): anyone on the machine can use the token.
    OthersMayRead(u32),
}

impl Sink {
    /// The sink at `path`, made with `mode` if given, else with the mode of
    /// the regular file already there if this user owns it (one planted by
    /// another user, `0644` say, must not make the token readable), else
    /// [`DEFAULT_MODE`]; after [`Sink::check`]ing the path.
    ///
    /// # Errors
    ///
    /// As [`Sink::check`], and a mode with bits other than `0o777`.
    pub fn open(path: &Path, mode: Option<u32>) -> Result<(Sink, Vec<Caution>), String> {
        if mode.is_some_and(|m| m & !0o777 != 0) {
            return Err("its mode may only have permission bits (at most 0777)".into());
        }
        let (existing, caution) = Sink::check(path)?;
        let mode = mode.or(existing).unwrap_or(DEFAULT_MODE);
        let mut cautions: Vec<Caution> = caution.into_iter().collect();
        if cfg!(unix) && mode & 0o004 != 0 {
            cautions.push(Caution::OthersMayRead(mode));
        }
        let sink = Sink {
            path: path.to_owned(),
            mode,
            #[cfg(unix)]
            dir: unix::open_dir(directory_of(path))?,
        };
        Ok((sink, cautions))
    }

    /// The sink's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The permission bits it is written with.
    pub fn mode(&self) -> u32 {
        self.mode
    }

    /// Whether `path` can be a sink: nothing there yet, or a regular file
    /// (not a symbolic link, a directory, a FIFO, a socket or a device: the
    /// path is looked at, never opened), in an existing directory that is
    /// this user's or root's. The mode of a regular file there that this
    /// user owns, and a [`Caution`] about the directory, if any.
    ///
    /// # Errors
    ///
    /// Why not, for a message that names the sink.
    pub fn check(path: &Path) -> Result<(Option<u32>, Option<Caution>), String> {
        if path.file_name().is_none() {
            return Err("it names a directory, not a file".into());
        }
        let existing = match fs::symlink_metadata(path) {
            Ok(metadata) => regular_mode(&metadata)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                let dir = directory_of(path).display();
                return Err(format!("its directory {dir} is not a directory"));
            }
            Err(e) => return Err(format!("cannot look at it: {e}")),
        };
        let dir = directory_of(path);
        let metadata = fs::metadata(dir).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("its directory {} does not exist", dir.display()),
            _ => format!("cannot look at its directory {}: {e}", dir.display()),
        })?;
        if !metadata.is_dir() {
            return Err(format!("{} is not a directory", dir.display()));
        }
        Ok((existing, directory_caution(dir, &metadata)?))
    }

    /// Replaces the sink's content with `contents`, whole: written to a new
    /// file in the same directory (created private, then given the sink's
    /// mode, which no umask changes), flushed to disk, and renamed over the
    /// sink.
    ///
    /// # Errors
    ///
    /// The temporary file cannot be made or written (a full disk, a
    /// directory gone), or the rename fails (a directory put at the path).
    pub fn replace(&self, contents: &[u8]) -> io::Result<()> {
        #[cfg(unix)]
        return unix::replace(&self.dir, self.file_name(), self.mode, contents);
        #[cfg(not(unix))]
        {
            let mut file = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .tempfile_in(directory_of(&self.path))?;
            file.write_all(contents)?;
            file.as_file().sync_all()?;
            file.persist(&self.path).map_err(|e| e.error)?;
            Ok(())
        }
    }

    /// The sink's name in its directory ([`Sink::check`] made sure it has one).
    #[cfg(unix)]
    fn file_name(&self) -> &std::ffi::OsStr {
        self.path.file_name().unwrap_or_default()
    }
}

/// How a sink's temporary file's name begins.
const TEMP_PREFIX: &str = ".zuora-token-sink.";

/// The directory `path` is in (`.` for a bare file name).
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// The permission bits of a regular file (if this user owns it), or why
/// whatever is there cannot be a sink.
fn regular_mode(metadata: &fs::Metadata) -> Result<Option<u32>, String> {
    let kind = metadata.file_type();
    if kind.is_symlink() {
        return Err("it is a symbolic link; name the file it points to".into());
    }
    if kind.is_dir() {
        return Err("it is a directory".into());
    }
    if !kind.is_file() {
        return Err("it is not a regular file (a FIFO, a socket or a device)".into());
    }
    Ok(own_permission_bits(metadata))
}

#[cfg(unix)]
fn own_permission_bits(metadata: &fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let mine = metadata.uid() == unsafe { libc::geteuid() };
    mine.then_some(metadata.mode() & 0o777)
}

#[cfg(not(unix))]
fn own_permission_bits(_: &fs::Metadata) -> Option<u32> {
    None
}

#[cfg(unix)]
mod unix {
    use std::ffi::OsStr;
    use std::fs::File;
    use std::io::{self, Write};
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use rustix::fs::{AtFlags, Mode, OFlags};

    /// Opens the sink's directory (through a link, as the user named it:
    /// `/var/run` is one), for every write to be made relative to it.
    pub(super) fn open_dir(dir: &Path) -> Result<OwnedFd, String> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        rustix::fs::open(dir, flags, Mode::empty())
            .map_err(|e| format!("cannot open its directory {}: {e}", dir.display()))
    }

    /// Writes `contents` to a new file in `dir` (created exclusively and
    /// private, never through a link, then given `mode`, which no umask
    /// changes), flushes it to disk and renames it over `name`; a failed
    /// write removes its temporary file.
    pub(super) fn replace(
        dir: &OwnedFd,
        name: &OsStr,
        mode: u32,
        contents: &[u8],
    ) -> io::Result<()> {
        let (temp, file) = create_temp(dir)?;
        let mut file = File::from(file);
        // fchmod(2) on the open file, through std: its `u32` mode is every
        // platform's (rustix's raw mode is a `u16` on the BSDs).
        let written = file
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .and_then(|()| file.write_all(contents))
            .and_then(|()| file.sync_all())
            .and_then(|()| rustix::fs::renameat(dir, &temp, dir, name).map_err(io::Error::from));
        if written.is_err() {
            let _ = rustix::fs::unlinkat(dir, &temp, AtFlags::empty());
        }
        written
    }

    /// A new file in `dir` under a name no other file has.
    fn create_temp(dir: &OwnedFd) -> io::Result<(String, OwnedFd)> {
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let mut attempts = 0;
        loop {
            let temp = format!("{}{}", super::TEMP_PREFIX, crate::files::unique());
            match rustix::fs::openat(
                dir,
                OsStr::from_bytes(temp.as_bytes()),
                flags,
                Mode::from_raw_mode(0o600),
            ) {
                Ok(file) => return Ok((temp, file)),
                Err(rustix::io::Errno::EXIST) if attempts < 8 => attempts += 1,
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// Refuses a directory another user owns (root aside: it owns `/run` and
/// every system directory); cautions about one others may write to.
#[cfg(unix)]
fn directory_caution(dir: &Path, metadata: &fs::Metadata) -> Result<Option<Caution>, String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if metadata.uid() != me && metadata.uid() != 0 {
        return Err(format!(
            "its directory {} belongs to another user (uid {}), who could replace what readers read",
            dir.display(),
            metadata.uid()
        ));
    }
    let shared = metadata.mode() & 0o022 != 0 && metadata.mode() & 0o1000 == 0;
    Ok(shared.then_some(Caution::SharedDirectory))
}

#[cfg(not(unix))]
fn directory_caution(_: &Path, _: &fs::Metadata) -> Result<Option<Caution>, String> {
    Ok(None)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_sink_is_replaced_with_its_mode_and_no_file_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        let (sink, cautions) = Sink::open(&path, Some(0o640)).unwrap();
        assert_eq!(cautions, []);
        sink.replace(b"one\n").unwrap();
        sink.replace(b"two\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two\n");
        assert_eq!(mode_of(&path), 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_keeps_its_mode_unless_one_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
        let (sink, _) = Sink::open(&path, None).unwrap();
        sink.replace(b"new").unwrap();
        assert_eq!(mode_of(&path), 0o604);
        let new = dir.path().join("new");
        assert_eq!(Sink::open(&new, None).unwrap().0.mode(), DEFAULT_MODE);
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            // Another user's file: its mode is not taken.
            std::os::unix::fs::chown(&path, Some(65534), None).unwrap();
            assert_eq!(Sink::open(&path, None).unwrap().0.mode(), DEFAULT_MODE);
        }
    }

    #[test]
    fn a_directory_swapped_for_a_link_after_the_start_does_not_get_the_token() {
        let top = tempfile::tempdir().unwrap();
        let (dir, moved, elsewhere) = (
            top.path().join("run"),
            top.path().join("moved"),
            top.path().join("elsewhere"),
        );
        fs::create_dir(&dir).unwrap();
        fs::create_dir(&elsewhere).unwrap();
        let (sink, _) = Sink::open(&dir.join("token"), None).unwrap();
        fs::rename(&dir, &moved).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &dir).unwrap();
        sink.replace(b"secret\n").unwrap();
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
        assert_eq!(fs::read(moved.join("token")).unwrap(), b"secret\n");
        assert_eq!(fs::read_dir(&moved).unwrap().count(), 1);
    }

    #[test]
    fn a_hard_link_in_a_sinks_place_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other");
        fs::write(&other, "theirs").unwrap();
        let path = dir.path().join("token");
        fs::hard_link(&other, &path).unwrap();
        let (sink, _) = Sink::open(&path, None).unwrap();
        sink.replace(b"secret").unwrap();
        assert_eq!(fs::read(&other).unwrap(), b"theirs");
        assert_eq!(fs::read(&path).unwrap(), b"secret");
    }

    #[test]
    fn what_cannot_be_a_sink_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        fs::write(&target, "x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        for (path, why) in [
            (link.as_path(), "symbolic link"),
            (dir.path(), "is a directory"),
            (fifo.as_path(), "not a regular file"),
            (&dir.path().join("missing/token"), "does not exist"),
            (&target.join("token"), "not a directory"),
        ] {
            let error = Sink::open(path, None).unwrap_err();
            assert!(error.contains(why), "{}: {error}", path.display());
        }
        assert!(Sink::open(&target, Some(0o4755)).is_err());
    }

    #[test]
    fn a_directory_others_may_write_to_is_a_caution() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        let path = dir.path().join("token");
        assert_eq!(
            Sink::check(&path).unwrap().1,
            Some(Caution::SharedDirectory)
        );
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o1777)).unwrap();
        assert_eq!(Sink::check(&path).unwrap().1, None);
    }
}
