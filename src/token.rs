//! A bearer token as Zuora issued it, accepted only if it is well formed.
//!
//! Validation here is what makes every output format injection-safe: the
//! access token can only hold RFC 6750 `b64token` characters, so it can be
//! pasted into a header, a shell statement or a `.env` line as it is.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::endpoint::BaseUrl;

/// An access token: non-empty, RFC 6750 `b64token` characters only
/// (`A-Z a-z 0-9 - . _ ~ + /`, then `=` padding). `Debug` hides it.
///
/// ```
/// use zuora_token::AccessToken;
///
/// let token = AccessToken::parse("c652cbc0ea384b9f81856a93a2a74538").unwrap();
/// assert_eq!(format!("{token:?}"), "AccessToken(<redacted>)");
/// assert!(AccessToken::parse("EVIL'$(x)").is_none());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// The token if `text` is a valid bearer token, `None` otherwise.
    pub fn parse(text: &str) -> Option<AccessToken> {
        let body = text.trim_end_matches('=');
        let valid = !body.is_empty()
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b));
        valid.then(|| AccessToken(text.to_owned()))
    }

    /// The token's text, for an `Authorization: Bearer` header.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

/// Zuora's answer to `POST /oauth/token` (its `tokenResponse`), validated:
/// what [`Client::create_token`](crate::Client::create_token) returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenResponse {
    /// The bearer token.
    pub access_token: AccessToken,
    /// As Zuora sent it (`bearer`); only its case may differ from `bearer`.
    pub token_type: String,
    /// How long the token lives from when it was asked for: positive, and
    /// at most 24 hours (Zuora's live an hour; a longer `expires_in` is cut
    /// to 24 hours, with a warning).
    pub expires_in: Duration,
    /// Space-separated: `user.<id> entity.<uuid>... service.<name>... tenant.<id>`.
    pub scope: Option<String>,
    /// The token's unique id.
    pub jti: Option<String>,
}

/// The longest a token is believed to live: Zuora's live an hour. A longer
/// `expires_in` is cut to this (with a warning), and a cached token that
/// says it lives longer is not trusted.
pub(crate) const MAX_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// A token and what is known of it: what [`TokenSource`](crate::TokenSource)
/// hands out, from Zuora or from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub(crate) access_token: AccessToken,
    pub(crate) token_type: String,
    pub(crate) expires_at: SystemTime,
    pub(crate) obtained_at: SystemTime,
    pub(crate) scope: Option<String>,
    pub(crate) jti: Option<String>,
    pub(crate) base_url: BaseUrl,
}

impl Token {
    /// The token Zuora issued in `response` to a request sent at `sent_at`
    /// to `base_url`; its life counts from when the request was sent, so it
    /// never outlives Zuora's idea of it. Times are kept to the millisecond
    /// (rounded down), as the cache stores them, so that a token is the
    /// same fresh or cached. `None` if the expiry is past what the clock can
    /// hold.
    pub(crate) fn issued(
        response: TokenResponse,
        sent_at: SystemTime,
        base_url: &BaseUrl,
    ) -> Option<Token> {
        Some(Token {
            expires_at: whole_millis(sent_at.checked_add(response.expires_in)?),
            obtained_at: whole_millis(sent_at),
            access_token: response.access_token,
            token_type: response.token_type,
            scope: response.scope,
            jti: response.jti,
            base_url: base_url.clone(),
        })
    }

    /// The bearer token.
    pub fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    /// As Zuora sent it (`bearer`).
    pub fn token_type(&self) -> &str {
        &self.token_type
    }

    /// When the token stops working.
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }

    /// When the request for it was sent.
    pub fn obtained_at(&self) -> SystemTime {
        self.obtained_at
    }

    /// Zuora's scope string; see [`Scope`] for its parts.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// The token's unique id.
    pub fn jti(&self) -> Option<&str> {
        self.jti.as_deref()
    }

    /// The base URL of the API the token is for.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// How long the token has left at `now` (zero once expired).
    pub fn time_left(&self, now: SystemTime) -> Duration {
        self.expires_at.duration_since(now).unwrap_or_default()
    }

    /// Whole seconds of life left at `now` (0 once expired).
    pub fn seconds_left(&self, now: SystemTime) -> u64 {
        self.time_left(now).as_secs()
    }

    /// Whether the token is unexpired and has at least `min_ttl` left at
    /// `now`: the one rule for handing out a cached token, used by every
    /// command and by [`TokenSource`](crate::TokenSource).
    pub fn is_fresh(&self, min_ttl: Duration, now: SystemTime) -> bool {
        let left = self.time_left(now);
        !left.is_zero() && left >= min_ttl
    }
}

