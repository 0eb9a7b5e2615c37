//! The validated values that go into the token request besides the
//! credentials: where it is sent, and its two optional headers. Each type can
//! only be built by parsing, so an invalid one never reaches the HTTP client.

use std::fmt;

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

    /// The URL of the token endpoint.
    pub fn token_url(&self) -> String {
        format!("{}/oauth/token", self.origin)
    }

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

/// A `Zuora-Entity-Ids` value: one hyphenated UUID, as Zuora requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityId(String);

impl EntityId {
    pub fn parse(input: &str) -> Result<EntityId, String> {
        let groups: Vec<&str> = input.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        let hex = groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
        if lengths == [8, 4, 4, 4, 12] && hex {
            Ok(EntityId(input.to_owned()))
        } else {
            Err("it must be a hyphenated UUID such as 11e643f4-a3ee-8bad-b061-0025904c756d".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A `Zuora-Track-Id` value: at most 64 printable US-ASCII characters, none of
/// `:` `;` `"` `'` (Zuora's rules), so it is also a valid header value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackId(String);

impl TrackId {
    pub const MAX_LEN: usize = 64;

    pub fn parse(input: &str) -> Result<TrackId, String> {
        if input.is_empty() {
            return Err("it is empty".into());
        }
        if input.len() > Self::MAX_LEN {
            return Err(format!(
                "it is {} characters long; Zuora allows at most {}",
                input.len(),
                Self::MAX_LEN
            ));
        }
        if let Some(bad) = input
            .chars()
            .find(|c| !(' '..='~').contains(c) || ":;\"'".contains(*c))
        {
            return Err(format!(
                "it holds {bad:?}; Zuora allows printable US-ASCII without : ; \" '"
            ));
        }
        if input.trim() != input {
            return Err("it starts or ends with a space".into());
        }
        Ok(TrackId(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
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
        assert_eq!(url.token_url(), "https://rest.zuora.com/oauth/token");
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
    fn entity_id_must_be_a_hyphenated_uuid() {
        assert!(EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d").is_ok());
        assert!(EntityId::parse("11E643F4-A3EE-8BAD-B061-0025904C756D").is_ok());
        for bad in [
            "",
            "11e643f4a3ee8badb0610025904c756d",
            "11e643f4-a3ee-8bad-b061-0025904c756",
            "g1e643f4-a3ee-8bad-b061-0025904c756d",
        ] {
            assert!(EntityId::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn track_id_follows_zuoras_rules() {
        assert!(TrackId::parse("deploy-42 run.7").is_ok());
        assert!(TrackId::parse(&"a".repeat(64)).is_ok());
        for bad in [
            "",
            &"a".repeat(65),
            "a:b",
            "a;b",
            "a\"b",
            "a'b",
            "a\nb",
            "é",
            " a",
        ] {
            assert!(TrackId::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
