//! Whom an HTTPS endpoint is checked against: the operating system's trust
//! store, like curl, or exactly the certificates of a CA bundle.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use super::options::Trust;
use crate::error::{Error, Result};
use crate::files;
use crate::provenance::{Input, Provenance, source_of};

/// A CA bundle larger than this is not one: the system's whole store is
/// about 200 KiB.
const MAX_BUNDLE: u64 = 4 << 20;

/// The TLS set-up for `trust`. A bundle is read here, when a request is
/// about to be made, never for a cached token, and within `deadline`.
pub(crate) fn config(
    trust: &Trust,
    provenance: &dyn Provenance,
    deadline: Instant,
) -> Result<TlsConfig> {
    let roots = match trust {
        Trust::System => RootCerts::PlatformVerifier,
        Trust::Bundle(path) => {
            RootCerts::Specific(Arc::new(load_bundle(path, provenance, deadline)?))
        }
    };
    Ok(TlsConfig::builder().root_certs(roots).build())
}

fn load_bundle(
    path: &Path,
    provenance: &dyn Provenance,
    deadline: Instant,
) -> Result<Vec<Certificate<'static>>> {
    let bundle = format!(
        "the CA bundle {}{}",
        path.display(),
        source_of(provenance, Input::CaBundle)
    );
    let bytes = files::read_setting(path, MAX_BUNDLE, deadline)
        .map_err(|e| Error::usage(format!("cannot read {bundle}: {e}")))?;
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&bytes)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(Ok(cert)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()
        .map_err(|e| Error::usage(format!("{bundle} is not valid PEM: {e}")))?;
    if certs.is_empty() {
        return Err(Error::usage(format!("{bundle} holds no PEM certificate")));
    }
    Ok(certs)
}
