//! Every output format, and quoting for each shell.
//!
//! Output is built whole and written with one call, so a reader never sees
//! half of it.

use std::io::Write;
use std::time::SystemTime;

use serde::Serialize;

use crate::cli::{Format, Shell};
use crate::error::{Error, Result};
use crate::time::rfc3339;
use crate::token::Token;

/// What `get` prints.
pub fn token(token: &Token, format: Format, now: SystemTime) -> String {
    match format {
        Format::Token => format!("{}\n", token.access_token.as_str()),
        Format::Header => format!("Authorization: Bearer {}\n", token.access_token.as_str()),
        Format::Json => {
            let object = JsonToken {
                access_token: token.access_token.as_str(),
                token_type: &token.token_type,
                expires_in: token.seconds_left(now),
                expires_at: rfc3339(token.expires_at),
                scope: token.scope.as_deref(),
                jti: token.jti.as_deref(),
                base_url: token.base_url.as_str(),
            };
            let json = serde_json::to_string(&object).expect("a struct of strings serializes");
            format!("{json}\n")
        }
    }
}

/// `get -o json`, its fields in this order.
#[derive(Serialize)]
struct JsonToken<'a> {
    access_token: &'a str,
    token_type: &'a str,
    /// Whole seconds left now.
    expires_in: u64,
    expires_at: String,
    scope: Option<&'a str>,
    jti: Option<&'a str>,
    base_url: &'a str,
}

/// What `env` prints: one statement a variable, in the shell's syntax.
pub fn env(token: &Token, shell: Shell) -> Result<String> {
    let vars = [
        ("ZUORA_ACCESS_TOKEN", token.access_token.as_str().to_owned()),
        ("ZUORA_TOKEN_EXPIRES_AT", rfc3339(token.expires_at)),
        ("ZUORA_BASE_URL", token.base_url.as_str().to_owned()),
    ];
    let mut out = String::new();
    for (name, value) in vars {
        let line = match shell {
            // The `;` keeps `eval $(zuora-token env)` working unquoted, where
            // the newlines become spaces.
            Shell::Sh => format!("export {name}={};", sh_quote(&value)),
            Shell::Fish => format!("set -gx {name} {};", fish_quote(&value)),
            Shell::Powershell => format!("$env:{name} = {}", powershell_quote(&value)),
            Shell::Dotenv => format!("{name}={}", dotenv_value(name, &value)?),
        };
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// Writes `text` to stdout in one go.
pub fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::other(format!("cannot write to standard output: {e}")))
}

/// POSIX single quotes: nothing inside is special, and a `'` is written as
/// `'\''` (close, escaped quote, reopen).
fn sh_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// fish single quotes: only `\` and `'` are special inside, each escaped by `\`.
fn fish_quote(value: &str) -> String {
    format!("'{}'", value.replace('\\', r"\\").replace('\'', r"\'"))
}

/// PowerShell single quotes: a quote is doubled. PowerShell also takes the
/// typographic single quotes as quotes, so those are doubled too.
fn powershell_quote(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// .env readers (docker compose, GitLab, python-dotenv) disagree on quotes
/// and escapes but all take a bare value of plain characters as it is. The
/// values written are validated to be such, so a value that is not is refused
/// rather than written in a form some reader would misread.
fn dotenv_value<'a>(name: &str, value: &'a str) -> Result<&'a str> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-._~+/=:[]".contains(&b);
    if value.bytes().all(plain) {
        Ok(value)
    } else {
        Err(Error::other(format!(
            "{name} cannot be written as a plain .env value"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Strings that break naive quoting.
    const NASTY: &[&str] = &[
        "plain",
        "",
        "it's",
        "''",
        "a\"b",
        "$(touch /tmp/zt-pwned) `id` ${HOME} $HOME",
        "back\\slash\\",
        "\\'",
        "semi;colon && echo no | cat > /dev/null",
        "new\nline",
        "glob * ? [a]",
        "  spaced  ",
        "tab\there",
        "unicode é ‘curly’ ✓",
        "#hash",
        "-n",
    ];

    /// Runs `script` with `shell` if it is installed; `None` if it is not.
    fn run(shell: &str, script: &str) -> Option<String> {
        let out = Command::new(shell).args(["-c", script]).output().ok()?;
        assert!(
            out.status.success(),
            "{shell} failed on {script:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn posix_quoting_round_trips_in_real_shells() {
        for shell in ["sh", "bash", "dash", "zsh"] {
            for value in NASTY {
                let script = format!("export V={};\nprintf '%s' \"$V\"", sh_quote(value));
                if let Some(got) = run(shell, &script) {
                    assert_eq!(&got, value, "{shell}");
                }
            }
        }
    }

    #[test]
    fn fish_quoting_round_trips_in_fish() {
        for value in NASTY {
            let script = format!("set -gx V {};\nprintf '%s' \"$V\"", fish_quote(value));
            if let Some(got) = run("fish", &script) {
                assert_eq!(&got, value);
            } else {
                eprintln!("fish is not installed: skipping");
                return;
            }
        }
    }

    #[test]
    fn powershell_quoting_doubles_every_kind_of_single_quote() {
        assert_eq!(powershell_quote("it's"), "'it''s'");
        assert_eq!(powershell_quote("‘x’"), "'‘‘x’’'");
        assert_eq!(powershell_quote("$(x) `n"), "'$(x) `n'");
        // An environment variable cannot hold an empty value in PowerShell.
        for value in NASTY.iter().filter(|v| !v.is_empty()) {
            let script = format!(
                "$env:V = {}; [Console]::Out.Write($env:V)",
                powershell_quote(value)
            );
            let Ok(out) = Command::new("pwsh")
                .args(["-NoProfile", "-Command", &script])
                .output()
            else {
                eprintln!("pwsh is not installed: skipping the PowerShell round trip");
                return;
            };
            assert_eq!(String::from_utf8_lossy(&out.stdout), *value);
        }
    }

    #[test]
    fn dotenv_refuses_values_that_need_quoting() {
        assert_eq!(
            dotenv_value("X", "https://[::1]:8080").unwrap(),
            "https://[::1]:8080"
        );
        assert!(dotenv_value("X", "a b").is_err());
        assert!(dotenv_value("X", "a'b").is_err());
    }
}
