//! Where a token request goes: the base URL of Zuora's REST API, held to
//! what can safely receive a client secret.

use std::fmt;

use crate::environments::Environment;

/// Where `POST /oauth/token` is sent: an API host that may receive the
/// client secret, which means HTTPS, or plain HTTP to this machine only
/// (a test server, a local proxy). No other kind can be built.
///
/// ```
/// use zuora_token::{BaseUrl, Endpoint, Environment};
///
/// let eu = Endpoint::of(Environment::find("prod-eu").unwrap());
/// assert_eq!(eu.token_url(), "https://rest.eu.zuora.com/oauth/token");
///
/// let local = Endpoint::new(BaseUrl::parse("http://127.0.0.1:8080").unwrap()).unwrap();
/// assert_eq!(local.base_url().as_str(), "http://127.0.0.1:8080");
///
/// let far = BaseUrl::parse("http://rest.zuora.com").unwrap();
/// assert!(Endpoint::new(far).is_err(), "the secret would cross a network in clear");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    base_url: BaseUrl,
}

impl Endpoint {
    /// The endpoint at `base_url`: refused unless it is HTTPS or on this
    /// machine (`localhost`, 127.0.0.0/8, `[::1]`).
    pub fn new(base_url: BaseUrl) -> Result<Endpoint, ClearTextRefused> {
        if base_url.is_https() || base_url.is_loopback() {
            Ok(Endpoint { base_url })
        } else {
            Err(ClearTextRefused { base_url })
        }
    }

    /// The endpoint of one of Zuora's environments.
    pub fn of(environment: &Environment) -> Endpoint {
        let base_url =
            BaseUrl::parse(environment.base_url).expect("the environments table holds valid URLs");
        Endpoint { base_url }
    }

    /// The base URL of Zuora's REST API there.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// The URL of the token endpoint: `{base}/oauth/token`.
    pub fn token_url(&self) -> String {
        format!("{}/oauth/token", self.base_url)
    }
}

/// A plain `http://` base URL that is not on this machine: the client
/// secret would cross a network in clear text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClearTextRefused {
    base_url: BaseUrl,
}

impl fmt::Display for ClearTextRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refusing to send the client secret in clear text to {}",
            self.base_url
        )
    }
}

impl std::error::Error for ClearTextRefused {}

/// The scheme, host and port of Zuora's REST API.
///
/// Zuora serves `/oauth/token` at the root of its API host, so a path on the
/// given URL (a trailing `/`, or `/v1` copied from an API call) is dropped:
/// `https://rest.zuora.com`, `https://rest.zuora.com/` and
/// `https://rest.zuora.com/v1` all name the same endpoint. The host is held to
/// the characters of DNS names and IP literals, which also keeps it safe in
/// every shell's syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `scheme://host[:port]`, lower case, without a default port.
    origin: String,
}

impl BaseUrl {
    /// Parses an absolute `https` or `http` URL, keeping its scheme, host and
    /// port. The error says what is wrong, for a message about the setting.
    ///
    /// ```
    /// use zuora_token::BaseUrl;
    ///
    /// let url = BaseUrl::parse("HTTPS://Rest.EU.Zuora.com:443/v1/").unwrap();
    /// assert_eq!(url.as_str(), "https://rest.eu.zuora.com");
    /// assert!(BaseUrl::parse("https://user:pw@rest.zuora.com").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<BaseUrl, String> {
        let (scheme, rest) = input
            .split_once("://")
            .ok_or("it must be an absolute URL such as https://rest.zuora.com")?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => "443",
            "http" => "80",
            _ => return Err(format!("the scheme must be https or http, not {scheme:?}")),
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if tail.contains(['?', '#']) {
            return Err("it must not have a query (?) or fragment (#)".into());
        }
        if authority.contains('@') {
            return Err("it must not contain a user name or password".into());
        }
        let (host, port) = split_host_port(authority)?;
        let host = host.to_ascii_lowercase();
        let origin = match port {
            Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
            _ => format!("{scheme}://{host}"),
        };
        Ok(BaseUrl { origin })
    }

    /// Whether requests to it are encrypted.
    pub fn is_https(&self) -> bool {
        self.origin.starts_with("https://")
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or `[::1]`.
    pub fn is_loopback(&self) -> bool {
        let host = self.origin.split_once("://").map_or("", |(_, rest)| rest);
        let host = match host.strip_prefix('[') {
            Some(v6) => return v6.split(']').next() == Some("::1"),
            None => host.split(':').next().unwrap_or(""),
        };
        host == "localhost"
            || host
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// `scheme://host[:port]`, as parsed: lower case, no default port.
    pub fn as_str(&self) -> &str {
        &self.origin
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin)
    }
}

