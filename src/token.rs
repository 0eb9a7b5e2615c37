//! A bearer token as Zuora issued it, accepted only if it is well formed.
//!
//! Validation here is what makes every output format injection-safe: the
//! access token can only hold RFC 6750 `b64token` characters, so it can be
//! pasted into a header, a shell statement or a `.env` line as it is.

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::ids::BaseUrl;

/// An access token: non-empty, RFC 6750 `b64token` characters only
/// (`A-Z a-z 0-9 - . _ ~ + /`, then `=` padding). `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    pub fn parse(text: &str) -> Option<AccessToken> {
        let body = text.trim_end_matches('=');
        let valid = !body.is_empty()
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b));
        valid.then(|| AccessToken(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

/// A token and what Zuora said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub access_token: AccessToken,
    /// As Zuora sent it (`bearer`); only its spelling may differ from `bearer`.
    pub token_type: String,
    /// When the token stops working, counted from when the request was sent.
    pub expires_at: SystemTime,
    /// When the request for it was sent.
    pub obtained_at: SystemTime,
    pub scope: Option<String>,
    pub jti: Option<String>,
    pub base_url: BaseUrl,
}

/// The longest lifetime believed: Zuora's tokens live an hour, and a value far
/// beyond that is a broken server, not a token to keep for years.
const MAX_LIFETIME: Duration = Duration::from_secs(366 * 24 * 3600);

impl Token {
    /// Validates a 200 response body. The error says what is wrong but never
    /// quotes the offending value, which could be anything a server sent.
    pub fn from_response(
        body: &[u8],
        sent_at: SystemTime,
        base_url: &BaseUrl,
    ) -> Result<Token, String> {
        let value: Value =
            serde_json::from_slice(body).map_err(|_| "the response is not JSON".to_owned())?;
        let Value::Object(fields) = value else {
            return Err("the response is not a JSON object".into());
        };
        let access_token = match fields.get("access_token") {
            None | Some(Value::Null) => return Err("the response has no access_token".into()),
            Some(Value::String(s)) => AccessToken::parse(s).ok_or(
                "the access_token is empty or holds characters a bearer token cannot have",
            )?,
            Some(_) => return Err("the access_token is not a string".into()),
        };
        let token_type = match fields.get("token_type") {
            Some(Value::String(t)) if t.eq_ignore_ascii_case("bearer") => t.clone(),
            Some(Value::String(_)) => return Err("the token_type is not \"bearer\"".into()),
            _ => return Err("the response has no token_type string".into()),
        };
        let lifetime = fields
            .get("expires_in")
            .and_then(Value::as_f64)
            .filter(|s| s.is_finite() && *s > 0.0)
            .ok_or("the expires_in is not a positive number")?;
        let expires_at = Duration::try_from_secs_f64(lifetime)
            .ok()
            .filter(|d| *d <= MAX_LIFETIME)
            .and_then(|d| sent_at.checked_add(d))
            .ok_or("the expires_in is implausibly large")?;
        Ok(Token {
            access_token,
            token_type,
            expires_at,
            obtained_at: sent_at,
            scope: optional_string(&fields, "scope")?,
            jti: optional_string(&fields, "jti")?,
            base_url: base_url.clone(),
        })
    }

    /// Whole seconds of life left at `now` (0 once expired).
    pub fn seconds_left(&self, now: SystemTime) -> u64 {
        self.expires_at
            .duration_since(now)
            .map_or(0, |d| d.as_secs())
    }
}

/// A scope string broken into what Zuora puts in it:
/// `user.<id> entity.<uuid>... service.<name>.<access>... tenant.<id>`.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    pub tenant: Option<String>,
    pub entities: Vec<String>,
    pub user: Option<String>,
    pub services: Vec<String>,
    /// Anything Zuora may add that is none of the above.
    pub other: Vec<String>,
}

impl Scope {
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

fn optional_string(fields: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("the {key} is not a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<Token, String> {
        let base = BaseUrl::parse("https://rest.zuora.com").unwrap();
        Token::from_response(body.as_bytes(), SystemTime::UNIX_EPOCH, &base)
    }

    #[test]
    fn accepts_zuoras_documented_response() {
        let token = parse(
            r#"{"access_token":"c652cbc0ea384b9f81856a93a2a74538","expires_in":3599,
            "jti":"c652cbc0ea384b9f81856a93a2a74539","scope":"user.x tenant.19","token_type":"bearer"}"#,
        )
        .unwrap();
        assert_eq!(
            token.access_token.as_str(),
            "c652cbc0ea384b9f81856a93a2a74538"
        );
        assert_eq!(
            token.expires_at,
            SystemTime::UNIX_EPOCH + Duration::from_secs(3599)
        );
        assert_eq!(token.scope.as_deref(), Some("user.x tenant.19"));
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

    #[test]
    fn accepts_fractional_lifetimes_padding_and_any_case_of_bearer() {
        let token =
            parse(r#"{"access_token":"a+b/c-d.e_f~g==","expires_in":0.5,"token_type":"Bearer"}"#)
                .unwrap();
        assert_eq!(
            token.expires_at,
            SystemTime::UNIX_EPOCH + Duration::from_millis(500)
        );
        assert_eq!(token.token_type, "Bearer");
        assert_eq!(token.jti, None);
    }

    #[test]
    fn rejects_malformed_responses_without_quoting_them() {
        let ok = r#""token_type":"bearer","expires_in":3599"#;
        for body in [
            "<html>".to_owned(),
            "[]".to_owned(),
            format!("{{{ok}}}"),
            format!(r#"{{"access_token":"",{ok}}}"#),
            format!(r#"{{"access_token":"==",{ok}}}"#),
            format!(r#"{{"access_token":"a=b",{ok}}}"#),
            format!(r#"{{"access_token":"EVIL'$(x)",{ok}}}"#),
            format!(r#"{{"access_token":"EVIL\n",{ok}}}"#),
            format!(r#"{{"access_token":7,{ok}}}"#),
            r#"{"access_token":"t","token_type":"mac","expires_in":3599}"#.to_owned(),
            r#"{"access_token":"t","expires_in":3599}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer"}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer","expires_in":0}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer","expires_in":-5}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer","expires_in":"3599"}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer","expires_in":1e300}"#.to_owned(),
            r#"{"access_token":"t","token_type":"bearer","expires_in":3599,"scope":5}"#.to_owned(),
        ] {
            let err = parse(&body).expect_err(&body);
            assert!(!err.contains("EVIL"), "{err}");
        }
    }
}
