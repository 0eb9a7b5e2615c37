//! Whom an HTTPS endpoint is checked against: the operating system's trust
//! store, as curl and OpenSSL read it, or exactly the certificates of a CA
//! bundle. Read only when a request is about to be made, never for a
//! cached token.

use std::path::Path;
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use ureq::tls::{Certificate, RootCerts, TlsConfig};

use super::options::Trust;
use super::pem;
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
    let mut certs = Vec::new();
    pem::certificates(&bytes, |der| {
        certs.push(Certificate::from_der(der).to_owned())
    })
    .map_err(|why| Error::usage(format!("{what} is not valid PEM: {why}")))?;
    Ok(certs)
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
/// `SSL_CERT_DIR` names one. Each certificate counts once (a bundle and a
/// directory often hold the same ones).
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
    Ok(RootCerts::Specific(Arc::new(roots.into_unique())))
}

/// Trust anchors, each once.
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
#[derive(Default)]
struct Roots {
    certs: Vec<Certificate<'static>>,
}

#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
impl Roots {
    fn add(&mut self, certs: Vec<Certificate<'static>>) {
        self.certs.extend(certs);
    }

    /// The certificates of a certificate directory as OpenSSL sees it:
    /// the files named by subject hash (`5ad8a5d6.0`), which is what
    /// `c_rehash` and `update-ca-certificates` make and all OpenSSL ever
    /// opens; the same certificates under their own names are not read
    /// twice. A directory with no such name was never hashed, and each of
    /// its files is read. A file that is not PEM (a README) is passed over,
    /// as OpenSSL does.
    fn add_dir(&mut self, dir: &Path, deadline: Instant) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let (hashed, others): (Vec<PathBuf>, Vec<PathBuf>) = entries
            .flatten()
            .map(|e| e.path())
            .partition(|path| is_hash_name(path));
        for path in if hashed.is_empty() { others } else { hashed } {
            if let Ok(certs) = read_pem(&path, "", deadline) {
                self.add(certs);
            }
        }
    }

    /// The anchors, each once: a directory names a certificate by its file
    /// and by its hash links, and a bundle may repeat one.
    fn into_unique(mut self) -> Vec<Certificate<'static>> {
        self.certs.sort_by(|a, b| a.der().cmp(b.der()));
        self.certs.dedup_by(|a, b| a.der() == b.der());
        self.certs
    }
}

/// Whether a file is named as OpenSSL names a certificate in a hashed
/// directory: eight hex digits, a dot, and a number.
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn is_hash_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match name.split_once('.') {
        Some((hash, n)) => {
            hash.len() == 8
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
    #[test]
    fn each_anchor_counts_once() {
        let mut roots = Roots::default();
        let cert = |der: &[u8]| Certificate::from_der(der).to_owned();
        roots.add(vec![cert(&[2]), cert(&[1]), cert(&[2])]);
        roots.add(vec![cert(&[1])]);
        assert_eq!(roots.into_unique().len(), 2);
    }

    #[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
    #[test]
    fn only_subject_hash_names_are_openssl_names() {
        for name in ["5ad8a5d6.0", "/etc/ssl/certs/9D8A5D6b.12"] {
            assert!(is_hash_name(Path::new(name)), "{name}");
        }
        for name in [
            "ca.pem",
            "5ad8a5d6",
            "5ad8a5d6.",
            "5ad8a5d6.r0",
            "5ad8a5d.0",
            "5ad8a5d6x.0",
        ] {
            assert!(!is_hash_name(Path::new(name)), "{name}");
        }
    }
}
