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
}

/// One profile.
#[derive(Debug, Serialize)]
pub struct ProfileRow {
    pub name: String,
    pub default: bool,
    /// `prod-eu (https://rest.eu.zuora.com)`, a base URL, or what is wrong.
    pub endpoint: String,
    pub client_id: Option<String>,
    pub entity_id: Option<String>,
    /// `inline`, `file PATH`, `command`, `none`, or the flag or variable
    /// that overrides the profile's.
    pub secret: String,
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
