//! Where a token request goes: the base URL of Zuora's REST API and the
//! token endpoint, each held to what can safely receive a client secret.

use std::fmt;
use std::net::{SocketAddr, ToSocketAddrs};

use crate::environments::Environment;

/// Where `POST /oauth/token` is sent: an API host that may receive the
/// client secret, which means HTTPS, or plain HTTP to this machine only
/// (a test server, a local proxy). No other kind can be built.
///
/// ```
/// use zuora_token::{BaseUrl, Endpoint, Environment};
///
/// let eu = Endpoint::of(Environment::find("prod-eu").unwrap());
/// assert_eq!(eu.token_url().as_str(), "https://rest.eu.zuora.com/oauth/token");
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
    /// `{base}/oauth/token`, unless [`Endpoint::with_token_url`] named
    /// another.
    token_url: TokenUrl,
}

impl Endpoint {
    /// The endpoint at `base_url`: refused unless it is HTTPS or on this
    /// machine (`localhost`, 127.0.0.0/8, `[::1]`).
    pub fn new(base_url: BaseUrl) -> Result<Endpoint, ClearTextRefused> {
        refuse_clear_text(&base_url, base_url.as_str())?;
        Ok(Endpoint::at(base_url))
    }

    /// The endpoint of one of Zuora's environments.
    pub fn of(environment: &Environment) -> Endpoint {
        let base_url =
            BaseUrl::parse(environment.base_url).expect("the environments table holds valid URLs");
        Endpoint::at(base_url)
    }

    /// The endpoint at a base URL already checked, with its token endpoint
    /// where Zuora serves it.
    fn at(base_url: BaseUrl) -> Endpoint {
        let token_url = TokenUrl {
            url: base_url.zuoras_token_url(),
            origin: base_url.clone(),
        };
        Endpoint {
            base_url,
            token_url,
        }
    }

    /// The same endpoint with tokens asked for at `token_url` instead of
    /// `{base}/oauth/token`, such as the token endpoint of one of Zuora's
    /// OneID clients. API calls still go to the base URL; only the token
    /// request moves. Refused, as a base URL is, unless it is HTTPS or on
    /// this machine.
    ///
    /// ```
    /// use zuora_token::{Endpoint, Environment, TokenUrl};
    ///
    /// let eu = Endpoint::of(Environment::find("prod-eu").unwrap());
    /// let url = TokenUrl::parse("https://login.example.com/oauth2/token").unwrap();
    /// let moved = eu.with_token_url(url).unwrap();
    /// assert_eq!(moved.token_url().as_str(), "https://login.example.com/oauth2/token");
    /// assert_eq!(moved.base_url().as_str(), "https://rest.eu.zuora.com");
    ///
    /// let clear = TokenUrl::parse("http://login.example.com/oauth2/token").unwrap();
    /// assert!(Endpoint::of(Environment::DEFAULT).with_token_url(clear).is_err());
    /// ```
    pub fn with_token_url(self, token_url: TokenUrl) -> Result<Endpoint, ClearTextRefused> {
        refuse_clear_text(&token_url.origin, token_url.as_str())?;
        Ok(Endpoint { token_url, ..self })
    }

    /// The base URL of Zuora's REST API there.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// The URL of the token endpoint: the one given to
    /// [`Endpoint::with_token_url`], else `{base}/oauth/token`.
    pub fn token_url(&self) -> &TokenUrl {
        &self.token_url
    }

    /// Whether tokens are asked for somewhere other than
    /// `{base}/oauth/token`, so that a message about the token request
    /// should name the token URL rather than the base URL.
    pub fn has_own_token_url(&self) -> bool {
        self.token_url.as_str() != self.base_url.zuoras_token_url()
    }
}

/// Refuses `url` at `origin` unless it is HTTPS or on this machine.
fn refuse_clear_text(origin: &BaseUrl, url: &str) -> Result<(), ClearTextRefused> {
    match origin.is_https() || origin.is_loopback() {
        true => Ok(()),
        false => Err(ClearTextRefused {
            url: url.to_owned(),
        }),
    }
}

