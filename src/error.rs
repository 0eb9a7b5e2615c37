//! What can go wrong, in the few kinds a caller acts on differently.

use std::fmt;

/// What went wrong, as far as a caller needs to know to decide what to do.
///
/// The command-line tool gives each kind an exit code of its own (1 to 6,
/// in the order of [`ErrorKind::ALL`]); that mapping is the tool's, not
/// the library's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Anything not covered below: a secret command failed, stdout was
    /// closed, a file could not be written.
    Other,
    /// Invalid input or configuration, found before anything was sent:
    /// a bad value, missing credentials, an unreadable CA bundle.
    Usage,
    /// Zuora answered with a 4xx other than 429: bad credentials, a bad
    /// entity, no token endpoint at that URL.
    Refused,
    /// Zuora answered 429 Too Many Requests, after every retry.
    RateLimited,
    /// Zuora could not be reached (connection, DNS, TLS, the deadline), or
    /// answered 5xx, after every retry.
    Unreachable,
    /// Zuora answered, but not with a valid token response (nor a redirect
    /// to follow, nor a body of sane size).
    BadResponse,
}

impl ErrorKind {
    /// Every kind, from the most general to the most particular. A failure
    /// shared through the cache is stored by its kind's place here: a new
    /// kind goes at the end.
    pub const ALL: [ErrorKind; 6] = [
        ErrorKind::Other,
        ErrorKind::Usage,
        ErrorKind::Refused,
        ErrorKind::RateLimited,
        ErrorKind::Unreachable,
        ErrorKind::BadResponse,
    ];

    /// The number a failure shared through the cache is stored under: the
    /// kind's place in [`ErrorKind::ALL`], from 1.
    pub(crate) fn code(self) -> u8 {
        let place = ErrorKind::ALL.iter().position(|kind| *kind == self);
        place.map_or(1, |at| at as u8 + 1)
    }

    /// The kind stored under `code`.
    pub(crate) fn from_code(code: u8) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// A failure: its kind, a message for a person, and hints on what to do.
///
/// Messages and hints never hold the client secret or a token: they are
/// built from validated values only, and text a server sent is scrubbed of
/// the secret before it is quoted.
///
/// ```
/// use zuora_token::{Error, ErrorKind};
///
/// let error = Error::new(ErrorKind::Usage, "no client id given").with_hint("set one");
/// assert_eq!(error.kind(), ErrorKind::Usage);
/// assert_eq!(error.to_string(), "no client id given");
/// assert_eq!(error.hints(), ["set one"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hints: Vec<String>,
    rejected: bool,
}

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` saying `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
            rejected: false,
        }
    }

    /// An [`ErrorKind::Usage`] error.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// An [`ErrorKind::Other`] error.
    pub fn other(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Other, message)
    }

    /// Adds a hint: what to check or do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hints.push(hint.into());
        self
    }

    /// What went wrong, as a caller acts on it.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The hints, in the order they were added.
    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    /// Whether Zuora rejected the credentials themselves (401, or
    /// `invalid_client`): asking again with the same ones cannot succeed,
    /// so a [`TokenSource`](crate::TokenSource) remembers this for a few
    /// seconds instead of asking again.
    pub fn is_rejection(&self) -> bool {
        self.rejected
    }

    /// Marks (or not) a rejection of the credentials.
    pub(crate) fn rejected(mut self, rejected: bool) -> Error {
        self.rejected = rejected;
        self
    }

    /// Says how many attempts were made, when there was more than one.
    pub(crate) fn after_attempts(mut self, attempts: u32) -> Error {
        if attempts > 1 {
            self.message
                .push_str(&format!(" (gave up after {attempts} attempts)"));
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_kind_reads_back_as_itself_under_the_numbers_it_always_had() {
        let codes: Vec<u8> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6]);
        for kind in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ErrorKind::from_code(0), None);
        assert_eq!(ErrorKind::from_code(7), None);
    }
}
