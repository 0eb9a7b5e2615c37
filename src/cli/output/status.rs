//! What `status` prints: the resolved identity and its cached token, never
//! the token itself.

use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::Serialize;
use zuora_token::{Scope, Token};

use super::time::{duration, rfc3339, until};
use super::{Report, table, to_json_line};

/// What `status` reports: the resolved identity and its cached token, if any.
#[derive(Debug)]
pub struct Status<'a> {
    pub base_url: &'a str,
    /// Where the base URL came from: `from environment variable ...`.
    pub base_url_from: String,
    /// The token URL, when one was given, and where it came from.
    pub token_url: Option<(&'a str, String)>,
    pub client_id: &'a str,
    pub client_id_from: String,
    /// What the secret is and where from (`given inline, from ...`).
    pub secret: String,
    /// Values given but not used: `environment variable ZUORA_ENVIRONMENT,
    /// by environment variable ZUORA_BASE_URL`.
    pub overridden: Vec<String>,
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
    base_url_from: &'a str,
    token_url: Option<&'a str>,
    token_url_from: Option<&'a str>,
    client_id: &'a str,
    client_id_from: &'a str,
    secret: &'a str,
    overridden: &'a [String],
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
            base_url_from: &status.base_url_from,
            token_url: status.token_url.as_ref().map(|(url, _)| *url),
            token_url_from: status.token_url.as_ref().map(|(_, from)| from.as_str()),
            client_id: status.client_id,
            client_id_from: &status.client_id_from,
            secret: &status.secret,
            overridden: &status.overridden,
            entity_id: status.entity_id,
            cache_file: status.cache_file.map(|p| p.display().to_string()),
            cached: token.is_some(),
            usable: status.usable,
            min_ttl: status.min_ttl.as_secs(),
            expires_at: token.map(|t| rfc3339(t.expires_at())),
            expires_in: token.map(|t| t.seconds_left(now)),
            obtained_at: token.map(|t| rfc3339(t.obtained_at())),
            scope: token.and_then(|t| t.scope()).map(Scope::parse),
        };
        return to_json_line(&json);
    }
    let mut lines = vec![(
        "base URL",
        format!("{} ({})", status.base_url, status.base_url_from),
    )];
    if let Some((url, from)) = &status.token_url {
        lines.push(("token URL", format!("{url} ({from})")));
    }
    lines.extend([
        (
            "client id",
            format!("{} ({})", status.client_id, status.client_id_from),
        ),
        ("secret", status.secret.clone()),
        ("entity id", status.entity_id.unwrap_or("-").to_owned()),
    ]);
    lines.extend(status.overridden.iter().map(|o| ("overridden", o.clone())));
    lines.extend([(
        "cache file",
        status
            .cache_file
            .map_or("- (no cache directory)".into(), |p| p.display().to_string()),
    )]);
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
        format!("{} ({})", rfc3339(token.expires_at()), until(left)),
    ));
    lines.push(("min TTL", duration(status.min_ttl.as_secs())));
    lines.push(("obtained", rfc3339(token.obtained_at())));
    if let Some(scope) = token.scope().map(Scope::parse) {
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
