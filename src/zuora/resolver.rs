//! Host names to addresses. ureq resolves on a thread of its own, so that
//! a lookup obeys the timeout; an address written as one (`127.0.0.1`,
//! `[::1]`) needs no lookup, so it gets no thread.

use std::net::{IpAddr, SocketAddr};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// An IP address as it is; a name through ureq's own resolver.
#[derive(Debug, Default)]
pub(crate) struct Literals(DefaultResolver);

impl Resolver for Literals {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        match literal(uri) {
            Some(address) => {
                let mut addresses = self.empty();
                addresses.push(address);
                Ok(addresses)
            }
            None => self.0.resolve(uri, config, timeout),
        }
    }
}

/// The address `uri` names, if its host is an IP address and its port is
/// known (given, or the default of http or https).
fn literal(uri: &Uri) -> Option<SocketAddr> {
    let host = uri.host()?.trim_start_matches('[').trim_end_matches(']');
    let ip: IpAddr = host.parse().ok()?;
    let port = uri.port_u16().or(match uri.scheme_str() {
        Some("https") => Some(443),
        Some("http") => Some(80),
        _ => None,
    })?;
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(uri: &str) -> Option<String> {
        literal(&uri.parse().unwrap()).map(|a| a.to_string())
    }

    #[test]
    fn addresses_are_taken_as_they_are_and_names_are_not() {
        assert_eq!(
            address("http://127.0.0.1:8080/x").as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!(address("https://[::1]/").as_deref(), Some("[::1]:443"));
        assert_eq!(
            address("socks5h://10.0.0.1:1080").as_deref(),
            Some("10.0.0.1:1080")
        );
        assert_eq!(address("socks5h://10.0.0.1"), None);
        assert_eq!(address("https://localhost:8443"), None);
        assert_eq!(address("https://rest.zuora.com"), None);
    }
}
