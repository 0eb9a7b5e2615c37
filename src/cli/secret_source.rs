//! Where the client secret is read from: given as it is, a file (or
//! standard input), or a command that prints it (a password manager).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use zuora_token::{Error, Result, Secret};

use super::origin::Origin;

/// Where the secret is to be read from, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// Given as is: a flag, an environment variable or `client_secret`.
    Inline(Secret),
    /// A file holding the secret; `-` is standard input.
    File(PathBuf),
    /// A shell command that prints the secret (`client_secret_command`).
    Command(String),
}

impl SecretSource {
    /// Reads the secret. Surrounding white space (the newline a file or a
    /// command ends with) is not part of it. `origin` names the setting in errors.
    pub fn read(&self, origin: &Origin) -> Result<Secret> {
        let text = match self {
            SecretSource::Inline(secret) => return non_empty(secret.expose().to_owned(), origin),
            SecretSource::File(path) => read_file(path, origin)?,
            SecretSource::Command(command) => run_command(command, origin)?,
        };
        non_empty(text.trim().to_owned(), origin)
    }

    /// Says where the secret comes from without revealing it.
    pub fn describe(&self) -> String {
        match self {
            SecretSource::Inline(_) => "given inline".into(),
            SecretSource::File(path) if path == Path::new("-") => "read from standard input".into(),
            SecretSource::File(path) => format!("read from {}", path.display()),
            SecretSource::Command(_) => "printed by a command".into(),
        }
    }
}

fn non_empty(text: String, origin: &Origin) -> Result<Secret> {
    if text.is_empty() {
        Err(Error::usage(format!(
            "the client secret from {origin} is empty"
        )))
    } else {
        Ok(Secret::new(text))
    }
}

fn read_file(path: &Path, origin: &Origin) -> Result<String> {
    let mut text = String::new();
    let read = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    read.map(|()| text).map_err(|e| {
        Error::usage(format!(
            "cannot read the client secret file {} (from {origin}): {e}",
            path.display()
        ))
    })
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
    fn debug_never_shows_the_secret() {
        let source = SecretSource::Inline(Secret::new("hunter2"));
        assert!(!format!("{source:?}").contains("hunter2"));
    }
}
