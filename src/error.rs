//! Failure kinds, the exit codes scripts rely on, and how a failure is printed.

use std::fmt;
use std::process::ExitCode;

/// What went wrong, as far as a calling script needs to know. The numbers are
/// the exit codes and are part of the interface: never renumber them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything not covered below (a secret command failed, stdout closed, ...).
    Other = 1,
    /// Bad flag, missing credentials, bad config file, invalid value.
    Usage = 2,
    /// Zuora answered with a 4xx other than 429: bad credentials, bad entity, ...
    Refused = 3,
    /// Zuora answered 429 Too Many Requests.
    RateLimited = 4,
    /// Zuora could not be reached (connection, DNS, TLS, timeout) or answered 5xx.
    Unreachable = 5,
    /// Zuora answered, but not with a valid token response.
    BadResponse = 6,
    /// `exec`: the command was found but cannot be run (as shells say).
    CannotRun = 126,
    /// `exec`: the command was not found (as shells say).
    CommandNotFound = 127,
}

/// A failure with the message for the user and, where one helps, a hint.
/// Messages never hold the client secret or a token: the code that builds
/// them only ever formats redacted or validated values.
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: String,
    hints: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(Kind::Usage, message)
    }

    pub fn other(message: impl Into<String>) -> Self {
        Error::new(Kind::Other, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Says how many attempts were made, when there was more than one.
    pub fn after_attempts(mut self, attempts: u32) -> Self {
        if attempts > 1 {
            self.message
                .push_str(&format!(" (gave up after {attempts} attempts)"));
        }
        self
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.kind as u8)
    }

    /// Writes `zuora-token: error: ...` (and the hint) to stderr.
    pub fn report(&self) {
        eprintln!("zuora-token: error: {self}");
        for hint in &self.hints {
            eprintln!("  hint: {hint}");
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Replaces Rust's panic message (which can carry a backtrace, even values) with
/// one line in the tool's own error format. A panic is a bug, never the way a
/// failure is reported, but if one happens it must not spill internals.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("zuora-token: error: internal error{place}; please report it");
    }));
}
