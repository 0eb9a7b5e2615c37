//! Text a server sent, made safe to print: Zuora's message from an error
//! body, a header's value, the request id. The secret is scrubbed from it
//! in every form a server could echo it in, control characters (the
//! bidirectional ones too) become spaces, and it is cut short.

use serde_json::Value;
use ureq::http::HeaderMap;

use super::form;
use crate::secret::Secret;

/// How much of Zuora's error message is shown.
const MAX_MESSAGE: usize = 300;

/// The `Zuora-Request-Id` to quote to Zuora support, as a message suffix.
pub(super) fn context(headers: &HeaderMap, secret: &Secret) -> String {
    header(headers, "zuora-request-id", secret)
        .map(|id| format!(" (Zuora-Request-Id: {id})"))
        .unwrap_or_default()
}

/// A header's value if it is short printable ASCII (safe to print as is),
/// with the secret scrubbed from it: a server may echo anything.
pub(crate) fn header(headers: &HeaderMap, name: &str, secret: &Secret) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?;
    let printable = value.bytes().all(|b| b.is_ascii_graphic() || b == b' ');
    (value.len() <= 64 && printable).then(|| scrub(value, secret))
}

/// What `-v` shows of an answer's headers: the request id, the rate limit
/// left and the echoed track id.
pub(crate) fn header_summary(headers: &HeaderMap, secret: &Secret) -> String {
    let shown: Vec<String> = [
        "Zuora-Request-Id",
        "X-RateLimit-Remaining-minute",
        "Zuora-Track-Id",
    ]
    .iter()
    .filter_map(|name| Some(format!("{name} {}", header(headers, name, secret)?)))
    .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" ({})", shown.join(", "))
    }
}

/// Zuora's message from an error body, whatever its shape: `message`,
/// `error`/`error_description`, or `reasons[].message`; or the text itself if
/// the body is short plain text. Cleaned and cut to a sane length.
pub(crate) fn zuora_message(body: &[u8], secret: &Secret) -> Option<String> {
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

/// Makes server text safe to print: the secret is scrubbed, control
/// characters (bidirectional ones too) become spaces, runs of space are
/// folded, and the text is cut short. Scrubbing comes first, so a cut
/// cannot expose a fragment of the secret.
pub(super) fn clean(text: &str, secret: &Secret) -> String {
    let folded = scrub(text, secret)
        .split(|c: char| c.is_whitespace() || c.is_control() || is_bidi_control(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match folded.char_indices().nth(MAX_MESSAGE) {
        Some((cut, _)) => format!("{}...", &folded[..cut]),
        None => folded,
    }
}

/// Unicode's bidirectional controls: they reorder what a terminal shows
/// after them, so that a message could read as another.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with the secret replaced by `<redacted>` in every form a server
/// could echo it in: as sent, percent-encoded with upper- or lower-case
/// hex, form-encoded (`+` for a space), and escaped as a JSON string.
fn scrub(text: &str, secret: &Secret) -> String {
    let raw = secret.expose();
    if raw.is_empty() {
        return text.to_owned();
    }
    let json = serde_json::to_string(raw).expect("a string serializes");
    let json = json[1..json.len() - 1].to_owned();
    let mut forms = [
        form::encode(raw),
        form::encode_lower(raw),
        form::form_encode(raw),
        form::form_encode_lower(raw),
        json.replace('/', "\\/"),
        json,
        raw.to_owned(),
    ];
    // Longest first, so that no form is left half replaced by a shorter one.
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.iter().fold(text.to_owned(), |text, form| {
        text.replace(form.as_str(), "<redacted>")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_found_in_every_shape_zuora_uses() {
        let secret = Secret::new("s3cr3t+/=");
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
    fn no_control_or_bidirectional_character_reaches_the_terminal() {
        let text = "a\u{1b}[2Jb\u{9b}1mc\u{202e}d\u{2066}e\u{200f}f\u{61c}g\rh";
        assert_eq!(
            clean(text, &Secret::new(String::new())),
            "a [2Jb 1mc d e f g h"
        );
    }

    #[test]
    fn every_echoed_form_of_the_secret_is_scrubbed() {
        let secret = Secret::new("a b/c+d\"e~é");
        for echo in [
            "a b/c+d\"e~é",
            "a%20b%2Fc%2Bd%22e~%C3%A9",
            "a%20b%2fc%2bd%22e~%c3%a9",
            "a+b%2Fc%2Bd%22e%7E%C3%A9",
            "a+b%2fc%2bd%22e%7e%c3%a9",
            r#"a b/c+d\"e~é"#,
            r#"a b\/c+d\"e~é"#,
        ] {
            let text = scrub(&format!("got [{echo}]"), &secret);
            assert_eq!(text, "got [<redacted>]", "{echo}");
        }
    }

    #[test]
    fn echoed_secrets_are_scrubbed_raw_and_encoded() {
        let secret = Secret::new("s3cr3t+/=");
        let echoed = format!(
            "bad body client_secret={}&x and {}",
            form::encode("s3cr3t+/="),
            "s3cr3t+/="
        );
        let text = zuora_message(echoed.as_bytes(), &secret).unwrap();
        assert_eq!(text, "bad body client_secret=<redacted>&x and <redacted>");
    }
}