/// A plain `http://` base URL or token URL that is not on this machine:
/// the client secret would cross a network in clear text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClearTextRefused {
    /// The URL refused, as parsed.
    url: String,
}

impl fmt::Display for ClearTextRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refusing to send the client secret in clear text to {}",
            self.url
        )
    }
}

impl std::error::Error for ClearTextRefused {}

/// A plain-HTTP host (`localhost`, say) that resolved to an address off
/// this machine: whatever `/etc/hosts` or DNS says, plain HTTP goes to
/// loopback addresses only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotLoopback(pub std::net::IpAddr);

impl fmt::Display for NotLoopback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "it resolves to {}, which is not this machine: plain HTTP goes to loopback addresses only",
            self.0
        )
    }
}

impl std::error::Error for NotLoopback {}

/// Accepts the addresses a plain-HTTP host resolved to only if every one
/// is a loopback address (127.0.0.0/8, `::1`, or 127.x mapped into IPv6):
/// the name `localhost` is let through when the URL is parsed, and held to
/// what it resolves to here, when it is resolved for a connection.
pub(crate) fn loopback_only(resolved: &[std::net::SocketAddr]) -> Result<(), NotLoopback> {
    match resolved
        .iter()
        .map(|addr| addr.ip().to_canonical())
        .find(|ip| !ip.is_loopback())
    {
        Some(ip) => Err(NotLoopback(ip)),
        None => Ok(()),
    }
}

