//! Everything the commands print, and quoting for each shell. Output is
//! built whole and written with one call, so a reader never sees half of it.

mod cache_list;
mod profiles;
mod shell;
mod status;
mod time;
mod token;

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;
use zuora_token::{Error, Result};

pub use cache_list::cache_list;
pub use profiles::{OverriddenColumn, ProfileRow, ProfilesReport, profiles};
pub use shell::{Shell, env, failing_statement, variables};
pub use status::{Status, status};
// The `curl` command's config; that command is Unix only.
#[cfg(unix)]
pub use token::curl_config;
pub use token::{Format, token};

/// How `status`, `profiles` and `cache list` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Aligned lines for people.
    Text,
    /// One JSON object (or array), for scripts.
    Json,
}

/// Writes `text` to stdout in one go.
pub fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout in one go, as [`print`] does.
pub fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::other(format!("cannot write to standard output: {e}")))
}

fn to_json_line(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain data serializes");
    format!("{json}\n")
}

/// `label:  value` lines with the values aligned, control characters
/// escaped.
fn table(lines: &[(&str, String)]) -> String {
    let width = lines
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0)
        + 1;
    lines
        .iter()
        .map(|(label, value)| {
            let value = printable(value);
            format!("{:<width$} {value}\n", format!("{label}:"))
        })
        .collect()
}

/// `text` with its control characters escaped (`\u{1b}`), so that what a
/// server or a file says cannot drive the terminal it is printed on.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_nothing_else() {
        assert_eq!(
            printable("tenant.19 \u{1b}[31mred"),
            "tenant.19 \\u{1b}[31mred"
        );
        assert_eq!(printable("a\tb\nc é ✓"), "a\\tb\\nc é ✓");
    }
}
