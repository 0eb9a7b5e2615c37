//! What `get` prints: the token, an `Authorization` header, every header
//! of an API call (as lines or as a curl config), or JSON.

use std::time::SystemTime;

use clap::ValueEnum;
use serde::Serialize;
use zuora_token::{ApiHeaders, Scope, Token};

use super::time::rfc3339;
use super::to_json_line;

/// How `get` prints the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The access token and a newline, nothing else.
    Token,
    /// One JSON object with the token and its metadata.
    Json,
    /// `Authorization: Bearer <token>`, for `curl -H @-`.
    Header,
    /// Every header of an API call, one a line: `Authorization`, and
    /// `Zuora-Entity-Ids`, `Zuora-Org-Ids`, `Zuora-Track-Id` where
    /// configured; for `curl -H @-`.
    Headers,
    /// The same headers as a curl config (`header = "..."` lines), for
    /// `curl -K -`.
    Curl,
}

/// What `get` prints: `token`, with `headers` (the same token's) where the
/// format has them.
pub fn token(token: &Token, headers: &ApiHeaders, format: Format, now: SystemTime) -> String {
    match format {
        Format::Token => format!("{}\n", token.access_token().as_str()),
        Format::Header => format!("Authorization: Bearer {}\n", token.access_token().as_str()),
        Format::Headers => headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\n"))
            .collect(),
        Format::Curl => curl_config(headers),
        Format::Json => {
            let scope = token.scope().map(Scope::parse).unwrap_or_default();
            let object = JsonToken {
                access_token: token.access_token().as_str(),
                token_type: token.token_type(),
                expires_in: token.seconds_left(now),
                expires_at: rfc3339(token.expires_at()),
                scope: token.scope(),
                tenant: scope.tenant.as_deref(),
                user: scope.user.as_deref(),
                entities: &scope.entities,
                jti: token.jti(),
                base_url: token.base_url().as_str(),
                entity_id: headers.entity_id().map(|id| id.as_str()),
                org_ids: headers.org_ids().map(|ids| ids.as_str()),
                track_id: headers.track_id().map(|id| id.as_str()),
                zuora_version: headers.zuora_version().map(|v| v.as_str()),
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
    /// From the scope: the tenant, the user, the entities it covers.
    tenant: Option<&'a str>,
    user: Option<&'a str>,
    entities: &'a [String],
    jti: Option<&'a str>,
    base_url: &'a str,
    entity_id: Option<&'a str>,
    org_ids: Option<&'a str>,
    track_id: Option<&'a str>,
    zuora_version: Option<&'a str>,
}

/// `headers` as a curl config file, one `header = "..."` line each, for
/// `curl -K -` and the `curl` command. Inside curl's double quotes a `\`
/// and a `"` are escaped (the values are validated and hold neither, but
/// the quoting must not depend on that).
pub fn curl_config(headers: &ApiHeaders) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            let line = format!("{name}: {value}")
                .replace('\\', "\\\\")
                .replace('"', "\\\"");
            format!("header = \"{line}\"\n")
        })
        .collect()
}
