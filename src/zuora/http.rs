//! The HTTP client every request to Zuora goes through, the token request
//! and the REST API's calls alike: ureq with its own rustls set-up over
//! the trust anchors of `tls`, no redirects followed (a request carries the
//! secret or the token, which go to the URL asked for and nowhere else),
//! and no proxy for plain HTTP.

use std::borrow::Cow;
use std::io;

use ureq::Agent;
use ureq::http::Uri;

use super::options::{RequestOptions, Trust};
use super::tls;
use crate::deadline::Deadline;
use crate::endpoint::localhost_address;
use crate::error::Result;
use crate::provenance::Provenance;

/// The size of each of ureq's buffers: room for a TLS record (16 KiB and
/// its framing), and for response headers far larger than Zuora's.
const BUFFER: usize = 20 * 1024;

/// An agent for requests to an `https` (or plain `http`) URL, trusting what
/// `options` say, its trust anchors read within `deadline`. HTTP statuses
/// are answers, not errors: the caller reads each.
pub(crate) fn agent(
    https: bool,
    options: &RequestOptions,
    provenance: &dyn Provenance,
    deadline: &Deadline,
) -> Result<Agent> {
    // The system's trust anchors are read for HTTPS only; a bundle the
    // user named is read (and so checked) whenever a request is made.
    let tls = if https || options.trust != Trust::System {
        tls::config(&options.trust, provenance, deadline.instant())?
    } else {
        tls::none()
    };
    let mut config = Agent::config_builder()
        .http_status_as_error(false)
        // The request carries the secret or the token: never send it
        // anywhere else.
        .max_redirects(0)
        // ureq's default of 128 KiB each way is zeroed for every request.
        .input_buffer_size(BUFFER)
        .output_buffer_size(BUFFER)
        .tls_config(tls);
    if !https {
        // Plain HTTP is allowed to loopback only, which no proxy should
        // see: through one, the secret or token would cross a network in
        // clear.
        config = config.proxy(None);
    }
    Ok(config.build().new_agent())
}

/// The URL a request for `url` connects to: `url` itself, unless it is
/// plain HTTP to `localhost`. That name is let through when a URL is
/// parsed, and held here to what it resolves to (the system's resolver,
/// as ureq's own would ask): every address must be a loopback address,
/// or the request is not made (a hosts file or DNS that says otherwise).
/// The URL then names one of them (IPv4 first), so that the connection goes where
/// this check looked, with no second lookup that could answer otherwise.
/// ureq's versioned API has no resolver of ours; this needs none.
pub(crate) fn wire_url(url: &str) -> Result<Cow<'_, str>, ureq::Error> {
    let Ok(uri) = url.parse::<Uri>() else {
        return Ok(Cow::Borrowed(url));
    };
    let plain_localhost = uri.scheme_str() == Some("http")
        && uri
            .host()
            .is_some_and(|host| host.eq_ignore_ascii_case("localhost"));
    if !plain_localhost {
        return Ok(Cow::Borrowed(url));
    }
    let first = localhost_address(uri.port_u16().unwrap_or(80)).map_err(|e| match e.kind() {
        io::ErrorKind::PermissionDenied => ureq::Error::Io(e),
        _ => ureq::Error::HostNotFound,
    })?;
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    Ok(Cow::Owned(format!("http://{first}{path}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_localhost_is_resolved_and_then_named_by_address() {
        for url in [
            "https://localhost:8443/oauth/token",
            "http://127.0.0.1:8080/oauth/token",
            "http://[::1]:8080/v1/accounts?x=1",
            "https://rest.zuora.com/oauth/token",
        ] {
            assert_eq!(wire_url(url).unwrap(), url);
        }
        // localhost resolves to loopback addresses on any machine that
        // runs the tests; the URL then names one, its path and query kept.
        let wired = wire_url("http://localhost:8080/v1/accounts?page=2").unwrap();
        let uri: Uri = wired.parse().unwrap();
        let ip: std::net::IpAddr = uri
            .host()
            .unwrap()
            .trim_matches(|c| c == '[' || c == ']')
            .parse()
            .unwrap();
        assert!(ip.is_loopback(), "{wired}");
        assert_eq!(uri.port_u16(), Some(8080));
        assert_eq!(
            uri.path_and_query().unwrap().as_str(),
            "/v1/accounts?page=2"
        );
    }
}
