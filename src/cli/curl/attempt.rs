//! One run of curl with the API headers, and what it got back.
//!
//! curl's first argument is `-q`, so that it reads no `.curlrc` (which
//! could name a proxy or another URL): curl honours `-q` only there. The
//! headers reach curl as a config file on a pipe of this process
//! (`--config /dev/fd/N`), never in its arguments, so `ps` and
//! `/proc/PID/cmdline` show no token; curl's standard input, output and
//! error stay the user's. To retry a 401, the wrapper must see the status
//! before the body reaches the user: curl also writes the response headers
//! to a second pipe (`--dump-header /dev/fd/M`), which it flushes line by
//! line before it writes any of the body, and its standard output and
//! error pass through this process, held until the first final status (not
//! 1xx) is known. A 401 that can be retried is then dropped: the response
//! (curl's standard output) and curl's message about it; curl's other
//! messages (`-v`'s trace, say) pass on. Anything else passes on as it
//! came, and a run that is not to be retried is not held at all.

use std::ffi::{OsStr, OsString};
use std::io::{self, PipeReader, PipeWriter, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStderr, ChildStdout, Command, ExitStatus, Stdio};

use crate::cli::settings::table::Setting;

/// Response headers past this without a final status are not HTTP as
/// curl writes it: give up looking, and pass everything on.
const MAX_HEADERS: usize = 256 * 1024;

/// Output held past this while the status is unknown is passed on: a 401
/// after it is not retried, but memory stays bounded.
const MAX_HELD: usize = 1024 * 1024;

/// How one run of curl ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ran {
    /// curl's exit code (128 + the signal that killed it), and whether
    /// any of its responses was a 401 (passed on).
    Finished { code: u8, met_401: bool },
    /// Zuora answered 401, and since the request can be sent again, the
    /// response was dropped: the user saw none of it but curl's trace.
    Dropped401,
}

/// Runs `program` (curl) with `config` on a private pipe, then `args`,
/// and reads the status of the response; with `retry`, a 401 response is
/// dropped.
///
/// # Errors
///
/// curl cannot be started, or a pipe cannot be made or read.
pub fn run(program: &OsStr, config: &str, args: &[OsString], retry: bool) -> io::Result<Ran> {
    let (headers_read, headers_write) = io::pipe()?;
    let mut child = start(program, config, args, Some(headers_write))?;
    let (stdout, stderr) = (child.stdout.take().zip(child.stderr.take()))
        .expect("start pipes the output of a curl whose headers it dumps");
    let watched = watch_output(stdout, stderr, headers_read, retry)?;
    let code = exit_code(child.wait()?);
    Ok(match watched {
        Watched::Dropped401 => Ran::Dropped401,
        Watched::Passed { met_401 } => Ran::Finished { code, met_401 },
    })
}

/// Runs `program` (curl) as [`run`] does, its output left alone: the
/// user's own, as it comes. Its exit code.
///
/// # Errors
///
/// curl cannot be started, or the pipe cannot be made.
pub fn run_unwatched(program: &OsStr, config: &str, args: &[OsString]) -> io::Result<u8> {
    let mut child = start(program, config, args, None)?;
    Ok(exit_code(child.wait()?))
}

