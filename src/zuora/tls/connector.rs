//! How ureq connects when the trust anchors are ours ([`Anchors`]): its
//! own chain of connectors (SOCKS, HTTP `CONNECT` proxies, TCP), with TLS
//! by rustls over our verifier in place of ureq's rustls connector, which
//! takes only a list of roots and parses every one of them.
//!
//! The TLS step is ureq's `RustlsConnector` (3.5) but for where its
//! configuration comes from; ureq's own is still used where the system's
//! platform verifier decides (macOS, Windows).

use std::fmt;
use std::io::{Read, Write};
use std::sync::Arc;

use rustls::client::ClientConnection;
use rustls::pki_types::ServerName;
use rustls::{ClientConfig, StreamOwned};
use ureq::tls::TlsConfig;
use ureq::unversioned::transport::time::{Duration, Instant};
use ureq::unversioned::transport::{
    Buffers, ChainedConnector, ConnectProxyConnector, ConnectionDetails, Connector, Either,
    LazyBuffers, NextTimeout, SocksConnector, TcpConnector, Transport, TransportAdapter,
};

use super::anchors::{AnchorVerifier, Anchors};

/// The connectors of a request.
#[derive(Debug)]
pub(crate) enum Connect {
    /// ureq's chain, with TLS over our anchors, or none for plain HTTP.
    Ours(Chain),
    /// ureq's own, its TLS verified by the system's platform verifier.
    #[cfg(any(target_os = "macos", target_os = "ios", windows))]
    Platform(ureq::unversioned::transport::DefaultConnector),
}

type Chain = ChainedConnector<
    (),
    ChainedConnector<
        (),
        ChainedConnector<(), ChainedConnector<(), (), SocksConnector>, ConnectProxyConnector>,
        TcpConnector,
    >,
    OurTls,
>;

impl Connect {
    /// For plain HTTP: an HTTPS URL is refused.
    pub fn plain() -> Connect {
        Connect::ours(None)
    }

    /// TLS as the platform verifier decides.
    #[cfg(any(target_os = "macos", target_os = "ios", windows))]
    pub fn platform() -> Connect {
        Connect::Platform(Default::default())
    }

    /// TLS verified against `anchors`.
    pub fn anchored(anchors: Anchors) -> Connect {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = AnchorVerifier::new(anchors, Arc::clone(&provider));
        let config = ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(rustls::ALL_VERSIONS)
            .expect("ring has TLS 1.2 and 1.3")
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        Connect::ours(Some(Arc::new(config)))
    }

    /// ureq's own order (DefaultConnector): a SOCKS proxy, else a
    /// `CONNECT` proxy's tunnel, else TCP; then TLS, ours.
    fn ours(tls: Option<Arc<ClientConfig>>) -> Connect {
        Connect::Ours(
            ().chain(SocksConnector::default())
                .chain(ConnectProxyConnector::default())
                .chain(TcpConnector::default())
                .chain(OurTls(tls)),
        )
    }

    /// What ureq's own TLS set-up must say for these connectors: where
    /// ureq does TLS, that the platform verifier decides.
    pub fn ureq_tls(&self) -> Option<TlsConfig> {
        match self {
            #[cfg(any(target_os = "macos", target_os = "ios", windows))]
            Connect::Platform(_) => Some(
                TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            ),
            Connect::Ours(_) => None,
        }
    }
}

impl Connector for Connect {
    type Out = Either<Box<dyn Transport>, <Chain as Connector>::Out>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(match self {
            Connect::Ours(connector) => connector.connect(details, chained)?.map(Either::B),
            #[cfg(any(target_os = "macos", target_os = "ios", windows))]
            Connect::Platform(connector) => connector.connect(details, chained)?.map(Either::A),
        })
    }
}

/// TLS by rustls with a configuration of ours; without one, no TLS at
/// all: an HTTPS URL is an error, never a request in clear.
pub(crate) struct OurTls(Option<Arc<ClientConfig>>);

impl fmt::Debug for OurTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OurTls")
    }
}

impl<In: Transport> Connector<In> for OurTls {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        // TLS where the URL asks for it and the transport is not TLS yet.
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let config = self.0.as_ref().ok_or(ureq::Error::Tls(
            "an HTTPS URL on a connection set up for HTTP",
        ))?;
        let host = details
            .uri
            .authority()
            .map(|authority| authority.host())
            .ok_or(ureq::Error::Tls("the URL has no host to check"))?;
        let bare = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        let name = ServerName::try_from(bare)
            .map_err(|_| ureq::Error::Tls("the URL's host is not a name TLS can check"))?
            .to_owned();
        let mut conn = ClientConnection::new(Arc::clone(config), name)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(remaining(details));
        conn.complete_io(&mut sock)?;
        let buffers = LazyBuffers::new(
            details.config.input_buffer_size(),
            details.config.output_buffer_size(),
        );
        Ok(Some(Either::B(TlsTransport {
            buffers,
            stream: StreamOwned { conn, sock },
        })))
    }
}

/// What is left of the connection's time budget: it was set when ureq
/// started connecting (`details.now`), and the TCP connection (or proxy's
/// tunnel) has taken some of it.
fn remaining(details: &ConnectionDetails) -> NextTimeout {
    let mut timeout = details.timeout;
    if let (Duration::Exact(after), Instant::Exact(started), Instant::Exact(now)) =
        (timeout.after, details.now, (details.current_time)())
    {
        timeout.after =
            Duration::Exact(after.saturating_sub(now.saturating_duration_since(started)));
    }
    timeout
}

/// A TLS connection as ureq reads and writes it.
pub(crate) struct TlsTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TlsTransport")
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}
