//! What went wrong with a token request: a message for a person (never the
//! secret), the kind that sets the exit code, and whether a retry may help.

use std::time::Duration;

use serde_json::Value;
use ureq::http::{HeaderMap, Response, StatusCode};

use super::response::MAX_BODY;
use super::retry::Retry;
use super::server_text::{clean, context, zuora_message};

use crate::credentials::ClientId;
use crate::endpoint::{Endpoint, TokenUrl};
use crate::error::{Error, ErrorKind as Kind};
use crate::provenance::{Input, Provenance, name_of, source_of};
use crate::secret::Secret;

/// What a message about a failed request may use: the secret, to scrub it
/// from anything the server sent, and what to name when saying what to
/// check. Nothing else of the request.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    /// Where the request goes: its token URL, and the base URL it is for.
    pub endpoint: &'a Endpoint,
    pub client_id: &'a ClientId,
    pub secret: &'a Secret,
    /// Whether an entity id was sent.
    pub entity: bool,
    pub timeout: Duration,
    pub provenance: &'a dyn Provenance,
}

impl Context<'_> {
    /// Where the token is asked for.
    pub fn url(&self) -> &TokenUrl {
        self.endpoint.token_url()
    }
}

/// A failed attempt.
#[derive(Debug)]
pub(crate) struct Failed {
    pub error: Error,
    /// `Some` if another attempt may succeed.
    pub retry: Option<Retry>,
}

impl Failed {
    pub(crate) fn fatal(error: Error) -> Failed {
        Failed { error, retry: None }
    }
}

/// The request could not be sent or its answer not received.
pub(crate) fn transport(error: ureq::Error, cx: Context) -> Failed {
    let retry = may_retry_transport(&error);
    let error = transport_error(&error, cx);
    let reason = error.to_string();
    Failed {
        error,
        retry: retry.then(|| Retry::for_transport(reason)),
    }
}

/// Whether a request that failed so may succeed if sent again: a
/// connection refused, reset or cut short, a name not found.
pub(crate) fn may_retry_transport(error: &ureq::Error) -> bool {
    use std::io::ErrorKind::*;
    match error {
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => true,
        ureq::Error::Io(e) => matches!(
            e.kind(),
            ConnectionRefused
                | ConnectionReset
                | ConnectionAborted
                | BrokenPipe
                | UnexpectedEof
                | NotConnected
        ),
        _ => false,
    }
}

/// The body of a 200 answer could not be read.
pub(crate) fn body(error: ureq::Error, cx: Context) -> Failed {
    match error {
        ureq::Error::BodyExceedsLimit(_) => Failed::fatal(Error::new(
            Kind::BadResponse,
            format!(
                "Zuora's answer from {} is larger than {} KiB; refusing to read it",
                cx.url(),
                MAX_BODY / 1024
            ),
        )),
        other => transport(other, cx),
    }
}

/// A 200 answer that is not a valid token response.
pub(crate) fn invalid(why: &str, headers: &HeaderMap, cx: Context) -> Error {
    Error::new(
        Kind::BadResponse,
        format!(
            "Zuora's answer from {} is not a valid token response: {why}{}",
            cx.url(),
            context(headers, cx.secret)
        ),
    )
}

/// Words for a failure to talk HTTP with the server. None of these carry the body.
fn transport_error(error: &ureq::Error, cx: Context) -> Error {
    unreachable(error, cx.url().as_str(), cx.provenance, cx.timeout)
}

