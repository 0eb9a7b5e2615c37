//! The HTTP client every request to Zuora goes through, the token request
//! and the REST API's calls alike: ureq with its own rustls set-up over
//! the trust anchors of `tls`, no redirects followed (a request carries the
//! secret or the token, which go to the URL asked for and nowhere else),
//! and no proxy for plain HTTP.

use ureq::Agent;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

use super::options::{RequestOptions, Trust};
use super::tls;
use crate::deadline::Deadline;
use crate::endpoint::loopback_only;
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
    Ok(Agent::with_parts(
        config.build(),
        ureq::unversioned::transport::DefaultConnector::default(),
        LoopbackForPlainHttp::default(),
    ))
}

/// ureq's resolver, holding a plain-HTTP host to loopback addresses: a URL
/// is let through with `localhost` by name, and here, where the name is
/// resolved, every address it resolves to must be this machine's (a
/// hosts file or DNS that says otherwise fails the request). ureq connects
/// to the addresses resolved here, and to no others.
#[derive(Debug, Default)]
struct LoopbackForPlainHttp(DefaultResolver);

impl Resolver for LoopbackForPlainHttp {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.0.resolve(uri, config, timeout)?;
        if uri.scheme() == Some(&ureq::http::uri::Scheme::HTTP) {
            loopback_only(&resolved).map_err(|refused| {
                ureq::Error::Io(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    refused,
                ))
            })?;
        }
        Ok(resolved)
    }
}
