//! Trust anchors kept as DER, and a certificate verifier that parses only
//! the ones a server's chain can end at.
//!
//! Why not hand ureq every root: it parses each into a rustls trust anchor
//! (0.9 million instructions for the system's 145) and hashes its whole
//! TLS set-up, roots included (0.4 million), on every call, when a chain
//! can only end at a root whose subject is the issuer of one of the
//! certificates the server sent. rustls's own verifier then checks the
//! chain against those roots alone: the same answer as against all of
//! them, since its path building looks anchors up by that same name.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// Certificates trusted as roots, as DER, each once.
#[derive(Default)]
pub(crate) struct Anchors {
    /// Every certificate's bytes, one after another.
    der: Vec<u8>,
    /// Where each is in `der`.
    certs: Vec<Range<usize>>,
}

impl Anchors {
    /// The certificates at `certs` in `der`.
    pub fn new(der: Vec<u8>, certs: Vec<Range<usize>>) -> Anchors {
        Anchors { der, certs }
    }

    /// Adds one certificate.
    #[cfg(any(test, not(any(target_os = "macos", target_os = "ios", windows))))]
    pub fn add(&mut self, der: &[u8]) {
        let start = self.der.len();
        self.der.extend_from_slice(der);
        self.certs.push(start..self.der.len());
    }

    /// Adds every certificate of `other`.
    #[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
    pub fn append(&mut self, other: &Anchors) {
        for cert in other.iter() {
            self.add(cert);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    /// Keeps each certificate once: a directory names one by its file and
    /// by its hash links, and a bundle may repeat one.
    #[cfg(not(any(target_os = "macos", target_os = "ios", windows)))]
    pub fn dedup(&mut self) {
        let der = &self.der;
        self.certs
            .sort_by(|a, b| der[a.clone()].cmp(&der[b.clone()]));
        self.certs.dedup_by(|a, b| der[a.clone()] == der[b.clone()]);
    }

    fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.certs.iter().map(|range| &self.der[range.clone()])
    }
}

/// Not the certificates: a trust store in a log would be 200 KiB.
impl fmt::Debug for Anchors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Anchors({} certificates)", self.certs.len())
    }
}

/// A server certificate verifier over [`Anchors`]: rustls's own, given
/// only the anchors named as an issuer in the chain the server sent.
#[derive(Debug)]
pub(crate) struct AnchorVerifier {
    anchors: Anchors,
    provider: Arc<CryptoProvider>,
}

impl AnchorVerifier {
    pub fn new(anchors: Anchors, provider: Arc<CryptoProvider>) -> AnchorVerifier {
        AnchorVerifier { anchors, provider }
    }

    /// The anchors whose subject is the issuer of one of `chain`: the only
    /// ones a path from the first can end at.
    fn candidates<'a>(&'a self, chain: &[&[u8]]) -> impl Iterator<Item = CertificateDer<'a>> {
        let issuers: Vec<&[u8]> = chain
            .iter()
            .filter_map(|cert| names(cert).map(|names| names.issuer))
            .collect();
        self.anchors
            .iter()
            .filter(move |anchor| names(anchor).is_some_and(|n| issuers.contains(&n.subject)))
            .map(CertificateDer::from)
    }
}

impl ServerCertVerifier for AnchorVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if names(end_entity).is_none() {
            return Err(CertificateError::BadEncoding.into());
        }
        let chain: Vec<&[u8]> = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|cert| cert.as_ref())
            .collect();
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(self.candidates(&chain));
        if roots.is_empty() {
            // What rustls says against all of them: no path to a root.
            return Err(CertificateError::UnknownIssuer.into());
        }
        WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&self.provider))
            .build()
            .map_err(|e| rustls::Error::General(e.to_string()))?
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.provider.signature_verification_algorithms;
        verify_tls12_signature(message, cert, dss, algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.provider.signature_verification_algorithms;
        verify_tls13_signature(message, cert, dss, algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A certificate's issuer and subject, each a whole DER `Name` (tag and
/// length included, so that equal bytes are equal names, as rustls
/// compares them).
#[derive(Debug, PartialEq)]
struct Names<'a> {
    issuer: &'a [u8],
    subject: &'a [u8],
}

/// The names of an X.509 certificate (RFC 5280, 4.1), read only as far
/// as the subject; `None` if `der` does not hold one.
fn names(der: &[u8]) -> Option<Names<'_>> {
    let (certificate, _) = element(der, SEQUENCE)?;
    let (tbs, _) = element(certificate.contents, SEQUENCE)?;
    let mut rest = tbs.contents;
    if rest.first() == Some(&VERSION) {
        rest = element(rest, VERSION)?.1;
    }
    let (_serial, rest) = element(rest, INTEGER)?;
    let (_signature, rest) = element(rest, SEQUENCE)?;
    let (issuer, rest) = element(rest, SEQUENCE)?;
    let (_validity, rest) = element(rest, SEQUENCE)?;
    let (subject, _) = element(rest, SEQUENCE)?;
    Some(Names {
        issuer: issuer.whole,
        subject: subject.whole,
    })
}

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
/// `[0] EXPLICIT Version`, before the serial number.
const VERSION: u8 = 0xa0;

