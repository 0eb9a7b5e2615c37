//! The OS keyring (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows): where `login` keeps a client secret, and
//! where a token fetch reads it, one entry per base URL and client id.
//!
//! The keyring is reached through `zuora-token-keyring`, a program of its
//! own beside this one (`src/bin/zuora-token-keyring.rs` says why: the
//! Secret Service client would cost every run, cached ones included). It
//! is run only when a keyring entry is to be read, stored or removed, and
//! waited for until the command's deadline, then killed: a D-Bus call on a
//! bus that never answers blocks, and an unlock prompt waits for a person,
//! but the command does not.
//!
//! A build without the cargo feature `keyring` has no such program, nor
//! has a build for a platform other than Linux, macOS and Windows (the
//! BSDs: Cargo.toml says why); the settings then never fall back to the
//! keyring.

use std::fmt;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use zuora_token::{Error, ErrorKind, Result, Secret};

/// Whether this build has the keyring: the cargo feature `keyring`, on a
/// platform its client is built for (Linux, macOS, Windows; Cargo.toml
/// says why not the BSDs).
pub const BUILT_IN: bool = cfg!(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", windows)
));

/// The other ways to give a secret, for errors that say the keyring cannot
/// give one.
const OTHER_SOURCES: &str = "give the secret another way: ZUORA_CLIENT_SECRET, \
     --client-secret-file PATH (ZUORA_CLIENT_SECRET_FILE), or client_secret_command \
     or client_secret_file in a profile";

/// Fails, saying why, in a build without the keyring: before `login` asks
/// for a secret it could not keep.
pub fn built_in() -> Result<()> {
    match BUILT_IN {
        true => Ok(()),
        false => Err(Error::usage(NOT_BUILT).with_hint(OTHER_SOURCES)),
    }
}

/// What a build without the keyring says when asked for it.
const NOT_BUILT: &str = match cfg!(feature = "keyring") {
    true => "zuora-token has no keyring on this platform (it has one on Linux, macOS and Windows)",
    false => "this zuora-token was built without the keyring (cargo feature `keyring`)",
};

/// The keyring entry of one client id at one base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringEntry {
    /// As `BaseUrl` prints it (scheme, host and port), so that every
    /// spelling of one base URL finds one entry.
    pub base_url: String,
    pub client_id: String,
}

impl KeyringEntry {
    /// The entry's service name; the client id is its user name. As `gh`
    /// names its entries `gh:github.com`.
    fn service(&self) -> String {
        format!("zuora-token:{}", self.base_url)
    }

    /// What the token cache knows a secret in this entry by, so that a
    /// cached token is handed out without asking the keyring.
    pub fn identity(&self) -> String {
        format!("keyring {} {}", self.service(), self.client_id)
    }

    /// The entry's text, within `deadline`.
    ///
    /// # Errors
    ///
    /// There is no keyring, it did not answer in time, or it holds no such
    /// entry: each says how to give the secret otherwise.
    pub fn read(&self, deadline: Instant) -> Result<String> {
        let found = self.call(Op::Read, None, deadline)?;
        found.ok_or_else(|| {
            Error::usage(format!("there is no client secret in {self}")).with_hint(format!(
                "store one with `zuora-token login` (with the same base URL and client id), or {OTHER_SOURCES}"
            ))
        })
    }

    /// Stores `secret` in the entry, replacing what it held.
    pub fn store(&self, secret: &Secret, deadline: Instant) -> Result<()> {
        self.call(Op::Write, Some(secret), deadline).map(drop)
    }

    /// Removes the entry; whether there was one.
    pub fn remove(&self, deadline: Instant) -> Result<bool> {
        self.call(Op::Remove, None, deadline)
            .map(|done| done.is_some())
    }

    /// Runs the keyring program's `op` on this entry, `input` on its
    /// standard input, and waits for it until `deadline`: what it printed,
    /// or `None` if there is no such entry.
    fn call(&self, op: Op, input: Option<&Secret>, deadline: Instant) -> Result<Option<String>> {
        self.run(op, input, deadline)
            .map_err(|failure| self.failed(op, failure))
    }

