//! What `env` prints: one statement a variable in each shell's syntax, every
//! value quoted so that nothing in it is special.

use clap::ValueEnum;
use zuora_token::{ApiHeaders, Error, Result, Token};

use super::time::rfc3339;

/// Which syntax `env` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// POSIX shells: bash, zsh, dash, ksh (`export NAME='value';`).
    Sh,
    /// fish (`set -gx NAME 'value';`).
    Fish,
    /// PowerShell (`$env:NAME = 'value'`).
    Powershell,
    /// A .env file (`NAME=value`), e.g. for GitLab CI or docker compose.
    Dotenv,
    /// Windows cmd.exe (`set "NAME=value"`).
    Cmd,
    /// GitHub Actions: masks the token in the log and appends the variables
    /// to the file named by $GITHUB_ENV, for the job's later steps.
    Github,
}

/// The variables `env` sets and `exec` passes on: the token, its expiry
/// and base URL, and the entity id, org ids, track id and API version of `headers`
/// (the same token's) where they are configured.
pub fn variables(token: &Token, headers: &ApiHeaders) -> Vec<(&'static str, String)> {
    let configured = [
        ("ZUORA_ENTITY_ID", headers.entity_id().map(|id| id.as_str())),
        ("ZUORA_ORG_IDS", headers.org_ids().map(|ids| ids.as_str())),
        ("ZUORA_TRACK_ID", headers.track_id().map(|id| id.as_str())),
        ("ZUORA_VERSION", headers.zuora_version().map(|v| v.as_str())),
    ];
    let mut variables = vec![
        (
            "ZUORA_ACCESS_TOKEN",
            token.access_token().as_str().to_owned(),
        ),
        ("ZUORA_TOKEN_EXPIRES_AT", rfc3339(token.expires_at())),
        ("ZUORA_BASE_URL", token.base_url().as_str().to_owned()),
    ];
    for (name, value) in configured {
        if let Some(value) = value {
            variables.push((name, value.to_owned()));
        }
    }
    variables
}

/// What `env` prints instead when it has no token: a statement that fails
/// in the shell that evaluates it, harmlessly (`false`; a terminating
/// `throw` in PowerShell), so that `set -e; eval "$(zuora-token env)"`
/// stops, and `eval $(zuora-token env)` in a terminal returns non-zero
/// without closing the shell. `None` for the formats no shell evaluates.
pub fn failing_statement(shell: Shell) -> Option<&'static str> {
    match shell {
        Shell::Sh | Shell::Fish => Some("false\n"),
        Shell::Powershell => {
            Some("throw 'zuora-token could not get a token (its error is above)'\n")
        }
        Shell::Dotenv | Shell::Cmd | Shell::Github => None,
    }
}

/// What `env` prints: one statement a variable, in the shell's syntax. For
/// GitHub Actions that is the line that masks the token in the job's log
/// (the variables go to `$GITHUB_ENV`, in the `Dotenv` form).
pub fn env(token: &Token, headers: &ApiHeaders, shell: Shell) -> Result<String> {
    if shell == Shell::Github {
        return Ok(format!("::add-mask::{}\n", token.access_token().as_str()));
    }
    let mut out = String::new();
    for (name, value) in variables(token, headers) {
        let line = match shell {
            // The `;` keeps `eval $(zuora-token env)` working unquoted, where
            // the newlines become spaces.
            Shell::Sh => format!("export {name}={};", sh_quote(&value)),
            Shell::Fish => format!("set -gx {name} {};", fish_quote(&value)),
            Shell::Powershell => format!("$env:{name} = {}", powershell_quote(&value)),
            Shell::Dotenv | Shell::Github => format!("{name}={}", plain_value(name, &value)?),
            Shell::Cmd => format!("set \"{name}={}\"", plain_value(name, &value)?),
        };
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
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
/// and escapes, and cmd.exe's `set "NAME=value"` has no escape for `%` or `"`;
/// all take a value of plain characters as it is. The values written are
/// validated to be such, so a value that is not is refused rather than
/// written in a form some reader would misread.
fn plain_value<'a>(name: &str, value: &'a str) -> Result<&'a str> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-._~+/=:[],".contains(&b);
    if value.bytes().all(plain) {
        Ok(value)
    } else {
        Err(Error::other(format!(
            "{name} cannot be written as a plain value"
        )))
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use zuora_token_testkit::have;

    use super::*;

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

    /// What `shell` prints running `script`.
    fn run(shell: &str, script: &str) -> String {
        let out = Command::new(shell).args(["-c", script]).output().unwrap();
        assert!(
            out.status.success(),
            "{shell} failed on {script:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn posix_quoting_round_trips_in_real_shells() {
        for shell in ["sh", "bash", "dash", "zsh"]
            .into_iter()
            .filter(|s| have(s))
        {
            for value in NASTY {
                let script = format!("export V={};\nprintf '%s' \"$V\"", sh_quote(value));
                assert_eq!(&run(shell, &script), value, "{shell}");
            }
        }
    }

    #[test]
    fn fish_quoting_round_trips_in_fish() {
        if !have("fish") {
            return;
        }
        for value in NASTY {
            let script = format!("set -gx V {};\nprintf '%s' \"$V\"", fish_quote(value));
            assert_eq!(&run("fish", &script), value);
        }
    }

    #[test]
    fn powershell_quoting_doubles_every_kind_of_single_quote() {
        assert_eq!(powershell_quote("it's"), "'it''s'");
        assert_eq!(powershell_quote("‘x’"), "'‘‘x’’'");
        assert_eq!(powershell_quote("$(x) `n"), "'$(x) `n'");
        // pwsh is not in Debian's archive, so CI cannot install it: the
        // round trip runs only where it is installed.
        if !have("pwsh") {
            return;
        }
        // An environment variable cannot hold an empty value in PowerShell.
        for value in NASTY.iter().filter(|v| !v.is_empty()) {
            let script = format!(
                "$env:V = {}; [Console]::Out.Write($env:V)",
                powershell_quote(value)
            );
            let out = Command::new("pwsh")
                .args(["-NoProfile", "-Command", &script])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), *value);
        }
    }

    #[test]
    fn dotenv_and_cmd_refuse_values_that_need_quoting() {
        let url = "https://[::1]:8080";
        assert_eq!(plain_value("X", url).unwrap(), url);
        for bad in ["a b", "a'b", "100%", "a\"b", "a\nb"] {
            assert!(plain_value("X", bad).is_err(), "{bad:?}");
        }
    }
}