/// One DER element: all of it, and its contents.
struct Element<'a> {
    whole: &'a [u8],
    contents: &'a [u8],
}

/// The first element of `der` if its tag is `tag`, and what follows it.
/// Definite lengths only, up to four length bytes, as DER has them.
fn element(der: &[u8], tag: u8) -> Option<(Element<'_>, &[u8])> {
    let (&found, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    if found != tag {
        return None;
    }
    let (length, rest) = match first {
        0..=0x7f => (usize::from(first), rest),
        0x81..=0x84 => {
            let (bytes, rest) = rest.split_at_checked(usize::from(first & 0x7f))?;
            let length = bytes
                .iter()
                .fold(0usize, |length, b| length << 8 | usize::from(*b));
            (length, rest)
        }
        _ => return None,
    };
    let (contents, after) = rest.split_at_checked(length)?;
    let header = der.len() - rest.len();
    let whole = &der[..header + length];
    Some((Element { whole, contents }, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DER of `tag` around `contents`.
    fn tlv(tag: u8, contents: &[u8]) -> Vec<u8> {
        let mut der = vec![tag];
        match contents.len() {
            n @ 0..=0x7f => der.push(n as u8),
            n @ 0x80..=0xff => der.extend([0x81, n as u8]),
            n => der.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        der.extend_from_slice(contents);
        der
    }

    /// A certificate's skeleton: the fields before the subject, then the
    /// rest as a filler of `pad` bytes (long enough for long-form lengths).
    fn certificate(version: bool, issuer: &[u8], subject: &[u8], pad: usize) -> Vec<u8> {
        let mut tbs = Vec::new();
        if version {
            tbs.extend(tlv(VERSION, &tlv(INTEGER, &[2])));
        }
        tbs.extend(tlv(INTEGER, &[1, 2, 3]));
        tbs.extend(tlv(SEQUENCE, &tlv(0x06, &[42, 134, 72])));
        tbs.extend(tlv(SEQUENCE, issuer));
        tbs.extend(tlv(SEQUENCE, &[]));
        tbs.extend(tlv(SEQUENCE, subject));
        tbs.extend(tlv(0x04, &vec![7; pad]));
        tlv(SEQUENCE, &[tlv(SEQUENCE, &tbs), tlv(0x03, &[0])].concat())
    }

    #[test]
    fn the_names_are_read_whole_in_every_length_form() {
        for (version, pad) in [(true, 0), (false, 0), (true, 200), (true, 70_000)] {
            let der = certificate(version, b"issuer", b"subject", pad);
            assert_eq!(
                names(&der),
                Some(Names {
                    issuer: &tlv(SEQUENCE, b"issuer"),
                    subject: &tlv(SEQUENCE, b"subject"),
                }),
                "version {version}, pad {pad}"
            );
        }
    }

    #[test]
    fn what_is_not_a_certificate_has_no_names() {
        let der = certificate(true, b"issuer", b"subject", 300);
        for cut in [0, 1, 2, 10, 20, 40, der.len() - 1] {
            assert_eq!(names(&der[..cut]), None, "cut at {cut}");
        }
        let mut indefinite = der.clone();
        indefinite[1] = 0x80;
        assert_eq!(names(&indefinite), None);
        let mut wrong_tag = der;
        wrong_tag[0] = 0x31;
        assert_eq!(names(&wrong_tag), None);
        assert_eq!(names(&[0x30, 0x85, 1, 1, 1, 1, 1]), None);
    }

    #[test]
    fn each_anchor_counts_once() {
        let mut anchors = Anchors::default();
        for der in [&[2][..], &[1], &[2], &[1, 0], &[1]] {
            anchors.add(der);
        }
        anchors.dedup();
        let kept: Vec<&[u8]> = anchors.iter().collect();
        assert_eq!(kept, [&[1][..], &[1, 0], &[2]]);
    }

    #[test]
    fn the_candidates_are_the_anchors_named_as_an_issuer() {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut anchors = Anchors::default();
        let root_a = certificate(true, b"a", b"a", 10);
        let root_a_renewed = certificate(true, b"a", b"a", 20);
        let root_b = certificate(true, b"b", b"b", 10);
        for root in [&root_a, &root_b, &root_a_renewed] {
            anchors.add(root);
        }
        let verifier = AnchorVerifier::new(anchors, provider);
        let leaf = certificate(true, b"intermediate", b"server", 10);
        let intermediate = certificate(true, b"a", b"intermediate", 10);
        let found: Vec<Vec<u8>> = verifier
            .candidates(&[&leaf, &intermediate])
            .map(|der| der.to_vec())
            .collect();
        assert_eq!(found, [root_a, root_a_renewed]);
        assert_eq!(verifier.candidates(&[&leaf]).count(), 0);
    }
}
