//! Whom an HTTPS endpoint is checked against: the operating system's trust
//! store, as curl and OpenSSL read it, or exactly the certificates of a CA
//! bundle. Read only when a request is about to be made, never for a
//! cached token.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
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

/// The TLS set-up for `trust`, read within `deadline`.
pub(crate) fn config(
    trust: &Trust,
    provenance: &dyn Provenance,
    deadline: Instant,
) -> Result<TlsConfig> {
    let roots = match trust {
        Trust::System => system_roots(deadline)?,
        Trust::Bundle(path) => {
            let bundle = format!(
                "the CA bundle {}{}",
                path.display(),
                source_of(provenance, Input::CaBundle)
            );
            let certs = read_pem(path, &bundle, deadline)?;
            if certs.is_empty() {
                return Err(Error::usage(format!("{bundle} holds no PEM certificate")));
            }
            RootCerts::Specific(Arc::new(certs))
        }
    };
    Ok(TlsConfig::builder().root_certs(roots).build())
}

/// The certificates of a PEM file; a file that cannot be read, or is not
/// PEM, is a usage error that says what `what` is.
fn read_pem(path: &Path, what: &str, deadline: Instant) -> Result<Vec<Certificate<'static>>> {
    let bytes = files::read_setting(path, MAX_BUNDLE, deadline)
        .map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?;
    ureq::tls::parse_pem(&bytes)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(Ok(cert)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()
        .map_err(|e| Error::usage(format!("{what} is not valid PEM: {e}")))
}

/// macOS and Windows keep their trust store in the system, not in files:
/// their platform verifier asks it.
#[cfg(any(target_os = "macos", target_os = "ios", windows))]
fn system_roots(_: Instant) -> Result<RootCerts> {
    Ok(RootCerts::PlatformVerifier)
}

/// The operating system's trust anchors, read the cheapest correct way, as
/// curl and OpenSSL do: the file `SSL_CERT_FILE` names, else the
/// distribution's one bundle (`/etc/ssl/certs/ca-certificates.crt` and the
/// like, where `update-ca-certificates` puts corporate CAs too); the
/// certificate directory only where there is no bundle, or where
/// `SSL_CERT_DIR` names one. Each certificate counts once, however many
/// names (hash links) it has.
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn system_roots(deadline: Instant) -> Result<RootCerts> {
    let variable = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let named_file = variable("SSL_CERT_FILE");
    let named_dir = variable("SSL_CERT_DIR");
    let probed = openssl_probe::probe();
    let file = named_file.clone().or(probed.cert_file);
    let dirs = match (&file, named_dir) {
        (_, Some(dir)) => vec![dir],
        (None, None) => probed.cert_dir,
        (Some(_), None) => Vec::new(),
    };
    let mut roots = Roots::default();
    if let Some(file) = &file {
        let what = match named_file {
            Some(_) => format!(
                "{} (from environment variable SSL_CERT_FILE)",
                file.display()
            ),
            None => format!("the system's CA bundle {}", file.display()),
        };
        roots.add(read_pem(file, &what, deadline)?);
    }
    for dir in &dirs {
        roots.add_dir(dir, deadline);
    }
    if roots.certs.is_empty() {
        let looked = file.iter().chain(&dirs).map(|p| p.display().to_string());
        return Err(Error::usage(format!(
            "found no trusted certificate in the system's store (looked in: {})",
            looked.collect::<Vec<_>>().join(", ")
        ))
        .with_hint("set SSL_CERT_FILE to a PEM bundle, or pass --ca-bundle PATH"));
    }
    Ok(RootCerts::Specific(Arc::new(roots.certs)))
}

/// Trust anchors, each once.
#[derive(Default)]
struct Roots {
    certs: Vec<Certificate<'static>>,
    seen: HashSet<Vec<u8>>,
}

impl Roots {
    fn add(&mut self, certs: Vec<Certificate<'static>>) {
        for cert in certs {
            if self.seen.insert(cert.der().to_vec()) {
                self.certs.push(cert);
            }
        }
    }

    /// Every PEM file of a certificate directory. A file that is not PEM
    /// (a README, a hash list) is passed over, as OpenSSL does.
    fn add_dir(&mut self, dir: &Path, deadline: Instant) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(certs) = read_pem(&path, "", deadline) {
                self.add(certs);
            }
        }
    }
}
