//! The client secret, in a type that cannot be printed by accident.

use std::fmt;

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
