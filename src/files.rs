//! Reading files that someone else may have put there, as hostile input:
//! the kind of file is checked on the opened handle (not by path, which a
//! race could swap), the size is capped, and nothing blocks past a
//! deadline. A FIFO in place of a cache entry cannot hang a call, and a
//! link to `/dev/zero` cannot fill memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;
use std::time::Instant;

/// Reads a file a user named in a setting (a config file, a secret file, a
/// CA bundle): a regular file, or a pipe or FIFO such as bash's
/// `<(pass show zuora)`, which is read as its writer delivers until it
/// closes, but not past `deadline`. A symbolic link is followed (a user may
/// link their settings). At most `limit` bytes.
///
/// ```text
/// use std::time::{Duration, Instant};
///
/// let deadline = Instant::now() + Duration::from_secs(30);
/// let text = files::read_setting(
///     std::path::Path::new("/dev/fd/63"),
///     64 * 1024,
///     deadline,
/// )?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
///
/// The file cannot be opened; it is neither a regular file nor a pipe (a
/// directory, a device such as `/dev/zero`); it is larger than `limit`; it
/// is a pipe that nothing writes to (end of file before any byte), or whose
/// writer delivers nothing more before `deadline`. The error's message says
/// which, for a message that names the setting.
pub fn read_setting(path: &Path, limit: u64, deadline: Instant) -> io::Result<Vec<u8>> {
    let file = open(path, Follow::Yes)?;
    // Only a pipe, told apart on Unix alone, is read against the deadline.
    #[cfg(not(unix))]
    let _ = deadline;
    match kind(&file)? {
        Kind::Regular(size) => read_regular(file, size, limit),
        #[cfg(unix)]
        Kind::Pipe => read_pipe(file, limit, deadline),
    }
}

/// Reads a file of the cache, opened without following a symbolic link (a
/// link planted in the cache directory could point anywhere): a regular
/// file only, at most `limit` bytes.
pub(crate) fn read_cache_file(file: File, limit: u64) -> io::Result<Vec<u8>> {
    match kind(&file)? {
        Kind::Regular(size) => read_regular(file, size, limit),
        #[cfg(unix)]
        Kind::Pipe => Err(not_a_file("a pipe")),
    }
}

/// Whether the final component of a path may be a symbolic link.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Follow {
    Yes,
    No,
}

/// Opens `path` for reading without blocking: a FIFO with no writer would
/// otherwise block the open itself.
pub(crate) fn open(path: &Path, follow: Follow) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    set_flags(&mut options, follow);
    options.open(path).map_err(|e| explain_open(e, follow))
}

/// `O_NONBLOCK`, and `O_NOFOLLOW` unless links are followed.
#[cfg(unix)]
pub(crate) fn set_flags(options: &mut OpenOptions, follow: Follow) {
    use std::os::unix::fs::OpenOptionsExt;
    let nofollow = if follow == Follow::No {
        libc::O_NOFOLLOW
    } else {
        0
    };
    options.custom_flags(libc::O_NONBLOCK | nofollow);
}

#[cfg(not(unix))]
pub(crate) fn set_flags(_: &mut OpenOptions, _: Follow) {}

/// A link refused by `O_NOFOLLOW` fails with ELOOP, which says "too many
/// levels of symbolic links"; say what it is.
pub(crate) fn explain_open(error: io::Error, follow: Follow) -> io::Error {
    #[cfg(unix)]
    if follow == Follow::No && error.raw_os_error() == Some(libc::ELOOP) {
        return not_a_file("a symbolic link");
    }
    let _ = follow;
    error
}

enum Kind {
    /// A regular file, of this size when it was opened.
    Regular(u64),
    /// A pipe or FIFO: told apart on Unix only (its file type), so only
    /// there read as its writer delivers, with a deadline.
    #[cfg(unix)]
    Pipe,
}

/// What the opened file is; anything but a regular file or a pipe is
/// refused.
fn kind(file: &File) -> io::Result<Kind> {
    let metadata = file.metadata()?;
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return Ok(Kind::Regular(metadata.len()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Ok(Kind::Pipe);
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Err(not_a_file("a device"));
        }
        if file_type.is_socket() {
            return Err(not_a_file("a socket"));
        }
    }
    if file_type.is_dir() {
        return Err(not_a_file("a directory"));
    }
    Err(not_a_file("not a regular file"))
}

fn not_a_file(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}, not a file"),
    )
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("it is larger than {limit} bytes"),
    )
}

/// Reads at most `limit` bytes; one more means the file is too large. Room
/// for the size the file had when opened lets a small file be read in one
/// system call (and one more that finds its end).
fn read_regular(file: File, size: u64, limit: u64) -> io::Result<Vec<u8>> {
    let room = usize::try_from(size.min(limit).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(room);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// Reads a non-blocking pipe as its writer delivers, waiting for data with
/// `poll` until the writer closes it or the deadline passes.
#[cfg(unix)]
fn read_pipe(mut file: File, limit: u64, deadline: Instant) -> io::Result<Vec<u8>> {
    use std::os::unix::io::AsRawFd;
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match file.read(&mut chunk) {
            Ok(0) if bytes.is_empty() => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "it is a pipe that nothing wrote to",
                ));
            }
            Ok(0) => return Ok(bytes),
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                if bytes.len() as u64 > limit {
                    return Err(too_large(limit));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                let left = deadline.saturating_duration_since(Instant::now());
                let millis = i32::try_from(left.as_millis()).unwrap_or(i32::MAX);
                let mut poll = libc::pollfd {
                    fd: file.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, for the length of the call.
                let ready = unsafe { libc::poll(&mut poll, 1, millis) };
                if ready == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "it is a pipe whose writer delivered nothing more before the deadline",
                    ));
                }
                if ready < 0 {
                    let error = io::Error::last_os_error();
                    if error.kind() != io::ErrorKind::Interrupted {
                        return Err(error);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::time::Duration;

    use super::*;

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    #[test]
    fn regular_files_are_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_setting(&path, 5, soon()).unwrap(), b"12345");
        let err = read_setting(&path, 4, soon()).unwrap_err();
        assert_eq!(err.to_string(), "it is larger than 4 bytes");
        assert_eq!(
            read_cache_file(open(&path, Follow::No).unwrap(), 5).unwrap(),
            b"12345"
        );
    }

    #[test]
    fn devices_directories_and_cache_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_setting(Path::new("/dev/zero"), 1 << 20, soon()).unwrap_err();
        assert_eq!(err.to_string(), "it is a device, not a file");
        let err = read_setting(dir.path(), 10, soon()).unwrap_err();
        assert_eq!(err.to_string(), "it is a directory, not a file");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = open(&link, Follow::No).unwrap_err();
        assert_eq!(err.to_string(), "it is a symbolic link, not a file");
    }

    #[test]
    fn a_fifo_without_a_writer_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let started = Instant::now();
        let err = read_setting(&fifo, 10, soon()).unwrap_err();
        assert_eq!(err.to_string(), "it is a pipe that nothing wrote to");
        let err = read_cache_file(open(&fifo, Follow::No).unwrap(), 10).unwrap_err();
        assert_eq!(err.to_string(), "it is a pipe, not a file");
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
/// A suffix no other temporary file of this machine has at this moment:
/// the process id, the time in nanoseconds and a counter.
pub(crate) fn unique() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}.{nanos}.{count}", std::process::id())
}
