//! The HTTP client: one `POST /oauth/token` exactly as Zuora documents it, and
//! the response turned into a [`Token`] or an [`Error`] with the right kind.

use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;
use ureq::http::{HeaderMap, Response, StatusCode};

use crate::error::{Error, Kind, Result};
use crate::secret::Secret;
use crate::settings::Settings;
use crate::token::Token;

const USER_AGENT: &str = concat!("zuora-token/", env!("CARGO_PKG_VERSION"));

/// A token response is a few hundred bytes; anything past this is refused
/// without being read, so a hostile or broken server cannot fill memory.
const MAX_BODY: u64 = 1 << 20;

/// How much of Zuora's error message is shown.
const MAX_MESSAGE: usize = 300;

/// Fetches a new token from Zuora.
pub fn fetch(settings: &Settings) -> Result<Token> {
    let url = settings.base_url.value.token_url();
    let body = form(&[
        ("client_id", &settings.client_id.value),
        ("client_secret", settings.secret.expose()),
        ("grant_type", "client_credentials"),
    ]);
    let remaining = settings.deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(timed_out(settings, &url));
    }
    let mut request = agent(remaining)
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT);
    if let Some(entity) = &settings.entity_id {
        request = request.header("Zuora-Entity-Ids", entity.as_str());
    }
    if let Some(track) = &settings.track_id {
        request = request.header("Zuora-Track-Id", track.as_str());
    }

    let sent_at = SystemTime::now();
    let started = Instant::now();
    let mut response = request
        .send(body.as_bytes())
        .map_err(|e| transport_error(e, &url, settings))?;
    let status = response.status();
    settings.diag.info(format_args!(
        "POST {url} -> {status} in {} ms{}",
        started.elapsed().as_millis(),
        request_id(response.headers())
            .map(|id| format!(" (Zuora-Request-Id {id})"))
            .unwrap_or_default()
    ));
    let body = read_body(&mut response, &url, settings)?;
    if status == StatusCode::OK {
        Token::from_response(&body, sent_at, &settings.base_url.value).map_err(|why| {
            let id = context(response.headers());
            Error::new(
                Kind::BadResponse,
                format!("Zuora's answer from {url} is not a valid token response: {why}{id}"),
            )
        })
    } else {
        Err(failure(&response, &body, settings))
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        // The form carries the secret: never send it anywhere else.
        .max_redirects(0)
        .timeout_global(Some(timeout))
        .build();
    ureq::Agent::new_with_config(config)
}

/// `application/x-www-form-urlencoded`, every byte but RFC 3986's unreserved
/// ones percent-encoded, so that `+`, `/` and `=` in a secret arrive intact.
fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn read_body(
    response: &mut Response<ureq::Body>,
    url: &str,
    settings: &Settings,
) -> Result<Vec<u8>> {
    response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Error::new(
                Kind::BadResponse,
                format!(
                    "Zuora's answer from {url} is larger than {} KiB; refusing to read it",
                    MAX_BODY / 1024
                ),
            ),
            other => transport_error(other, url, settings),
        })
}

/// Maps a failure to talk HTTP with the server. None of these carry the body.
fn transport_error(error: ureq::Error, url: &str, settings: &Settings) -> Error {
    let (kind, what) = match &error {
        ureq::Error::Timeout(_) => return timed_out(settings, url),
        ureq::Error::HostNotFound => (
            Kind::Unreachable,
            format!("cannot resolve the host of {url}"),
        ),
        ureq::Error::Io(e) => (Kind::Unreachable, format!("cannot talk to {url}: {e}")),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            (Kind::Unreachable, format!("TLS failed with {url}: {error}"))
        }
        ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..) => (
            Kind::BadResponse,
            format!("{url} did not answer with valid HTTP: {error}"),
        ),
        _ => (Kind::Unreachable, format!("cannot reach {url}: {error}")),
    };
    Error::new(kind, what)
}

/// The command ran out of time (`--timeout`).
fn timed_out(settings: &Settings, url: &str) -> Error {
    Error::new(
        Kind::Unreachable,
        format!(
            "timed out after {} s waiting for {url}",
            settings.timeout.as_secs_f64()
        ),
    )
    .with_hint("a longer --timeout (or ZUORA_TOKEN_TIMEOUT) gives it more time")
}

/// An HTTP status other than 200: which kind, Zuora's message, and a hint.
fn failure(response: &Response<ureq::Body>, body: &[u8], settings: &Settings) -> Error {
    let status = response.status();
    let headers = response.headers();
    let kind = match status.as_u16() {
        429 => Kind::RateLimited,
        400..=499 => Kind::Refused,
        500..=599 => Kind::Unreachable,
        _ => Kind::BadResponse,
    };
    let mut message = match kind {
        Kind::Refused => format!("Zuora refused the token request: HTTP {status}"),
        Kind::RateLimited => format!("Zuora is rate limiting token requests: HTTP {status}"),
        Kind::Unreachable => format!("Zuora failed to answer the token request: HTTP {status}"),
        _ => format!("unexpected answer to the token request: HTTP {status}"),
    };
    if let Some(text) = zuora_message(body, &settings.secret) {
        message.push_str(": ");
        message.push_str(&text);
    }
    if status.is_redirection() {
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("(none)");
        message.push_str(&format!(
            " to {}; redirects are not followed",
            clean(location, &settings.secret)
        ));
    }
    message.push_str(&context(headers));
    Error::new(kind, message).with_hint(hint(status, settings))
}