/// `time` without its fraction of a millisecond.
fn whole_millis(time: SystemTime) -> SystemTime {
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let sub_milli = Duration::from_nanos(u64::from(since_epoch.subsec_nanos() % 1_000_000));
    time - sub_milli
}

/// A scope string broken into what Zuora puts in it:
/// `user.<id> entity.<uuid>... service.<name>.<access>... tenant.<id>`.
///
/// ```
/// use zuora_token::Scope;
///
/// let scope = Scope::parse("user.7c4d entity.1a2b service.echo.read tenant.19");
/// assert_eq!(scope.tenant.as_deref(), Some("19"));
/// assert_eq!(scope.entities, ["1a2b"]);
/// ```
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// The tenant id.
    pub tenant: Option<String>,
    /// The entity ids the token is valid for.
    pub entities: Vec<String>,
    /// The id of the user the OAuth client belongs to.
    pub user: Option<String>,
    /// Services and their access, such as `echo.read`.
    pub services: Vec<String>,
    /// Anything Zuora may add that is none of the above.
    pub other: Vec<String>,
}

impl Scope {
    /// Breaks `scope` into its parts; anything unknown goes to `other`.
    pub fn parse(scope: &str) -> Scope {
        let mut parts = Scope::default();
        for item in scope.split_whitespace() {
            match item.split_once('.') {
                Some(("tenant", id)) => parts.tenant = Some(id.to_owned()),
                Some(("user", id)) => parts.user = Some(id.to_owned()),
                Some(("entity", id)) => parts.entities.push(id.to_owned()),
                Some(("service", name)) => parts.services.push(name.to_owned()),
                _ => parts.other.push(item.to_owned()),
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(lifetime: Duration) -> Token {
        let response = TokenResponse {
            access_token: AccessToken::parse("t").unwrap(),
            token_type: "bearer".into(),
            expires_in: lifetime,
            scope: None,
            jti: None,
        };
        let base = BaseUrl::parse("https://rest.zuora.com").unwrap();
        Token::issued(response, SystemTime::UNIX_EPOCH, &base).unwrap()
    }

    #[test]
    fn freshness_is_time_left_against_the_minimum() {
        let token = token(Duration::from_secs(3599));
        let at = |secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let five_minutes = Duration::from_secs(300);
        assert!(token.is_fresh(five_minutes, at(0)));
        assert!(token.is_fresh(five_minutes, at(3299)));
        assert!(!token.is_fresh(five_minutes, at(3300)));
        assert!(!token.is_fresh(Duration::ZERO, at(3600)));
        assert_eq!(token.seconds_left(at(3000)), 599);
        assert_eq!(token.seconds_left(at(9000)), 0);
    }

    #[test]
    fn times_are_kept_to_the_millisecond_as_the_cache_keeps_them() {
        let response = TokenResponse {
            access_token: AccessToken::parse("t").unwrap(),
            token_type: "bearer".into(),
            expires_in: Duration::from_nanos(1_500_000),
            scope: None,
            jti: None,
        };
        let base = BaseUrl::parse("https://rest.zuora.com").unwrap();
        let sent_at = SystemTime::UNIX_EPOCH + Duration::from_nanos(2_999_999);
        let token = Token::issued(response, sent_at, &base).unwrap();
        assert_eq!(token.obtained_at, UNIX_EPOCH + Duration::from_millis(2));
        assert_eq!(token.expires_at, UNIX_EPOCH + Duration::from_millis(4));
    }

    #[test]
    fn scope_is_broken_into_its_parts() {
        let scope = Scope::parse(
            "user.7c4d5433dc234c369a01b9719ecd059f entity.1a2b entity.c92e service.echo.read tenant.19 odd",
        );
        assert_eq!(scope.tenant.as_deref(), Some("19"));
        assert_eq!(
            scope.user.as_deref(),
            Some("7c4d5433dc234c369a01b9719ecd059f")
        );
        assert_eq!(scope.entities, ["1a2b", "c92e"]);
        assert_eq!(scope.services, ["echo.read"]);
        assert_eq!(scope.other, ["odd"]);
    }
}
