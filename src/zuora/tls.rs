//! Whom an HTTPS endpoint is checked against, told to ureq's own rustls
//! set-up: the operating system's trust store, or exactly the certificates
//! of a CA bundle. Read only when a request is about to be made, never for
//! a cached token. rustls and webpki check the certificates; PEM is read by
//! `rustls-pki-types` (through rustls's re-export); what is decided here is
//! only which files are read, and what a failure to read them says.

use std::path::Path;
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use super::options::Trust;
use crate::error::{Error, Result};
use crate::files;
use crate::provenance::{Input, Provenance, source_of};

/// A CA bundle larger than this is not one: the system's whole store is
/// about 200 KiB.
const MAX_BUNDLE: u64 = 4 << 20;

/// ureq's TLS set-up for a request under `trust`, its certificates read
/// within `deadline`.
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
            specific(certs)
        }
    };
    Ok(TlsConfig::builder().root_certs(roots).build())
}

/// For plain HTTP: no certificate is trusted, so that the agent could not
/// make an HTTPS connection even if it were asked to (ureq's default would
/// be the Mozilla roots it carries, not the system's).
pub(crate) fn none() -> TlsConfig {
    TlsConfig::builder()
        .root_certs(RootCerts::Specific(Arc::default()))
        .build()
}

/// The certificates of a PEM file; a file that cannot be read, or is not
/// PEM, is a usage error that says what `what` is. Read by us rather than
/// by `pem_file_iter`: a bounded read that a FIFO with no writer (a
/// `--ca-bundle <(...)` gone wrong) cannot hang past the deadline.
fn read_pem(path: &Path, what: &str, deadline: Instant) -> Result<Vec<CertificateDer<'static>>> {
    let bytes = files::read_setting(path, MAX_BUNDLE, deadline)
        .map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?;
    CertificateDer::pem_slice_iter(&bytes)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::usage(format!("{what} is not valid PEM: {e}")))
}

/// `certs` as the roots ureq gives rustls.
fn specific(certs: Vec<CertificateDer<'static>>) -> RootCerts {
    let certs = certs
        .iter()
        .map(|der| Certificate::from_der(der).to_owned());
    RootCerts::Specific(Arc::new(certs.collect()))
}

/// macOS and Windows keep their trust store in the system, not in files:
/// their platform verifier (`rustls-platform-verifier`, through ureq) asks
/// it.
#[cfg(any(target_os = "macos", target_os = "ios", windows))]
fn system_roots(_: Instant) -> Result<RootCerts> {
    Ok(RootCerts::PlatformVerifier)
}

/// The operating system's trust anchors, where OpenSSL (and so curl) finds
/// them: the file `SSL_CERT_FILE` names, else the distribution's one
/// bundle (`/etc/ssl/certs/ca-certificates.crt` and the like, where
/// `update-ca-certificates` puts corporate CAs too, found by
/// `openssl-probe`); the certificate directories only where there is no
/// bundle, or where `SSL_CERT_DIR` names them (a list, `:`-separated as
/// OpenSSL reads it; a directory that is not there is passed over). Each
/// certificate counts once (a bundle and a directory often hold the same).
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn system_roots(deadline: Instant) -> Result<RootCerts> {
    let variable = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let named_file = variable("SSL_CERT_FILE").map(PathBuf::from);
    let named_dirs = variable("SSL_CERT_DIR");
    let probed = openssl_probe::probe();
    let file = named_file.clone().or(probed.cert_file);
    let dirs = match (&file, named_dirs) {
        (_, Some(list)) => std::env::split_paths(&list).collect(),
        (None, None) => probed.cert_dir,
        (Some(_), None) => Vec::new(),
    };
    let mut certs = Vec::new();
    if let Some(file) = &file {
        let what = match named_file {
            Some(_) => format!(
                "{} (from environment variable SSL_CERT_FILE)",
                file.display()
            ),
            None => format!("the system's CA bundle {}", file.display()),
        };
        certs = read_pem(file, &what, deadline)?;
    }
    for dir in &dirs {
        for path in openssl_names(dir) {
            // What is not PEM (a README) is passed over, as OpenSSL does.
            certs.extend(read_pem(&path, "", deadline).unwrap_or_default());
        }
    }
    if certs.is_empty() {
        let looked = file.iter().chain(&dirs).map(|p| p.display().to_string());
        return Err(Error::usage(format!(
            "found no trusted certificate in the system's store (looked in: {})",
            looked.collect::<Vec<_>>().join(", ")
        ))
        .with_hint("set SSL_CERT_FILE to a PEM bundle, or pass --ca-bundle PATH"));
    }
    certs.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
    certs.dedup();
    Ok(specific(certs))
}

/// The files of a certificate directory as OpenSSL sees it: those named by
/// subject hash (`5ad8a5d6.0`), which is what `c_rehash` and
/// `update-ca-certificates` make and all OpenSSL ever opens; the same
/// certificates under their own names are not read twice. A directory
/// with no such name was never hashed, and each of its files is read. One
/// that cannot be read has none.
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn openssl_names(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let (hashed, others): (Vec<PathBuf>, Vec<PathBuf>) = entries
        .flatten()
        .map(|e| e.path())
        .partition(|path| is_hash_name(path));
    if hashed.is_empty() { others } else { hashed }
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

#[cfg(all(test, not(any(target_os = "macos", target_os = "ios", windows))))]
mod tests {
    use super::*;

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
