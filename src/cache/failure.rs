//! The last failure of an entry, shared with the callers that waited for
//! it. Its message and hints were written for the caller that asked Zuora,
//! naming where that caller's settings came from ("the secret (given
//! inline, from environment variable ZUORA_CLIENT_SECRET)"); a caller that
//! shares it may have its own from elsewhere (a flag, a file), though the
//! entry is the same. So what the asker's [`Provenance`] put in the text is
//! stored as a placeholder, and each reader puts in its own.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::stamp::{Identity, StoredIdentity, in_the_future, millis, time};
use crate::error::{Error, ErrorKind};
use crate::provenance::{Input, Provenance, name_of, source_of};

/// The format of a failure; one of another version is not shared. Apart
/// from the tokens' version: 3 held the asker's own text.
const VERSION: u32 = 4;

/// What marks a placeholder. Never in a message otherwise: text a server
/// sent is quoted without control characters.
const MARK: char = '\u{0}';

/// The last failure stored for an identity, to share with the callers that
/// waited for it.
#[derive(Debug)]
pub(crate) struct Failure {
    pub error: Error,
    /// When it was stored.
    pub stored_at: SystemTime,
}

/// The stored failure: what the caller that made the request reported,
/// with placeholders for where its inputs came from.
#[derive(Serialize, Deserialize)]
struct StoredFailure {
    version: u32,
    stored_at_ms: u64,
    exit_code: u8,
    message: String,
    hints: Vec<String>,
    rejected: bool,
    #[serde(flatten)]
    identity: StoredIdentity,
}

/// `error`, for `identity`, as stored: what `provenance` put in its text
/// replaced by placeholders.
pub(super) fn serialize(
    error: &Error,
    identity: StoredIdentity,
    provenance: &dyn Provenance,
) -> Vec<u8> {
    let stored = StoredFailure {
        version: VERSION,
        stored_at_ms: millis(SystemTime::now()),
        exit_code: error.kind().code(),
        message: neutral(&error.to_string(), provenance),
        hints: error
            .hints()
            .iter()
            .map(|hint| neutral(hint, provenance))
            .collect(),
        rejected: error.is_rejection(),
        identity,
    };
    serde_json::to_vec(&stored).expect("a failure serializes")
}

/// The failure in `bytes`, if it is a valid one for `identity`, its text
/// told where `provenance` says the inputs came from.
pub(super) fn parse(
    bytes: &[u8],
    identity: &Identity,
    provenance: &dyn Provenance,
) -> Option<Failure> {
    let stored: StoredFailure = serde_json::from_slice(bytes).ok()?;
    let stored_at = time(stored.stored_at_ms);
    let trusted = stored.version == VERSION
        && identity.mismatch(&stored.identity).is_none()
        && !in_the_future(stored_at);
    let kind = ErrorKind::from_code(stored.exit_code).filter(|_| trusted)?;
    let mut error = Error::new(kind, render(&stored.message, provenance)).rejected(stored.rejected);
    for hint in stored.hints {
        error = error.with_hint(render(&hint, provenance));
    }
    Some(Failure { error, stored_at })
}

/// The placeholder of where `input` came from (`source`) or what it is
/// called (not `source`).
fn placeholder(input: usize, source: bool) -> String {
    let what = if source { 's' } else { 'n' };
    format!("{MARK}{what}{input}{MARK}")
}

/// `text` with what `provenance` says of each input (` (from --flag)`, a
/// flag's name) replaced by its placeholder, the longest first, so that a
/// name within a source goes with the source.
fn neutral(text: &str, provenance: &dyn Provenance) -> String {
    let mut said: Vec<(String, String)> = Vec::new();
    for (i, input) in Input::ALL.into_iter().enumerate() {
        if provenance.source(input).is_some() {
            said.push((source_of(provenance, input), placeholder(i, true)));
        }
        if let Some(name) = provenance.name(input) {
            said.push((name, placeholder(i, false)));
        }
    }
    said.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let mut text = text.replace(MARK, "");
    for (phrase, placeholder) in said {
        text = text.replace(&phrase, &placeholder);
    }
    text
}

/// `text` with each placeholder replaced by what `provenance` says of its
/// input (nothing for a source it does not know, the plain name for a name).
fn render(text: &str, provenance: &dyn Provenance) -> String {
    let mut text = text.to_owned();
    for (i, input) in Input::ALL.into_iter().enumerate() {
        text = text
            .replace(&placeholder(i, true), &source_of(provenance, input))
            .replace(&placeholder(i, false), &name_of(provenance, input));
    }
    text.replace(MARK, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Said(&'static str, &'static str);

    impl Provenance for Said {
        fn source(&self, input: Input) -> Option<String> {
            match input {
                Input::ClientSecret => Some(self.0.into()),
                Input::ClientId => Some("from --client-id".into()),
                _ => None,
            }
        }

        fn name(&self, input: Input) -> Option<String> {
            (input == Input::Timeout).then(|| self.1.into())
        }
    }

    #[test]
    fn each_reader_sees_where_its_own_inputs_came_from() {
        let asker = Said(
            "given inline, from environment variable ZUORA_CLIENT_SECRET",
            "--timeout",
        );
        let waiter = Said(
            "read from /run/secret, from --client-secret-file",
            "--timeout",
        );
        let text = "check the client id (from --client-id) and secret \
                    (given inline, from environment variable ZUORA_CLIENT_SECRET); \
                    a longer --timeout gives it more time";
        let stored = neutral(text, &asker);
        assert!(!stored.contains("ZUORA_CLIENT_SECRET"), "{stored}");
        assert_eq!(
            render(&stored, &waiter),
            "check the client id (from --client-id) and secret \
             (read from /run/secret, from --client-secret-file); \
             a longer --timeout gives it more time"
        );
        assert_eq!(render(&stored, &asker), text);
        // A program that names nothing reads plain names, and no sources.
        #[derive(Debug)]
        struct Nothing;
        impl Provenance for Nothing {}
        assert_eq!(
            render(&stored, &Nothing),
            "check the client id and secret; a longer timeout gives it more time"
        );
    }

    #[test]
    fn a_mark_in_the_text_cannot_forge_a_placeholder() {
        let asker = Said("x", "--timeout");
        let stored = neutral("a \u{0}s1\u{0} b", &asker);
        assert_eq!(render(&stored, &asker), "a s1 b");
    }
}
