//! Whom an HTTPS endpoint is checked against: the operating system's trust
//! store, as curl and OpenSSL read it, or exactly the certificates of a CA
//! bundle. Read only when a request is about to be made, never for a
//! cached token. The anchors are kept as DER (`anchors`), decoded from PEM
//! (`pem`), and given to rustls through ureq's connectors (`connector`).

mod anchors;
mod connector;
mod pem;

use std::path::Path;
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
use std::path::PathBuf;
use std::time::Instant;

use self::anchors::Anchors;
pub(crate) use self::connector::Connect;
use super::options::Trust;
use crate::error::{Error, Result};
use crate::files;
use crate::provenance::{Input, Provenance, source_of};

/// A CA bundle larger than this is not one: the system's whole store is
/// about 200 KiB.
const MAX_BUNDLE: u64 = 4 << 20;

/// How a request under `trust` connects, its anchors read within
/// `deadline`.
pub(crate) fn connect(
    trust: &Trust,
    provenance: &dyn Provenance,
    deadline: Instant,
) -> Result<Connect> {
    match trust {
        Trust::System => system_roots(deadline),
        Trust::Bundle(path) => {
            let bundle = format!(
                "the CA bundle {}{}",
                path.display(),
                source_of(provenance, Input::CaBundle)
            );
            let anchors = read_pem(path, &bundle, deadline)?;
            if anchors.is_empty() {
                return Err(Error::usage(format!("{bundle} holds no PEM certificate")));
            }
            Ok(Connect::anchored(anchors))
        }
    }
}

/// The certificates of a PEM file; a file that cannot be read, or is not
/// PEM, is a usage error that says what `what` is.
fn read_pem(path: &Path, what: &str, deadline: Instant) -> Result<Anchors> {
    let mut bytes = files::read_setting(path, MAX_BUNDLE, deadline)
        .map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?;
    let certs = pem::certificates(&mut bytes)
        .map_err(|why| Error::usage(format!("{what} is not valid PEM: {why}")))?;
    Ok(Anchors::new(bytes, certs))
}

/// macOS and Windows keep their trust store in the system, not in files:
/// their platform verifier asks it.
#[cfg(any(target_os = "macos", target_os = "ios", windows))]
fn system_roots(_: Instant) -> Result<Connect> {
    Ok(Connect::platform())
}

/// The operating system's trust anchors, read the cheapest correct way, as
/// curl and OpenSSL do: the file `SSL_CERT_FILE` names, else the
/// distribution's one bundle (`/etc/ssl/certs/ca-certificates.crt` and the
/// like, where `update-ca-certificates` puts corporate CAs too); the
/// certificate directories only where there is no bundle, or where
/// `SSL_CERT_DIR` names them (a list, `:`-separated as OpenSSL reads it; a
/// directory that is not there is passed over). Each certificate counts
/// once (a bundle and a directory often hold the same ones).
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn system_roots(deadline: Instant) -> Result<Connect> {
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
    let mut anchors = Anchors::default();
    if let Some(file) = &file {
        let what = match named_file {
            Some(_) => format!(
                "{} (from environment variable SSL_CERT_FILE)",
                file.display()
            ),
            None => format!("the system's CA bundle {}", file.display()),
        };
        anchors = read_pem(file, &what, deadline)?;
    }
    for dir in &dirs {
        add_dir(&mut anchors, dir, deadline);
    }
    if anchors.is_empty() {
        let looked = file.iter().chain(&dirs).map(|p| p.display().to_string());
        return Err(Error::usage(format!(
            "found no trusted certificate in the system's store (looked in: {})",
            looked.collect::<Vec<_>>().join(", ")
        ))
        .with_hint("set SSL_CERT_FILE to a PEM bundle, or pass --ca-bundle PATH"));
    }
    anchors.dedup();
    Ok(Connect::anchored(anchors))
}

/// The certificates of a certificate directory as OpenSSL sees it: the
/// files named by subject hash (`5ad8a5d6.0`), which is what `c_rehash` and
/// `update-ca-certificates` make and all OpenSSL ever opens; the same
/// certificates under their own names are not read twice. A directory with
/// no such name was never hashed, and each of its files is read. A file
/// that is not PEM (a README) is passed over, as OpenSSL does.
#[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
fn add_dir(anchors: &mut Anchors, dir: &Path, deadline: Instant) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let (hashed, others): (Vec<PathBuf>, Vec<PathBuf>) = entries
        .flatten()
        .map(|e| e.path())
        .partition(|path| is_hash_name(path));
    for path in if hashed.is_empty() { others } else { hashed } {
        if let Ok(certs) = read_pem(&path, "", deadline) {
            anchors.append(&certs);
        }
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