/// Where plain HTTP to `localhost` on `port` goes: what the system's
/// resolver says, if every address is a loopback address (else an error
/// of kind `PermissionDenied` carrying [`NotLoopback`]; `NotFound` if
/// there is none), IPv4 first: a server started for local use listens on
/// 127.0.0.1 more often than on ::1.
pub(crate) fn localhost_address(port: u16) -> std::io::Result<SocketAddr> {
    let resolved: Vec<SocketAddr> = ("localhost", port).to_socket_addrs()?.collect();
    loopback_only(&resolved)
        .map_err(|refused| std::io::Error::new(std::io::ErrorKind::PermissionDenied, refused))?;
    resolved
        .iter()
        .find(|addr| addr.is_ipv4())
        .or(resolved.first())
        .copied()
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::NotFound, "localhost has no address")
        })
}

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
        split_url(input).map(|(origin, _path)| origin)
    }

    /// Whether requests to it are encrypted.
    pub fn is_https(&self) -> bool {
        self.origin.starts_with("https://")
    }

    /// Where Zuora serves `POST /oauth/token` on this base URL: the token
    /// URL unless another is given.
    pub(crate) fn zuoras_token_url(&self) -> String {
        format!("{self}/oauth/token")
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or `[::1]`.
    /// `localhost` is taken at its word here; when it is resolved for a
    /// request over plain HTTP, every address it resolves to must be a
    /// loopback address, or the request is not made.
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

    /// For a plain-HTTP base URL on `localhost`, the loopback address its
    /// requests go to, as they are made (every address the name resolves
    /// to must be a loopback address); `None` for any other. For a program
    /// that would resolve the name itself (curl), to be told where to go.
    ///
    /// # Errors
    ///
    /// `localhost` resolves to an address off this machine (kind
    /// `PermissionDenied`), or to none.
    pub fn localhost_address(&self) -> Option<std::io::Result<SocketAddr>> {
        let rest = self.origin.strip_prefix("http://")?;
        let (host, port) = rest.split_once(':').unwrap_or((rest, "80"));
        (host == "localhost").then(|| localhost_address(port.parse().unwrap_or(80)))
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

/// The URL of a token endpoint: `{base}/oauth/token` for an [`Endpoint`]
/// as built, or another one, such as that of one of Zuora's OneID
/// clients, given to [`Endpoint::with_token_url`].
///
/// The scheme, host and port follow the rules of a [`BaseUrl`] (lower
/// case, no default port, no user name or password); unlike a base URL it
/// keeps its path, since that is where the endpoint is. The path is held
/// to the characters RFC 3986 allows in one (percent-encoding included),
/// so that it reaches the server as written; a query or fragment is
/// refused, as the request has no use for one.
///
/// ```
/// use zuora_token::TokenUrl;
///
/// let url = TokenUrl::parse("HTTPS://Login.Example.com:443/oauth2/v1/token").unwrap();
/// assert_eq!(url.as_str(), "https://login.example.com/oauth2/v1/token");
/// assert!(url.is_https());
///
/// let local = TokenUrl::parse("http://127.0.0.1:8080/tenant%2D1/token").unwrap();
/// assert!(local.is_loopback());
///
/// assert!(TokenUrl::parse("https://login.example.com/token?client=1").is_err());
/// assert!(TokenUrl::parse("https://user:pw@login.example.com/token").is_err());
/// assert!(TokenUrl::parse("https://login.example.com/a token").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUrl {
    /// The whole URL: the origin as parsed, then the path as given (`/`
    /// for none).
    url: String,
    /// Its scheme, host and port, which decide whether the secret may go
    /// there.
    origin: BaseUrl,
}

impl TokenUrl {
    /// Parses an absolute `https` or `http` URL with an optional path. The
    /// error says what is wrong, for a message about the setting.
    pub fn parse(input: &str) -> Result<TokenUrl, String> {
        let (origin, path) = split_url(input)?;
        if let Some(bad) = path.chars().find(|c| !is_path_char(*c)) {
            return Err(format!(
                "its path may not contain {bad:?}; percent-encode it"
            ));
        }
        if !percent_escapes_are_complete(path) {
            return Err("its path has a % not followed by two hex digits".into());
        }
        let path = if path.is_empty() { "/" } else { path };
        Ok(TokenUrl {
            url: format!("{origin}{path}"),
            origin,
        })
    }

    /// Whether requests to it are encrypted.
    pub fn is_https(&self) -> bool {
        self.origin.is_https()
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or `[::1]`.
    pub fn is_loopback(&self) -> bool {
        self.origin.is_loopback()
    }

    /// The URL, as parsed: scheme and host in lower case, no default port.
    pub fn as_str(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for TokenUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// Whether RFC 3986 allows `c` in a path as it is: unreserved characters,
/// sub-delimiters, `:`, `@`, `/`, and the `%` of an escape.
pub(crate) fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/%".contains(c)
}

/// Whether every `%` of `path` starts an escape of two hex digits.
pub(crate) fn percent_escapes_are_complete(path: &str) -> bool {
    path.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

/// An absolute `https` or `http` URL split into its origin and its path
/// (empty, or from its first `/`), refusing a user name, a password, a
/// query and a fragment: the rules of every URL a secret is sent to.
pub(crate) fn split_url(input: &str) -> Result<(BaseUrl, &str), String> {
    let (scheme, rest) = input
        .split_once("://")
        .ok_or("it must be an absolute URL, starting with https://")?;
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
    Ok((BaseUrl { origin }, tail))
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
        assert_eq!(
            endpoint.token_url().as_str(),
            "https://rest.zuora.com/oauth/token"
        );
    }

    #[test]
    fn localhost_is_accepted_only_when_every_address_it_resolves_to_is_loopback() {
        let addrs = |list: &[&str]| -> Vec<std::net::SocketAddr> {
            list.iter().map(|a| a.parse().unwrap()).collect()
        };
        for good in [
            &["127.0.0.1:80"][..],
            &["[::1]:80", "127.0.0.1:80"],
            &["127.8.9.10:1"],
            &["[::ffff:127.0.0.1]:80"],
        ] {
            assert_eq!(loopback_only(&addrs(good)), Ok(()), "{good:?}");
        }
        for (bad, ip) in [
            (&["10.0.0.1:80"][..], "10.0.0.1"),
            (&["127.0.0.1:80", "192.0.2.7:80"], "192.0.2.7"),
            (&["[::1]:80", "[2001:db8::1]:80"], "2001:db8::1"),
            (&["[::ffff:192.0.2.7]:80"], "192.0.2.7"),
            (&["0.0.0.0:80"], "0.0.0.0"),
        ] {
            let refused = loopback_only(&addrs(bad)).unwrap_err();
            assert_eq!(refused, NotLoopback(ip.parse().unwrap()), "{bad:?}");
            assert!(
                refused
                    .to_string()
                    .starts_with(&format!("it resolves to {ip}, which is not this machine"))
            );
        }
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
            // Spellings a resolver might take for this machine: not
            // recognised, so refused for plain HTTP (none is needed).
            "http://localhost.",
            "http://localhost.:8080",
            "http://127.1",
            "http://2130706433",
            "http://0x7f.0.0.1",
            "http://[0:0:0:0:0:0:0:1]",
            "http://[::ffff:127.0.0.1]",
        ] {
            let parsed = BaseUrl::parse(url);
            assert!(!parsed.is_ok_and(|u| u.is_loopback()), "{url}");
        }
        // A name in capitals is the same name.
        assert!(
            BaseUrl::parse("http://LOCALHOST:8080")
                .unwrap()
                .is_loopback()
        );
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

    #[test]
    fn a_token_url_keeps_its_path_and_normalises_its_origin() {
        let url = |input: &str| TokenUrl::parse(input).unwrap().to_string();
        assert_eq!(
            url("HTTPS://Login.Example.COM:443/OAuth2/Token"),
            "https://login.example.com/OAuth2/Token"
        );
        assert_eq!(
            url("https://login.example.com"),
            "https://login.example.com/"
        );
        assert_eq!(
            url("http://127.0.0.1:8080/a/b%2Fc/token"),
            "http://127.0.0.1:8080/a/b%2Fc/token"
        );
        assert_eq!(url("http://[::1]:9/t"), "http://[::1]:9/t");
        assert_eq!(
            url("https://h.example.com/-._~!$&'()*+,;=:@/x"),
            "https://h.example.com/-._~!$&'()*+,;=:@/x"
        );
    }

    #[test]
    fn a_token_url_follows_the_base_url_rules_and_checks_its_path() {
        for (bad, says) in [
            ("login.example.com/token", "absolute URL"),
            (
                "ftp://login.example.com/token",
                "scheme must be https or http",
            ),
            (
                "https://user:pw@login.example.com/token",
                "user name or password",
            ),
            ("https://login.example.com/token?a=1", "query"),
            ("https://login.example.com/token#x", "fragment"),
            ("https://login.example.com:0/token", "port"),
            ("https://login example.com/token", "host name"),
            ("https://login.example.com/a token", "may not contain ' '"),
            (
                "https://login.example.com/a\ttoken",
                "may not contain '\\t'",
            ),
            ("https://login.example.com/t\u{e9}", "may not contain"),
            ("https://login.example.com/a\"b", "may not contain"),
            ("https://login.example.com/a%2", "two hex digits"),
            ("https://login.example.com/a%zz", "two hex digits"),
        ] {
            let error = TokenUrl::parse(bad).expect_err(bad);
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn a_token_url_moves_the_token_request_only() {
        let base = Endpoint::new(BaseUrl::parse("http://127.0.0.1:8080").unwrap()).unwrap();
        assert!(!base.has_own_token_url());
        let moved = base
            .clone()
            .with_token_url(TokenUrl::parse("https://login.example.com/t").unwrap())
            .unwrap();
        assert_eq!(moved.base_url(), base.base_url());
        assert_eq!(moved.token_url().as_str(), "https://login.example.com/t");
        assert!(moved.has_own_token_url());
        // The default, spelled out, is no token URL of its own.
        let same = TokenUrl::parse("HTTP://127.0.0.1:8080/oauth/token").unwrap();
        assert!(
            !base
                .clone()
                .with_token_url(same)
                .unwrap()
                .has_own_token_url()
        );
        for local in [
            "http://localhost:1/t",
            "http://127.0.0.2/t",
            "http://[::1]/t",
        ] {
            let url = TokenUrl::parse(local).unwrap();
            assert!(base.clone().with_token_url(url).is_ok(), "{local}");
        }
        let far = TokenUrl::parse("http://login.example.com/x").unwrap();
        assert_eq!(
            base.with_token_url(far).unwrap_err().to_string(),
            "refusing to send the client secret in clear text to http://login.example.com/x"
        );
    }
}