/// What to check, by status.
fn hint(status: StatusCode, settings: &Settings) -> String {
    let s = settings;
    match status.as_u16() {
        400 | 401 | 403 => {
            let mut hint = format!(
                "check the client id (from {}) and secret ({}, from {}) against the OAuth client in Zuora, \
                 and that it belongs to {} (from {})",
                s.client_id.origin,
                s.secret_source.value.describe(),
                s.secret_source.origin,
                s.base_url.value,
                s.base_url.origin
            );
            let id_len = s.client_id.value.chars().count();
            if id_len != 36 {
                hint.push_str(&format!(
                    "; the client id is {id_len} characters, Zuora's are 36"
                ));
            }
            if s.secret.looks_too_long() {
                hint.push_str("; the secret is longer than Zuora's 42 characters");
            }
            if s.entity_id.is_some() {
                hint.push_str("; and that the client may act for the entity id given");
            }
            hint
        }
        404 | 405 => format!(
            "{} has no token endpoint: check the base URL (from {})",
            s.base_url.value, s.base_url.origin
        ),
        429 => {
            "Zuora allows 100 token requests a minute per IP address; wait a minute and try again"
                .into()
        }
        500..=599 => "Zuora had a problem; try again later".into(),
        _ => format!("check the base URL (from {})", s.base_url.origin),
    }
}

/// The `Zuora-Request-Id` to quote to Zuora support, as a message suffix.
fn context(headers: &HeaderMap) -> String {
    request_id(headers)
        .map(|id| format!(" (Zuora-Request-Id: {id})"))
        .unwrap_or_default()
}

fn request_id(headers: &HeaderMap) -> Option<&str> {
    let id = headers.get("zuora-request-id")?.to_str().ok()?;
    (id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some(id)
}

/// Zuora's message from an error body, whatever its shape: `message`,
/// `error`/`error_description`, or `reasons[].message`; or the text itself if
/// the body is short plain text. Cleaned and cut to a sane length.
fn zuora_message(body: &[u8], secret: &Secret) -> Option<String> {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(json) => json_message(&json)?,
        Err(_) => {
            let text = String::from_utf8_lossy(body);
            let text = text.trim();
            if text.is_empty() || text.starts_with('<') {
                return None;
            }
            text.to_owned()
        }
    };
    Some(clean(&text, secret))
}

fn json_message(json: &Value) -> Option<String> {
    let as_text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    };
    let mut parts: Vec<String> = ["error", "error_description", "message"]
        .iter()
        .filter_map(|key| json.get(key).and_then(as_text))
        .collect();
    if let Some(Value::Array(reasons)) = json.get("reasons") {
        parts.extend(
            reasons
                .iter()
                .filter_map(|r| r.get("message").and_then(as_text)),
        );
    }
    (!parts.is_empty()).then(|| parts.join(": "))
}

/// Makes server text safe to print: the secret (as sent, or decoded) is
/// replaced, control characters become spaces, runs of space are folded, and
/// the text is cut short. Scrubbing comes first, so a cut cannot expose a
/// fragment of the secret.
fn clean(text: &str, secret: &Secret) -> String {
    let mut text = text.to_owned();
    let raw = secret.expose();
    if !raw.is_empty() {
        for form in [
            raw.to_owned(),
            percent_encode(raw),
            percent_encode(raw).to_lowercase(),
        ] {
            text = text.replace(&form, "<redacted>");
        }
    }
    let folded = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match folded.char_indices().nth(MAX_MESSAGE) {
        Some((cut, _)) => format!("{}...", &folded[..cut]),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encodes_everything_but_unreserved_characters() {
        assert_eq!(
            form(&[
                ("client_secret", "a+b/c=d&e f%~é"),
                ("grant_type", "client_credentials")
            ]),
            "client_secret=a%2Bb%2Fc%3Dd%26e%20f%25~%C3%A9&grant_type=client_credentials"
        );
    }

    #[test]
    fn messages_are_found_in_every_shape_zuora_uses() {
        let secret = Secret::new("s3cr3t+/=".into());
        let msg = |body: &str| zuora_message(body.as_bytes(), &secret);
        assert_eq!(
            msg(r#"{"message":"Authentication error"}"#).unwrap(),
            "Authentication error"
        );
        assert_eq!(msg(r#"{"code":40,"message":"bad"}"#).unwrap(), "bad");
        assert_eq!(
            msg(r#"{"error":"invalid_client","error_description":"Bad credentials"}"#).unwrap(),
            "invalid_client: Bad credentials"
        );
        assert_eq!(
            msg(r#"{"success":false,"reasons":[{"code":1,"message":"a"},{"message":"b"}]}"#)
                .unwrap(),
            "a: b"
        );
        assert_eq!(msg("upstream\n  timeout").unwrap(), "upstream timeout");
        assert_eq!(msg("<html><body>502</body></html>"), None);
        assert_eq!(msg("{}"), None);
        assert_eq!(msg(&"x".repeat(1000)).unwrap().len(), MAX_MESSAGE + 3);
    }

    #[test]
    fn echoed_secrets_are_scrubbed_raw_and_encoded() {
        let secret = Secret::new("s3cr3t+/=".into());
        let echoed = format!(
            "bad body client_secret={}&x and {}",
            percent_encode("s3cr3t+/="),
            "s3cr3t+/="
        );
        let text = zuora_message(echoed.as_bytes(), &secret).unwrap();
        assert_eq!(text, "bad body client_secret=<redacted>&x and <redacted>");
    }
}
