//! `application/x-www-form-urlencoded`, as the token request's body.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Every byte but RFC 3986's unreserved ones (`A-Z a-z 0-9 - . _ ~`) is
/// encoded, so that `+`, `/` and `=` in a secret arrive intact. (The
/// `form_urlencoded` crate would send a space as `+` and encode `~`; both
/// are valid, but this spelling is the one Zuora's own clients send.)
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// What `application/x-www-form-urlencoded` as browsers write it leaves
/// alone: alphanumerics and `*-._` (a space becomes `+`). Only for finding
/// a secret that a server echoes in that form.
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_');

/// `text` with every reserved byte percent-encoded, in upper-case hex.
pub(crate) fn encode(text: &str) -> String {
    utf8_percent_encode(text, RESERVED).to_string()
}

/// As [`encode`], in lower-case hex.
pub(crate) fn encode_lower(text: &str) -> String {
    lower_hex(&encode(text))
}

/// `text` as browsers form-encode it: `+` for a space.
pub(crate) fn form_encode(text: &str) -> String {
    utf8_percent_encode(text, FORM)
        .to_string()
        .replace("%20", "+")
}

/// As [`form_encode`], in lower-case hex.
pub(crate) fn form_encode_lower(text: &str) -> String {
    lower_hex(&form_encode(text))
}

/// The hex digits of each `%XX` in lower case, and nothing else.
fn lower_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if hex_left > 0 {
            out.push(c.to_ascii_lowercase());
            hex_left -= 1;
        } else {
            hex_left = if c == '%' { 2 } else { 0 };
            out.push(c);
        }
    }
    out
}

/// The form of `fields`, in order.
pub(crate) fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
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
}
