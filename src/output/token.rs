//! What `get` prints: the token, an `Authorization` header, or JSON.

use std::time::SystemTime;

use clap::ValueEnum;
use serde::Serialize;
use zuora_token::Token;

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
}

/// What `get` prints.
pub fn token(token: &Token, format: Format, now: SystemTime) -> String {
    match format {
        Format::Token => format!("{}\n", token.access_token().as_str()),
        Format::Header => format!("Authorization: Bearer {}\n", token.access_token().as_str()),
        Format::Json => {
            let object = JsonToken {
                access_token: token.access_token().as_str(),
                token_type: token.token_type(),
                expires_in: token.seconds_left(now),
                expires_at: rfc3339(token.expires_at()),
                scope: token.scope(),
                jti: token.jti(),
                base_url: token.base_url().as_str(),
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
