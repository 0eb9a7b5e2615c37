//! The client secret's setting, and the reading of it: given as it is, a
//! file (or standard input), a command that prints it (a password
//! manager), or the OS keyring. [`ConfiguredSecret`] is the library's
//! [`zuora_token::SecretSource`] over it.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use zuora_token::{Error, Result, Secret, SourceIdentity};

use crate::cli::files;

use super::origin::Origin;
use crate::cli::keyring::KeyringEntry;
use crate::cli::stdin::read_stdin;

/// Where the secret is to be read from, as configured (one name for it:
/// the library's `SecretSource` is what reads it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSetting {
    /// Given as is: a flag, an environment variable or `client_secret`.
    Inline(Secret),
    /// A file holding the secret; `-` is standard input.
    File(PathBuf),
    /// A shell command that prints the secret (`client_secret_command`).
    Command(String),
    /// The OS keyring's entry for the base URL and client id, where
    /// `login` put it: `client_secret_keyring = true`, or no other source.
    Keyring(KeyringEntry),
}

/// The secret's setting, with where it was configured: what the library
/// reads when, and only when, it fetches a token.
#[derive(Debug)]
pub struct ConfiguredSecret {
    pub setting: SecretSetting,
    pub origin: Origin,
}

impl zuora_token::SecretSource for ConfiguredSecret {
    fn identity(&self) -> SourceIdentity {
        match &self.setting {
            SecretSetting::Inline(secret) => {
                SourceIdentity::Secret(Secret::new(trim(secret.expose())))
            }
            SecretSetting::File(path) if path == Path::new("-") => {
                SourceIdentity::Named("standard input".into())
            }
            SecretSetting::File(path) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                SourceIdentity::Named(format!("file {}", path.display()))
            }
            SecretSetting::Command(command) => SourceIdentity::Named(format!("command {command}")),
            SecretSetting::Keyring(entry) => SourceIdentity::Named(entry.identity()),
        }
    }

    fn read(&self, deadline: Instant) -> Result<Secret> {
        self.setting.read(&self.origin, deadline)
    }
}

/// A secret file larger than this is not one.
const MAX_SECRET_FILE: u64 = 64 * 1024;

impl SecretSetting {
    /// Reads the secret, a file or pipe within `deadline`. Surrounding white
    /// space (the newline a file, a command or a pasted CI secret ends
    /// with, a CR) and a byte-order mark are not part of it, whatever the
    /// source. `origin` names the setting in errors.
    pub fn read(&self, origin: &Origin, deadline: Instant) -> Result<Secret> {
        let text = match self {
            SecretSetting::Inline(secret) => secret.expose().to_owned(),
            SecretSetting::File(path) => read_file(path, origin, deadline)?,
            SecretSetting::Command(command) => run_command(command, origin)?,
            SecretSetting::Keyring(entry) => return non_empty(&entry.read(deadline)?, entry),
        };
        non_empty(&text, origin)
    }

    /// Says where the secret comes from without revealing it.
    pub fn describe(&self) -> String {
        match self {
            SecretSetting::Inline(_) => "given inline".into(),
            SecretSetting::File(path) if path == Path::new("-") => {
                "read from standard input".into()
            }
            SecretSetting::File(path) => format!("read from {}", path.display()),
            SecretSetting::Command(_) => "printed by a command".into(),
            SecretSetting::Keyring(_) => "in the keyring".into(),
        }
    }
}

/// `text` without surrounding white space or a byte-order mark (which an
/// editor on Windows puts at the start of a file).
fn trim(text: &str) -> String {
    text.trim().trim_start_matches('\u{feff}').trim().to_owned()
}

/// `text` as a secret, trimmed (see [`SecretSetting::read`]); empty, an
/// error that says it is, and `from` where.
pub fn non_empty(text: &str, from: &dyn std::fmt::Display) -> Result<Secret> {
    let text = trim(text);
    if text.is_empty() {
        Err(Error::usage(format!(
            "the client secret from {from} is empty"
        )))
    } else {
        Ok(Secret::new(text))
    }
}

/// The file's text (`-`: standard input), at most [`MAX_SECRET_FILE`]
/// bytes; a pipe such as `<(pass show zuora)` is read as its writer
/// delivers, until `deadline`.
fn read_file(path: &Path, origin: &Origin, deadline: Instant) -> Result<String> {
    let bytes = if path == Path::new("-") {
        read_secret_stdin()
    } else {
        files::read_setting(path, MAX_SECRET_FILE, deadline)
    };
    let failed = |why: &dyn std::fmt::Display| {
        Error::usage(format!(
            "cannot read the client secret file {} (from {origin}): {why}",
            path.display()
        ))
    };
    let bytes = bytes.map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|_| failed(&"it is not UTF-8 text"))
}

/// Standard input to its end, at most [`MAX_SECRET_FILE`] bytes.
pub fn read_secret_stdin() -> io::Result<Vec<u8>> {
    read_stdin(MAX_SECRET_FILE)
}

/// Runs `command` through the platform's shell, as `git`'s credential helpers
/// are: the user's prompt (a password manager's, say) stays on the terminal,
/// because only standard output is captured.
fn run_command(command: &str, origin: &Origin) -> Result<String> {
    let mut shell = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C");
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c");
        c
    };
    let output = shell
        .arg(command)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| {
            Error::other(format!(
                "cannot run the client secret command from {origin}: {e}"
            ))
        })?;
    if !output.status.success() {
        return Err(Error::other(format!(
            "the client secret command from {origin} failed ({})",
            output.status
        )));
    }
    String::from_utf8(output.stdout).map_err(|_| {
        Error::other(format!(
            "the client secret command from {origin} printed text that is not UTF-8"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_and_a_byte_order_mark_around_the_secret_are_dropped() {
        for text in [
            "s3cr3t",
            "s3cr3t\n",
            "s3cr3t\r\n",
            "  s3cr3t\t",
            "\u{feff}s3cr3t\r\n",
        ] {
            assert_eq!(trim(text), "s3cr3t", "{text:?}");
        }
        assert_eq!(trim("in side"), "in side");
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let source = SecretSetting::Inline(Secret::new("hunter2"));
        assert!(!format!("{source:?}").contains("hunter2"));
    }
}