    fn run(
        &self,
        op: Op,
        input: Option<&Secret>,
        deadline: Instant,
    ) -> Result<Option<String>, Failure> {
        let budget = deadline.saturating_duration_since(Instant::now());
        let program = program()?;
        let mut child = Command::new(&program)
            .args([op.arg(), &self.service(), &self.client_id])
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Failure::Unavailable(format!("cannot run {}: {e}", program.display())))?;
        if let (Some(secret), Some(mut stdin)) = (input, child.stdin.take()) {
            // A secret is at most 64 KiB, which a pipe holds; the program
            // reads it all before anything else.
            stdin
                .write_all(secret.expose().as_bytes())
                .map_err(|e| Failure::Other(format!("cannot hand it the secret: {e}")))?;
        }
        // Read on a thread of their own, so that the wait below can end
        // at the deadline; what the program prints is small. (A channel,
        // not a join: a cached `get` would pay to bind pthread_join.)
        let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
        let (sender, printed) = mpsc::channel();
        std::thread::spawn(move || sender.send((read_all(stdout), read_all(stderr))));
        let status = loop {
            if let Some(status) = child
                .try_wait()
                .map_err(|e| Failure::Other(e.to_string()))?
            {
                break status;
            }
            let now = Instant::now();
            if now >= deadline {
                // Killed, its pipes close and the reader ends.
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::Unavailable(format!(
                    "it did not answer within {:.1} s (--timeout)",
                    budget.as_secs_f64()
                )));
            }
            std::thread::sleep(POLL.min(deadline - now));
        };
        let (stdout, stderr) = printed.recv().unwrap_or_default();
        // Its exit codes and message, as src/bin/zuora-token-keyring.rs
        // gives them.
        let said = || match String::from_utf8_lossy(&stderr).trim() {
            "" => format!("the keyring program failed ({status})"),
            message => message.to_owned(),
        };
        match status.code() {
            Some(0) => String::from_utf8(stdout)
                .map(Some)
                .map_err(|_| Failure::Other("the entry is not UTF-8 text".into())),
            Some(3) => Ok(None),
            Some(10) => Err(Failure::Unavailable(said())),
            Some(11) => Err(Failure::Locked(said())),
            _ => Err(Failure::Other(said())),
        }
    }

    fn failed(&self, op: Op, failure: Failure) -> Error {
        let (kind, why, hint) = match failure {
            Failure::Unavailable(why) => (
                ErrorKind::Usage,
                format!("no keyring is available: {why}"),
                format!(
                    "on Linux the keyring is a Secret Service (GNOME Keyring, KWallet) on the \
                     session D-Bus, which a headless machine lacks; {OTHER_SOURCES}"
                ),
            ),
            Failure::Locked(why) => (
                ErrorKind::Usage,
                format!("the keyring refused access: {why}"),
                format!("unlock the keyring, or {OTHER_SOURCES}"),
            ),
            Failure::Other(why) => (ErrorKind::Other, why, OTHER_SOURCES.to_owned()),
        };
        Error::new(kind, format!("cannot {op} {self}: {why}")).with_hint(hint)
    }
}

impl fmt::Display for KeyringEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the keyring entry for client id {:?} at {}",
            self.client_id, self.base_url
        )
    }
}

/// What is done to an entry.
#[derive(Debug, Clone, Copy)]
enum Op {
    Read,
    Write,
    Remove,
}

impl Op {
    /// The keyring program's name for it.
    fn arg(self) -> &'static str {
        match self {
            Op::Read => "get",
            Op::Write => "set",
            Op::Remove => "delete",
        }
    }
}

/// The verb, for messages: `cannot read the keyring entry ...`.
impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Read => "read",
            Op::Write => "write",
            Op::Remove => "remove",
        })
    }
}

/// Why a keyring call failed, in the kinds the messages tell apart.
enum Failure {
    /// There is no keyring to ask (no Secret Service on the bus, no bus),
    /// or it did not answer in time.
    Unavailable(String),
    /// The keyring is there but locked, or its prompt was dismissed.
    Locked(String),
    /// Anything else the keyring said.
    Other(String),
}

/// How often the wait for the keyring program looks whether it is done.
const POLL: Duration = Duration::from_millis(5);

/// What the keyring program prints is a secret or a message: more is not.
const MAX_OUTPUT: u64 = 64 * 1024;

/// The keyring program: beside this one, where `cargo install` puts both.
fn program() -> Result<PathBuf, Failure> {
    if !BUILT_IN {
        return Err(Failure::Unavailable(NOT_BUILT.into()));
    }
    let name = format!("zuora-token-keyring{}", std::env::consts::EXE_SUFFIX);
    std::env::current_exe()
        .map(|exe| exe.with_file_name(name))
        .map_err(|e| Failure::Unavailable(format!("cannot find the keyring program: {e}")))
}

/// A pipe's content, at most [`MAX_OUTPUT`] bytes.
fn read_all(pipe: Option<impl Read>) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Some(pipe) = pipe {
        let _ = pipe.take(MAX_OUTPUT).read_to_end(&mut bytes);
    }
    bytes
}
