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
pub use profiles::{ProfileRow, ProfilesReport, profiles};
pub use shell::{Shell, env, variables};
pub use status::{Status, status};
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
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::other(format!("cannot write to standard output: {e}")))
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
