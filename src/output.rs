//! Every output format, and quoting for each shell.
//!
//! Output is built whole and written with one call, so a reader never sees
//! half of it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;

use crate::cache::Cached;
use crate::cli::{Format, Report, Shell};
use crate::error::{Error, Result};
use crate::profiles;
use crate::time::rfc3339;
use crate::token::{Scope, Token};

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
            to_json_line(&object)
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

/// The variables `env` sets and `exec` passes on.
pub fn variables(token: &Token) -> [(&'static str, String); 3] {
    [
        ("ZUORA_ACCESS_TOKEN", token.access_token.as_str().to_owned()),
        ("ZUORA_TOKEN_EXPIRES_AT", rfc3339(token.expires_at)),
        ("ZUORA_BASE_URL", token.base_url.as_str().to_owned()),
    ]
}

/// What `env` prints: one statement a variable, in the shell's syntax. For
/// GitHub Actions that is the line that masks the token in the job's log
/// (the variables go to `$GITHUB_ENV`, in the `Dotenv` form).
pub fn env(token: &Token, shell: Shell) -> Result<String> {
    if shell == Shell::Github {
        return Ok(format!("::add-mask::{}\n", token.access_token.as_str()));
    }
    let mut out = String::new();
    for (name, value) in variables(token) {
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

/// What `status` reports: the resolved identity and its cached token, if any.
#[derive(Debug)]
pub struct Status<'a> {
    pub base_url: &'a str,
    pub client_id: &'a str,
    pub entity_id: Option<&'a str>,
    pub cache_file: Option<&'a Path>,
    pub token: Option<&'a Token>,
    /// Whether the token has at least the minimum TTL left.
    pub usable: bool,
    pub min_ttl: Duration,
}

/// `status -o json`.
#[derive(Serialize)]
struct StatusJson<'a> {
    base_url: &'a str,
    client_id: &'a str,
    entity_id: Option<&'a str>,
    cache_file: Option<String>,
    cached: bool,
    usable: bool,
    min_ttl: u64,
    expires_at: Option<String>,
    expires_in: Option<u64>,
    obtained_at: Option<String>,
    scope: Option<Scope>,
}

/// What `status` prints; never the token itself.
pub fn status(status: &Status, format: Report, now: SystemTime) -> String {
    let token = status.token;
    if format == Report::Json {
        let json = StatusJson {
            base_url: status.base_url,
            client_id: status.client_id,
            entity_id: status.entity_id,
            cache_file: status.cache_file.map(|p| p.display().to_string()),
            cached: token.is_some(),
            usable: status.usable,
            min_ttl: status.min_ttl.as_secs(),
            expires_at: token.map(|t| rfc3339(t.expires_at)),
            expires_in: token.map(|t| t.seconds_left(now)),
            obtained_at: token.map(|t| rfc3339(t.obtained_at)),
            scope: token.and_then(|t| t.scope.as_deref()).map(Scope::parse),
        };
        return to_json_line(&json);
    }
    let mut lines = vec![
        ("base URL", status.base_url.to_owned()),
        ("client id", status.client_id.to_owned()),
        ("entity id", status.entity_id.unwrap_or("-").to_owned()),
        (
            "cache file",
            status
                .cache_file
                .map_or("- (no cache directory)".into(), |p| p.display().to_string()),
        ),
    ];
    let Some(token) = token else {
        lines.push(("token", "none cached".into()));
        return table(&lines);
    };
    let left = token.seconds_left(now);
    let state = if status.usable {
        "cached, usable"
    } else if left == 0 {
        "cached, expired"
    } else {
        "cached, but less than the minimum TTL left"
    };
    lines.push(("token", state.into()));
    lines.push((
        "expires",
        format!("{} ({})", rfc3339(token.expires_at), until(left)),
    ));
    lines.push(("min TTL", duration(status.min_ttl.as_secs())));
    lines.push(("obtained", rfc3339(token.obtained_at)));
    if let Some(scope) = token.scope.as_deref().map(Scope::parse) {
        let list = |items: &[String]| {
            if items.is_empty() {
                "-".into()
            } else {
                items.join(", ")
            }
        };
        lines.push(("tenant", scope.tenant.unwrap_or_else(|| "-".into())));
        lines.push(("entities", list(&scope.entities)));
        lines.push(("user", scope.user.unwrap_or_else(|| "-".into())));
        lines.push(("services", list(&scope.services)));
        if !scope.other.is_empty() {
            lines.push(("other scope", list(&scope.other)));
        }
    }
    table(&lines)
}

/// `cache list -o json`: one object an entry.
#[derive(Serialize)]
struct ListedJson<'a> {
    file: String,
    base_url: Option<&'a str>,
    client_id: Option<&'a str>,
    entity_id: Option<&'a str>,
    expires_at: Option<String>,
    expires_in: Option<u64>,
    /// Why the entry is unusable, for one that is.
    error: Option<&'a str>,
}