/// Starts curl with `config` on a private pipe; with `headers`, also the
/// response headers dumped there and its output piped to this process.
fn start(
    program: &OsStr,
    config: &str,
    args: &[OsString],
    headers: Option<PipeWriter>,
) -> io::Result<Child> {
    let (config_read, mut config_write) = io::pipe()?;
    let mut command = Command::new(program);
    command
        .arg("-q")
        .arg("--config")
        .arg(fd_path(config_read.as_raw_fd()));
    let mut inherited = vec![config_read.as_raw_fd()];
    if let Some(write) = &headers {
        command
            .arg("--dump-header")
            .arg(fd_path(write.as_raw_fd()))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        inherited.push(write.as_raw_fd());
    }
    command.args(args);
    for setting in Setting::SECRET {
        command.env_remove(setting.env_var());
    }
    // SAFETY: fcntl(2) is async-signal-safe, and touches only descriptors
    // this process owns and keeps open until the child is started.
    unsafe {
        command.pre_exec(move || {
            for &fd in &inherited {
                if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = command.spawn()?;
    // The child has its own copies; with these closed, each pipe ends when
    // its one user does.
    drop((config_read, headers));
    // A curl that died before reading it leaves nothing to tell here: its
    // exit code says why.
    let _ = config_write.write_all(config.as_bytes());
    Ok(child)
}

/// `/dev/fd/N`: the descriptor as a file curl can open.
fn fd_path(fd: RawFd) -> String {
    format!("/dev/fd/{fd}")
}

/// A shell's idea of how a process ended: its code, or 128 + the signal.
fn exit_code(status: ExitStatus) -> u8 {
    match (status.code(), status.signal()) {
        (Some(code), _) => u8::try_from(code).unwrap_or(1),
        (None, Some(signal)) => u8::try_from(signal.saturating_add(128)).unwrap_or(255),
        (None, None) => 1,
    }
}

/// What was done with curl's output.
enum Watched {
    /// A 401: dropped.
    Dropped401,
    /// Passed on; the final status, if one was seen.
    Passed { met_401: bool },
}

/// What becomes of curl's output (and its messages) for now.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decision {
    /// Held until the status is known.
    Pending,
    /// Written out as it comes.
    Pass,
    /// A 401 to retry: the response is dropped, and of curl's messages
    /// only the one about the 401.
    Drop,
}

/// One of curl's output streams, passed through this process.
struct Stream<R> {
    pipe: Option<R>,
    held: Vec<u8>,
    /// Whether it is curl's standard output (else its standard error).
    is_stdout: bool,
}

impl<R: Read + AsRawFd> Stream<R> {
    fn new(pipe: R, is_stdout: bool) -> Stream<R> {
        Stream {
            pipe: Some(pipe),
            held: Vec::new(),
            is_stdout,
        }
    }

    fn fd(&self) -> Option<RawFd> {
        self.pipe.as_ref().map(AsRawFd::as_raw_fd)
    }

    /// Reads what is there and handles it as `decision` says.
    fn read(&mut self, buffer: &mut [u8], decision: Decision) -> io::Result<()> {
        let Some(pipe) = self.pipe.as_mut() else {
            return Ok(());
        };
        let n = pipe.read(buffer)?;
        if n == 0 {
            self.pipe = None;
        }
        match decision {
            Decision::Pending => self.held.extend_from_slice(&buffer[..n]),
            Decision::Pass => self.write(&buffer[..n]),
            Decision::Drop => self.drop_401(&buffer[..n]),
        }
        Ok(())
    }

    /// Acts on a decision made: the held output is written, or dropped as
    /// the 401's.
    fn decided(&mut self, decision: Decision) {
        let held = std::mem::take(&mut self.held);
        match decision {
            Decision::Pending => self.held = held,
            Decision::Pass => self.write(&held),
            Decision::Drop => self.drop_401(&held),
        }
    }

    /// Drops what belongs to a 401 that is retried: all of standard output
    /// (the one transfer's response), and of standard error the line in
    /// which curl reports the 401 (`-f`'s `curl: (22) ...: 401`); the rest
    /// of standard error, a line at a time (a line ends at `\n` or at a
    /// progress meter's `\r`), is written, the last line once the pipe
    /// has ended (or once it is too long to be that message).
    fn drop_401(&mut self, bytes: &[u8]) {
        if self.is_stdout {
            return;
        }
        self.held.extend_from_slice(bytes);
        let ended = self.pipe.is_none() || self.held.len() > MAX_HELD;
        while let Some(end) = self
            .held
            .iter()
            .position(|b| matches!(b, b'\n' | b'\r'))
            .map(|at| at + 1)
            .or_else(|| (ended && !self.held.is_empty()).then_some(self.held.len()))
        {
            let line: Vec<u8> = self.held.drain(..end).collect();
            if !is_401_message(&line) {
                self.write(&line);
            }
        }
    }

    /// Writes `bytes` where curl would have. If the reader of standard
    /// output has gone away, curl's is closed too, for curl to say so.
    fn write(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let written = match self.is_stdout {
            true => write_all(&mut io::stdout().lock(), bytes),
            false => write_all(&mut io::stderr().lock(), bytes),
        };
        if written.is_err() && self.is_stdout {
            self.pipe = None;
        }
    }
}

/// Whether `line` of curl's standard error is its report of a 401 (with
/// `-f`): `curl: (22) The requested URL returned error: 401`.
fn is_401_message(line: &[u8]) -> bool {
    let line = String::from_utf8_lossy(line);
    line.starts_with("curl: (22) ") && line.trim_end().contains(" 401")
}

fn write_all(to: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    to.write_all(bytes).and_then(|()| to.flush())
}

/// Passes curl's standard output and error on, held until the response
/// headers on `headers` give the first final status, and dropped (as
/// [`Stream::drop_401`] says) if that is 401 and `retry` says so; without
/// `retry`, nothing is held. The pipes are read in one loop, the headers
/// first: curl flushes them before it writes the body, so when the body
/// is readable the headers that precede it are already in their pipe.
/// Nothing held is lost: the loop ends when every pipe has, and what is
/// still held then is written.
fn watch_output(
    stdout: ChildStdout,
    stderr: ChildStderr,
    headers: PipeReader,
    retry: bool,
) -> io::Result<Watched> {
    let mut stdout = Stream::new(stdout, true);
    let mut stderr = Stream::new(stderr, false);
    let mut headers = Some(headers);
    let mut status = StatusLine::default();
    let mut decision = match retry {
        true => Decision::Pending,
        false => Decision::Pass,
    };
    let mut buffer = vec![0; 64 * 1024];
    while stdout.pipe.is_some() || stderr.pipe.is_some() || headers.is_some() {
        let ready = poll([
            headers.as_ref().map(AsRawFd::as_raw_fd),
            stdout.fd(),
            stderr.fd(),
        ])?;
        if let (true, Some(pipe)) = (ready[0], headers.as_mut()) {
            match pipe.read(&mut buffer)? {
                0 => headers = None,
                n => status.feed(&buffer[..n]),
            }
            if status.gave_up() {
                headers = None;
            }
        } else if ready[1] {
            stdout.read(&mut buffer, decision)?;
        } else if ready[2] {
            stderr.read(&mut buffer, decision)?;
        }
        if decision == Decision::Pending {
            let held = stdout.held.len().saturating_add(stderr.held.len());
            let ended = headers.is_none() || stdout.pipe.is_none() || held > MAX_HELD;
            decision = match status.final_status {
                Some(401) => Decision::Drop,
                Some(_) => Decision::Pass,
                None if ended => Decision::Pass,
                None => Decision::Pending,
            };
            stdout.decided(decision);
            stderr.decided(decision);
        }
    }
    Ok(match decision {
        Decision::Drop => Watched::Dropped401,
        _ => Watched::Passed {
            met_401: status.met_401,
        },
    })
}

/// Waits until one of `fds` can be read (or has ended); which can.
fn poll<const N: usize>(fds: [Option<RawFd>; N]) -> io::Result<[bool; N]> {
    let mut entries = fds.map(|fd| libc::pollfd {
        fd: fd.unwrap_or(-1),
        events: libc::POLLIN,
        revents: 0,
    });
    loop {
        // SAFETY: a valid array of pollfd for the length of the call; a
        // negative fd is ignored by poll(2).
        let n = unsafe { libc::poll(entries.as_mut_ptr(), N as libc::nfds_t, -1) };
        if n >= 0 {
            break;
        }
        let error = io::Error::last_os_error();
        if error.kind() != io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    Ok(entries.map(|e| e.fd >= 0 && e.revents != 0))
}

/// The response headers as curl dumps them, read for the first final
/// status, and for a 401 among the final statuses of every transfer: a
/// block of lines from `HTTP/... CODE` to an empty line, where a 1xx block
/// (`100 Continue`) is followed by another.
#[derive(Default)]
struct StatusLine {
    line: Vec<u8>,
    block_status: Option<u16>,
    final_status: Option<u16>,
    met_401: bool,
    seen: usize,
}

impl StatusLine {
    fn feed(&mut self, bytes: &[u8]) {
        self.seen = self.seen.saturating_add(bytes.len());
        for &byte in bytes {
            if byte != b'\n' {
                if self.line.len() < 8 * 1024 {
                    self.line.push(byte);
                }
                continue;
            }
            let line = std::mem::take(&mut self.line);
            self.line_ended(line.strip_suffix(b"\r").unwrap_or(&line));
        }
    }

    fn line_ended(&mut self, line: &[u8]) {
        if line.is_empty() {
            match self.block_status.take() {
                Some(status) if !(100..200).contains(&status) => {
                    self.final_status.get_or_insert(status);
                    self.met_401 |= status == 401;
                }
                _ => {}
            }
            return;
        }
        if self.block_status.is_none() && line.starts_with(b"HTTP/") {
            self.block_status = line
                .split(|b| *b == b' ')
                .nth(1)
                .and_then(|code| std::str::from_utf8(code).ok())
                .and_then(|code| code.parse().ok());
        }
    }

    /// Too much without a final status: not worth holding the body for.
    fn gave_up(&self) -> bool {
        self.final_status.is_none() && self.seen > MAX_HEADERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn final_status(dump: &str) -> Option<u16> {
        let mut status = StatusLine::default();
        for chunk in dump.as_bytes().chunks(3) {
            status.feed(chunk);
        }
        status.final_status
    }

    #[test]
    fn the_first_final_status_is_read_past_1xx_blocks() {
        assert_eq!(
            final_status("HTTP/1.1 401 Unauthorized\r\nA: b\r\n\r\n"),
            Some(401)
        );
        assert_eq!(
            final_status("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nA: b\r\n\r\n"),
            Some(200)
        );
        assert_eq!(
            final_status("HTTP/2 404 \r\n\r\nHTTP/2 401\r\n\r\n"),
            Some(404)
        );
        assert_eq!(final_status("HTTP/1.1 401 Unauthorized\r\nA: b\r\n"), None);
        let mut several = StatusLine::default();
        several.feed(b"HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n");
        assert!(!several.met_401);
        several.feed(b"HTTP/1.1 401 Unauthorized\r\n\r\n");
        assert_eq!((several.final_status, several.met_401), (Some(200), true));
        assert_eq!(final_status(""), None);
    }

    #[test]
    fn exit_codes_are_as_shells_give_them() {
        assert_eq!(exit_code(ExitStatus::from_raw(7 << 8)), 7);
        assert_eq!(exit_code(ExitStatus::from_raw(libc::SIGTERM)), 143);
    }
}