/// Words for a failure to talk HTTP with `url`, a request to the token
/// endpoint or to the REST API alike.
pub(crate) fn unreachable(
    error: &ureq::Error,
    url: &str,
    provenance: &dyn Provenance,
    timeout: Duration,
) -> Error {
    let (kind, what) = match error {
        ureq::Error::Timeout(_) => return timed_out_at(url, provenance, timeout),
        ureq::Error::HostNotFound => (
            Kind::Unreachable,
            format!("cannot resolve the host of {url}"),
        ),
        ureq::Error::Io(e) if is_not_loopback(e) => {
            return Error::usage(format!("refusing to talk plain HTTP to {url}: {e}"))
                .with_hint("plain HTTP is for this machine only: use https://, or 127.0.0.1");
        }
        ureq::Error::Io(e) if !is_tls(e) => {
            (Kind::Unreachable, format!("cannot talk to {url}: {e}"))
        }
        ureq::Error::Io(_) | ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            let failed = Error::new(Kind::Unreachable, format!("TLS failed with {url}: {error}"));
            return match is_name_mismatch(error) {
                true => failed.with_hint("the certificate is for another host: check the URL"),
                false => failed.with_hint(format!(
                    "if the server's certificate is issued by a private CA, trust it with {}",
                    name_of(provenance, Input::CaBundle)
                )),
            };
        }
        // Not "cannot reach": the server answered, too much to read.
        ureq::Error::BodyExceedsLimit(limit) => (
            Kind::BadResponse,
            format!(
                "the answer from {url} is larger than {} KiB; refusing to read it",
                limit / 1024
            ),
        ),
        ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..) => (
            Kind::BadResponse,
            format!("{url} did not answer with valid HTTP: {error}"),
        ),
        _ => (Kind::Unreachable, format!("cannot reach {url}: {error}")),
    };
    Error::new(kind, what)
}

/// Whether an I/O error is a plain-HTTP host refused for resolving off
/// this machine.
fn is_not_loopback(error: &std::io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<crate::endpoint::NotLoopback>())
}

/// Whether an I/O error is rustls failing the handshake (an untrusted
/// certificate, say), which rustls reports through the stream it wraps.
fn is_tls(error: &std::io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<rustls::Error>())
}

/// Whether rustls refused the server's certificate for not naming the
/// host of the URL (its issuer may well be trusted).
fn is_name_mismatch(error: &ureq::Error) -> bool {
    let rustls = match error {
        ureq::Error::Rustls(e) => Some(e),
        ureq::Error::Io(e) => e.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>()),
        _ => None,
    };
    matches!(
        rustls,
        Some(rustls::Error::InvalidCertificate(
            rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. }
        ))
    )
}

/// The request ran out of time.
pub(crate) fn timed_out(cx: Context) -> Error {
    timed_out_at(cx.url().as_str(), cx.provenance, cx.timeout)
}

/// A request to `url` ran out of `timeout`.
pub(crate) fn timed_out_at(url: &str, provenance: &dyn Provenance, timeout: Duration) -> Error {
    Error::new(
        Kind::Unreachable,
        format!(
            "timed out after {} s waiting for {url}",
            timeout.as_secs_f64()
        ),
    )
    .with_hint(format!(
        "a longer {} gives it more time",
        name_of(provenance, Input::Timeout)
    ))
}

/// A retry that was not made because its wait would pass the deadline;
/// `asked` is the wait the server asked for, if it did.
pub(crate) fn not_retried(error: Error, wait: Duration, asked: bool, cx: Context) -> Error {
    let error = error.with_hint(format!(
        "not retried: waiting {:.1} s would pass the {} of {} s",
        wait.as_secs_f64(),
        name_of(cx.provenance, Input::Timeout),
        cx.timeout.as_secs_f64()
    ));
    match asked {
        true => error.with_hint(format!(
            "Zuora asked to wait {} s before trying again",
            wait.as_secs()
        )),
        false => error,
    }
}

/// An HTTP status other than 200: which kind, Zuora's message, a hint, and
/// whether it is worth another try.
pub(crate) fn status(response: &Response<ureq::Body>, body: &[u8], cx: Context) -> Failed {
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
    if let Some(text) = zuora_message(body, cx.secret) {
        message.push_str(": ");
        message.push_str(&text);
    }
    let rejected = status == StatusCode::UNAUTHORIZED
        || (status == StatusCode::BAD_REQUEST && says_invalid_client(body));
    if status.is_redirection() {
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("(none)");
        message.push_str(&format!(
            " to {}; redirects are not followed",
            clean(location, cx.secret)
        ));
    }
    message.push_str(&context(headers, cx.secret));
    Failed {
        error: Error::new(kind, message)
            .with_hint(hint(status, cx))
            .rejected(rejected),
        retry: Retry::for_status(status.as_u16(), headers),
    }
}