/// What `cache list` prints: the entries, never their tokens.
pub fn cache_list(
    entries: &[(PathBuf, Result<Cached, String>)],
    format: Report,
    now: SystemTime,
) -> String {
    if format == Report::Json {
        let rows: Vec<ListedJson> = entries
            .iter()
            .map(|(path, entry)| {
                let (c, error) = match entry {
                    Ok(c) => (Some(c), None),
                    Err(why) => (None, Some(why.as_str())),
                };
                ListedJson {
                    file: path.display().to_string(),
                    base_url: c.map(|c| c.token.base_url.as_str()),
                    client_id: c.map(|c| c.client_id.as_str()),
                    entity_id: c.and_then(|c| c.entity_id.as_deref()),
                    expires_at: c.map(|c| rfc3339(c.token.expires_at)),
                    expires_in: c.map(|c| c.token.seconds_left(now)),
                    error,
                }
            })
            .collect();
        return to_json_line(&rows);
    }
    entries
        .iter()
        .map(|(path, entry)| match entry {
            Ok(c) => format!(
                "{}  {}  entity {}  expires {} ({})\n",
                c.token.base_url,
                c.client_id,
                c.entity_id.as_deref().unwrap_or("-"),
                rfc3339(c.token.expires_at),
                until(c.token.seconds_left(now))
            ),
            Err(why) => format!("{}: unusable ({why})\n", path.display()),
        })
        .collect()
}

/// What `profiles` prints; never a secret.
pub fn profiles(report: &profiles::Report, format: Report) -> String {
    if format == Report::Json {
        return to_json_line(report);
    }
    let file = report
        .config_file
        .as_deref()
        .unwrap_or("- (this system names no config dir)");
    let mut out = match report.found {
        true => format!("config file: {file}\n"),
        false => format!("config file: {file} (not found)\n"),
    };
    let rows = report.profiles.iter().map(|p| {
        let mut secret = p.secret.clone();
        if report.exposes_secret && secret == "inline" {
            secret.push_str(" (the file is readable by others: chmod 600 it)");
        }
        [
            format!("{} {}", if p.default { "*" } else { " " }, p.name),
            p.endpoint.clone(),
            p.client_id.clone().unwrap_or_else(|| "-".into()),
            secret,
        ]
    });
    let header = ["  PROFILE", "ENDPOINT", "CLIENT ID", "SECRET"].map(String::from);
    let rows: Vec<[String; 4]> = std::iter::once(header).chain(rows).collect();
    if rows.len() > 1 {
        let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
        let widths = [width(0), width(1), width(2)];
        for [name, endpoint, id, secret] in &rows {
            out.push_str(&format!(
                "{name:<w0$}  {endpoint:<w1$}  {id:<w2$}  {secret}\n",
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2]
            ));
        }
    }
    out
}

fn to_json_line(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain data serializes");
    format!("{json}\n")
}

/// `label:  value` lines with the values aligned.
fn table(lines: &[(&str, String)]) -> String {
    let width = lines
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0)
        + 1;
    lines
        .iter()
        .map(|(label, value)| format!("{:<width$} {value}\n", format!("{label}:")))
        .collect()
}

/// `in 59m 58s`, or `expired`.
fn until(seconds_left: u64) -> String {
    if seconds_left == 0 {
        "expired".into()
    } else {
        format!("in {}", duration(seconds_left))
    }
}

/// `1h 2m`, `59m 58s`, `12s`.
fn duration(seconds: u64) -> String {
    match (seconds / 3600, seconds % 3600 / 60, seconds % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, m, _) => format!("{h}h {m}m"),
    }
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
/// and escapes, and cmd.exe's `set "NAME=value"` has no escape for `%` or `"`;
/// all take a value of plain characters as it is. The values written are
/// validated to be such, so a value that is not is refused rather than
/// written in a form some reader would misread.
fn plain_value<'a>(name: &str, value: &'a str) -> Result<&'a str> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-._~+/=:[]".contains(&b);
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
        let Ok(out) = Command::new(shell).args(["-c", script]).output() else {
            eprintln!("{shell} is not installed: skipping (CI installs it)");
            return None;
        };
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
    fn durations_read_naturally() {
        assert_eq!(duration(12), "12s");
        assert_eq!(duration(3598), "59m 58s");
        assert_eq!(duration(3720), "1h 2m");
        assert_eq!(until(0), "expired");
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
