//! What `profiles` prints: each profile's endpoint, client id and where its
//! secret comes from, never the secret.

use serde::Serialize;

use super::{Report, to_json_line};

/// What `profiles` reports: the config file and each of its profiles.
#[derive(Debug, Serialize)]
pub struct ProfilesReport {
    /// The file looked for.
    pub config_file: Option<String>,
    pub found: bool,
    pub default_profile: Option<String>,
    /// The file holds an inline secret and others than its owner can read it.
    pub exposes_secret: bool,
    pub profiles: Vec<ProfileRow>,
    /// The flags and environment variables that now override a column of
    /// at least one profile (with a value other than the profile's).
    pub overridden: Vec<OverriddenColumn>,
}

/// A column that a flag or variable overrides now, where a profile's
/// value differs.
#[derive(Debug, Serialize)]
pub struct OverriddenColumn {
    /// `endpoint`, `client_id`, `entity_id` or `secret`.
    pub column: &'static str,
    /// The flag or variable: `environment variable ZUORA_BASE_URL`.
    pub by: String,
    /// By a flag, which beats every profile; a variable beats only a
    /// profile not named by `--profile`.
    pub flag: bool,
}

/// One profile.
#[derive(Debug, Serialize)]
pub struct ProfileRow {
    pub name: String,
    pub default: bool,
    /// `prod-eu (https://rest.eu.zuora.com)`, a base URL, or what is wrong;
    /// then `, tokens from URL` where the profile names a token URL.
    pub endpoint: String,
    pub client_id: Option<String>,
    pub entity_id: Option<String>,
    /// `inline`, `file PATH`, `command`, `keyring`, `keyring (none named)`
    /// (nothing else names a secret) or `none`.
    pub secret: String,
    /// The columns a flag or variable given now overrides with another
    /// value.
    pub overridden: Vec<&'static str>,
}

/// What `profiles` prints; never a secret.
pub fn profiles(report: &ProfilesReport, format: Report) -> String {
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
        let marked = |column: &str, value: String| match p.overridden.contains(&column) {
            true => format!("{value} (overridden)"),
            false => value,
        };
        let mut secret = p.secret.clone();
        if report.exposes_secret && secret == "inline" {
            secret.push_str(" (the file is readable by others: chmod 600 it)");
        }
        [
            format!("{} {}", if p.default { "*" } else { " " }, p.name),
            marked("endpoint", p.endpoint.clone()),
            marked(
                "client_id",
                p.client_id.clone().unwrap_or_else(|| "-".into()),
            ),
            marked("secret", secret),
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
    for o in &report.overridden {
        let unless = match o.flag {
            true => "",
            false => " (unless --profile names the profile)",
        };
        out.push_str(&format!(
            "overridden: {}, by {}{unless}\n",
            o.column.replace('_', " "),
            o.by,
        ));
    }
    out
}