/// Whether an error body is OAuth's `{"error": "invalid_client"}`: the
/// client id or secret is wrong, as a 401 says.
fn says_invalid_client(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body)
        .is_ok_and(|json| json.get("error").and_then(Value::as_str) == Some("invalid_client"))
}

/// What to check, by status.
fn hint(status: StatusCode, cx: Context) -> String {
    let from = |input| source_of(cx.provenance, input);
    let (asked, setting) = asked(cx);
    match status.as_u16() {
        400 | 401 | 403 => {
            let mut hint = format!(
                "check the client id{} and secret{} against the OAuth client in Zuora, \
                 and that it belongs to {asked}{}",
                from(Input::ClientId),
                from(Input::ClientSecret),
                from(setting)
            );
            if let Some(len) = cx.client_id.odd_length() {
                hint.push_str(&format!(
                    "; the client id is {len} characters, Zuora's are 36"
                ));
            }
            if cx.secret.looks_too_long() {
                hint.push_str("; the secret is longer than Zuora's 42 characters");
            }
            if cx.entity {
                hint.push_str("; and that the client may act for the entity id given");
            }
            hint
        }
        404 | 405 => match setting {
            Input::TokenUrl => format!(
                "{asked} is not a token endpoint: check the token URL{}",
                from(setting)
            ),
            _ => format!(
                "{asked} has no token endpoint: check the base URL{}",
                from(setting)
            ),
        },
        429 => {
            "Zuora allows 100 token requests a minute per IP address; wait a minute and try again"
                .into()
        }
        500..=599 => "Zuora had a problem; try again later".into(),
        _ => format!("check the {}{}", setting.plain_name(), from(setting)),
    }
}

/// Where the token was asked for, as a hint names it, and the input that
/// set it: the token URL when one was given, else the base URL.
fn asked(cx: Context) -> (String, Input) {
    match cx.endpoint.has_own_token_url() {
        true => (cx.url().to_string(), Input::TokenUrl),
        false => (cx.endpoint.base_url().to_string(), Input::BaseUrl),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localhost_resolved_off_this_machine_is_a_refusal_not_a_retry() {
        let refused = crate::endpoint::NotLoopback("192.0.2.7".parse().unwrap());
        let error = ureq::Error::Io(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            refused,
        ));
        assert!(!may_retry_transport(&error));
        let url = "http://localhost:8080/oauth/token";
        let said = unreachable(
            &error,
            url,
            &crate::provenance::Unknown,
            Duration::from_secs(1),
        );
        assert_eq!(said.kind(), Kind::Usage);
        assert_eq!(
            said.to_string(),
            "refusing to talk plain HTTP to http://localhost:8080/oauth/token: it resolves to \
             192.0.2.7, which is not this machine: plain HTTP goes to loopback addresses only"
        );
    }

    #[test]
    fn a_name_mismatch_is_told_from_an_untrusted_issuer() {
        use rustls::CertificateError as Cert;
        // rustls's failures reach us through the stream it wraps, or as its own.
        let io = |e: Cert| {
            let rustls = rustls::Error::InvalidCertificate(e);
            ureq::Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, rustls))
        };
        assert!(is_name_mismatch(&io(Cert::NotValidForName)));
        assert!(is_name_mismatch(&ureq::Error::Rustls(
            rustls::Error::InvalidCertificate(Cert::NotValidForName)
        )));
        assert!(!is_name_mismatch(&io(Cert::UnknownIssuer)));
        assert!(!is_name_mismatch(&ureq::Error::HostNotFound));
    }
}