/// Splits `host[:port]` or `[v6]:port`, checking each part's characters.
fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), String> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (addr, after) = v6
                .split_once(']')
                .ok_or("its IPv6 address lacks a closing ]")?;
            if addr.is_empty()
                || !addr
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || ":.".contains(c))
            {
                return Err("its IPv6 address is not valid".into());
            }
            let port = match after {
                "" => None,
                _ => Some(
                    after
                        .strip_prefix(':')
                        .ok_or("unexpected text after the IPv6 address")?,
                ),
            };
            (&authority[..addr.len() + 2], port)
        }
        None => {
            let (host, port) = match authority.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            if host.is_empty() {
                return Err("it has no host name".into());
            }
            if !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c))
            {
                return Err("its host name may hold only letters, digits, '-' and '.'".into());
            }
            (host, port)
        }
    };
    match port {
        Some(p)
            if !p.bytes().all(|b| b.is_ascii_digit()) || !matches!(p.parse::<u16>(), Ok(1..)) =>
        {
            Err(format!("its port {p:?} is not a number from 1 to 65535"))
        }
        _ => Ok((host, port)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(input: &str) -> String {
        BaseUrl::parse(input).unwrap().to_string()
    }

    #[test]
    fn base_url_keeps_scheme_host_and_port_only() {
        assert_eq!(origin("https://rest.zuora.com"), "https://rest.zuora.com");
        assert_eq!(origin("https://rest.zuora.com/"), "https://rest.zuora.com");
        assert_eq!(
            origin("HTTPS://Rest.Zuora.com/v1/"),
            "https://rest.zuora.com"
        );
        assert_eq!(
            origin("https://rest.zuora.com:443"),
            "https://rest.zuora.com"
        );
        assert_eq!(origin("http://127.0.0.1:8080/x"), "http://127.0.0.1:8080");
        assert_eq!(origin("http://[::1]:8080"), "http://[::1]:8080");
        assert_eq!(origin("http://[::1]"), "http://[::1]");
        let url = BaseUrl::parse("https://rest.zuora.com/").unwrap();
        let endpoint = Endpoint::new(url).unwrap();
        assert_eq!(endpoint.token_url(), "https://rest.zuora.com/oauth/token");
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        for url in [
            "http://localhost:8080",
            "http://127.0.0.1",
            "http://127.1.2.3:9",
            "http://[::1]:80",
        ] {
            assert!(BaseUrl::parse(url).unwrap().is_loopback(), "{url}");
        }
        for url in [
            "http://example.com",
            "http://128.0.0.1",
            "http://localhost.example.com",
            "http://[::2]",
        ] {
            assert!(!BaseUrl::parse(url).unwrap().is_loopback(), "{url}");
        }
        assert!(BaseUrl::parse("https://rest.zuora.com").unwrap().is_https());
        assert!(!BaseUrl::parse("http://localhost").unwrap().is_https());
    }

    #[test]
    fn plain_http_is_an_endpoint_only_on_this_machine() {
        let endpoint = |url: &str| Endpoint::new(BaseUrl::parse(url).unwrap());
        assert!(endpoint("https://rest.zuora.com").is_ok());
        assert!(endpoint("http://127.0.0.1:8080").is_ok());
        let refused = endpoint("http://rest.zuora.com").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "refusing to send the client secret in clear text to http://rest.zuora.com"
        );
    }

    #[test]
    fn base_url_rejects_what_is_not_an_api_origin() {
        for bad in [
            "rest.zuora.com",
            "ftp://rest.zuora.com",
            "https://",
            "https://user:pw@rest.zuora.com",
            "https://rest.zuora.com?x=1",
            "https://rest.zuora.com/#x",
            "https://rest.zuora.com:0",
            "https://rest.zuora.com:99999",
            "https://rest.zuora.com:+1",
            "https://rest zuora.com",
            "https://rest.zuora.com'",
            "https://[::1",
            "https://[zz]:1",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} was accepted");
        }
    }
}
