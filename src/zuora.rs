//! The HTTP client: `POST /oauth/token` exactly as Zuora documents it, retried
//! where that can help, and the answer turned into a [`Token`] or an [`Error`]
//! of the right kind.

use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::{Instant, SystemTime};

use ureq::http::{Response, StatusCode};
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::{Error, Result};
use crate::failure::{self, Failed};
use crate::origin::Sourced;
use crate::settings::Settings;
use crate::token::Token;

const USER_AGENT: &str = concat!("zuora-token/", env!("CARGO_PKG_VERSION"));

/// A token response is a few hundred bytes; anything past this is refused
/// without being read, so a hostile or broken server cannot fill memory.
pub const MAX_BODY: u64 = 1 << 20;

/// Fetches a new token from Zuora, retrying rate limits, gateway failures
/// and broken connections up to `--retries` times within `--timeout`.
pub fn fetch(settings: &Settings) -> Result<Token> {
    let exchange = Exchange::new(settings)?;
    let mut attempt = 1;
    loop {
        let failed = match exchange.attempt(attempt) {
            Ok(token) => return Ok(token),
            Err(failed) => failed,
        };
        let Some(retry) = failed.retry.filter(|_| attempt <= settings.retries) else {
            return Err(failed.error.after_attempts(attempt));
        };
        let wait = retry.wait(attempt);
        if Instant::now() + wait >= settings.deadline {
            return Err(failed.error.after_attempts(attempt).with_hint(format!(
                "not retried: waiting {:.1} s would pass the --timeout of {} s",
                wait.as_secs_f64(),
                settings.timeout.as_secs_f64()
            )));
        }
        settings.diag.info(format_args!(
            "retrying in {:.1} s ({}; retry {attempt} of {})",
            wait.as_secs_f64(),
            retry.reason,
            settings.retries
        ));
        thread::sleep(wait);
        attempt += 1;
    }
}

/// What every attempt shares: the agent (with its TLS set-up), the URL and
/// the form.
struct Exchange<'a> {
    settings: &'a Settings,
    agent: ureq::Agent,
    url: String,
    form: String,
}

impl<'a> Exchange<'a> {
    fn new(settings: &'a Settings) -> Result<Exchange<'a>> {
        let base_url = &settings.base_url.value;
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // The form carries the secret: never send it anywhere else.
            .max_redirects(0)
            .tls_config(tls_config(settings.ca_bundle.as_ref())?);
        if !base_url.is_https() {
            // Plain HTTP is allowed to loopback only, which no proxy should
            // see: through one, the secret would cross a network in clear.
            config = config.proxy(None);
        }
        Ok(Exchange {
            settings,
            agent: ureq::Agent::new_with_config(config.build()),
            url: base_url.token_url(),
            form: form(&[
                ("client_id", &settings.client_id.value),
                ("client_secret", settings.secret.expose()),
                ("grant_type", "client_credentials"),
            ]),
        })
    }

    /// One request and its answer.
    fn attempt(&self, attempt: u32) -> Result<Token, Failed> {
        let (settings, url) = (self.settings, &self.url);
        let remaining = settings.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(Failed::fatal(failure::timed_out(settings, url)));
        }
        let mut request = self
            .agent
            .post(url)
            .config()
            .timeout_global(Some(remaining))
            .build()
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
        let sent = request.send(self.form.as_bytes());
        let took = started.elapsed().as_millis();
        let mut response = sent.map_err(|e| {
            settings.diag.info(format_args!(
                "attempt {attempt}: POST {url} failed after {took} ms"
            ));
            failure::transport(e, url, settings)
        })?;
        settings.diag.info(format_args!(
            "attempt {attempt}: POST {url} -> {} in {took} ms{}",
            response.status(),
            failure::header_summary(response.headers())
        ));
        let status = response.status();
        if status != StatusCode::OK {
            // The status decides; a body too large or cut short only loses the message.
            let body = read_body(&mut response).unwrap_or_default();
            return Err(failure::status(&response, &body, settings));
        }
        let body = read_body(&mut response).map_err(|e| failure::body(e, url, settings))?;
        let token = Token::from_response(&body, sent_at, &settings.base_url.value)
            .map_err(|why| Failed::fatal(failure::invalid(&why, url, response.headers())))?;
        settings.diag.info(format_args!(
            "token {}, expires in {} s",
            mask(token.access_token.as_str()),
            token.seconds_left(SystemTime::now())
        ));
        Ok(token)
    }
}

fn read_body(response: &mut Response<ureq::Body>) -> Result<Vec<u8>, ureq::Error> {
    response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
}

/// The operating system's trust store, like curl; or exactly the
/// certificates of `--ca-bundle`. Read only when a request is to be made.
fn tls_config(bundle: Option<&Sourced<PathBuf>>) -> Result<TlsConfig> {
    let roots = match bundle {
        None => RootCerts::PlatformVerifier,
        Some(bundle) => RootCerts::Specific(Arc::new(load_bundle(bundle)?)),
    };
    Ok(TlsConfig::builder().root_certs(roots).build())
}

fn load_bundle(bundle: &Sourced<PathBuf>) -> Result<Vec<Certificate<'static>>> {
    let (path, origin) = (bundle.value.display(), &bundle.origin);
    let bytes = std::fs::read(&bundle.value).map_err(|e| {
        Error::usage(format!(
            "cannot read the CA bundle {path} (from {origin}): {e}"
        ))
    })?;
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&bytes)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(Ok(cert)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()
        .map_err(|e| {
            Error::usage(format!(
                "the CA bundle {path} (from {origin}) is not valid PEM: {e}"
            ))
        })?;
    if certs.is_empty() {
        return Err(Error::usage(format!(
            "the CA bundle {path} (from {origin}) holds no PEM certificate"
        )));
    }
    Ok(certs)
}

/// A token as `-v` shows it: enough to tell two apart, not enough to use.
fn mask(token: &str) -> String {
    let shown: String = token.chars().take(4).collect();
    format!("{shown}... ({} characters)", token.len())
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

pub fn percent_encode(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_four_characters() {
        assert_eq!(
            mask("c652cbc0ea384b9f81856a93a2a74538"),
            "c652... (32 characters)"
        );
    }

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
