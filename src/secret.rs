//! The client secret, in a type that cannot be printed by accident, and
//! where it comes from: read only when a token is to be fetched, never for
//! a token the cache already holds.

use std::fmt;
use std::time::Instant;

use crate::error::Result;

/// An OAuth client secret.
///
/// `Debug` prints a placeholder and there is no `Display`, so the only way
/// to the text is [`Secret::expose`], which this crate calls where the
/// request body is built and where echoes of it are scrubbed from what a
/// server sent.
///
/// ```
/// use zuora_token::Secret;
///
/// let secret = Secret::new("s3cr3t+/=");
/// assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
/// assert_eq!(secret.expose(), "s3cr3t+/=");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps `text` as it is. Zuora refuses an empty secret; the
    /// command-line tool checks for one before sending.
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The secret's text.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Zuora's secrets are at most 42 characters; a longer one is sent
    /// anyway (Zuora may change its rules), but a refusal mentions it.
    pub(crate) fn looks_too_long(&self) -> bool {
        self.0.chars().count() > 42
    }
}

/// Where the client secret comes from: the secret itself, or something that
/// yields it (a file, a password manager's command, a keyring), which may
/// be slow or ask a person, and so is read only when a token must be
/// fetched: a [`TokenSource`](crate::TokenSource) hands out a cached token
/// without reading it.
///
/// ```
/// use std::time::Instant;
/// use zuora_token::{Secret, SecretSource, SourceIdentity};
///
/// /// A secret in a file, read when needed.
/// #[derive(Debug)]
/// struct SecretFile(std::path::PathBuf);
///
/// impl SecretSource for SecretFile {
///     fn identity(&self) -> SourceIdentity {
///         SourceIdentity::Named(format!("file {}", self.0.display()))
///     }
///
///     fn read(&self, _deadline: Instant) -> zuora_token::Result<Secret> {
///         std::fs::read_to_string(&self.0)
///             .map(|text| Secret::new(text.trim()))
///             .map_err(|e| zuora_token::Error::usage(format!("cannot read the secret: {e}")))
///     }
/// }
/// ```
pub trait SecretSource: fmt::Debug + Send + Sync {
    /// What identifies the secret in the cache without reading it. A token
    /// is cached for the source, so a secret rotated behind a named source
    /// (a new line in the file) keeps its cached token until that expires,
    /// as the token stays valid at Zuora until then.
    fn identity(&self) -> SourceIdentity;

    /// The secret, within `deadline`.
    ///
    /// # Errors
    ///
    /// It cannot be had; the error says why and names the setting.
    fn read(&self, deadline: Instant) -> Result<Secret>;
}

/// What identifies a secret in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceIdentity {
    /// The secret is at hand (given as it is): it identifies itself, by a
    /// fingerprint, and an entry must have been fetched with it.
    Secret(Secret),
    /// The secret is behind this source (`file /path`, `command ...`): the
    /// source identifies it, and an entry is used without reading it.
    Named(String),
}

/// A secret given as it is is its own source.
impl SecretSource for Secret {
    fn identity(&self) -> SourceIdentity {
        SourceIdentity::Secret(self.clone())
    }

    fn read(&self, _: Instant) -> Result<Secret> {
        Ok(self.clone())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        assert_eq!(
            format!("{:?}", Secret::new("hunter2")),
            "Secret(<redacted>)"
        );
        assert!(!Secret::new("x".repeat(42)).looks_too_long());
        assert!(Secret::new("x".repeat(43)).looks_too_long());
    }
}
