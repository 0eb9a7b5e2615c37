//! What `cache list` prints: each entry's identity and expiry, never its
//! token.

use std::time::SystemTime;

use serde::Serialize;
use zuora_token::{CacheFile, Scope};

use super::time::{rfc3339, until};
use super::{Report, printable, to_json_line};

/// `cache list -o json`: one object an entry.
#[derive(Serialize)]
struct ListedJson<'a> {
    file: String,
    base_url: Option<&'a str>,
    /// Where the token was asked for, if not at the base URL.
    token_url: Option<&'a str>,
    client_id: Option<&'a str>,
    entity_id: Option<&'a str>,
    expires_at: Option<String>,
    expires_in: Option<u64>,
    /// From the token's scope: the tenant, the user, the entities it covers.
    tenant: Option<String>,
    user: Option<String>,
    entities: Option<Vec<String>>,
    /// Why the entry is unusable, for one that is.
    error: Option<&'a str>,
}

/// What `cache list` prints: the entries, never their tokens.
pub fn cache_list(entries: &[CacheFile], format: Report, now: SystemTime) -> String {
    if format == Report::Json {
        let rows: Vec<ListedJson> = entries
            .iter()
            .map(|entry| {
                let (c, error) = match &entry.contents {
                    Ok(c) => (Some(c), None),
                    Err(why) => (None, Some(why.as_str())),
                };
                let scope = c.map(|c| c.token.scope().map(Scope::parse).unwrap_or_default());
                ListedJson {
                    file: entry.path.display().to_string(),
                    base_url: c.map(|c| c.token.base_url().as_str()),
                    token_url: c.and_then(|c| c.token_url.as_deref()),
                    client_id: c.map(|c| c.client_id.as_str()),
                    entity_id: c.and_then(|c| c.entity_id.as_deref()),
                    expires_at: c.map(|c| rfc3339(c.token.expires_at())),
                    expires_in: c.map(|c| c.token.seconds_left(now)),
                    tenant: scope.as_ref().and_then(|s| s.tenant.clone()),
                    user: scope.as_ref().and_then(|s| s.user.clone()),
                    entities: scope.map(|s| s.entities),
                    error,
                }
            })
            .collect();
        return to_json_line(&rows);
    }
    entries
        .iter()
        .map(|entry| match &entry.contents {
            Ok(c) => format!(
                "{}{}  {}  entity {}  expires {} ({})\n",
                c.token.base_url(),
                c.token_url.as_deref().map_or(String::new(), |url| format!(
                    " (tokens from {})",
                    printable(url)
                )),
                printable(&c.client_id),
                printable(c.entity_id.as_deref().unwrap_or("-")),
                rfc3339(c.token.expires_at()),
                until(c.token.seconds_left(now))
            ),
            // The file's name is anyone's who could put a file there.
            Err(why) => format!(
                "{}: unusable ({})\n",
                printable(&entry.path.display().to_string()),
                printable(why)
            ),
        })
        .collect()
}
