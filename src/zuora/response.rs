//! Zuora's answer to a token request, read with a size cap and validated
//! before anything of it is used.

use std::time::Duration;

use serde_json::{Map, Value};
use ureq::http::Response;

use log::warn;

use crate::token::{AccessToken, MAX_LIFETIME, TokenResponse};

/// A token response is a few hundred bytes; anything past this is refused
/// without being read, so a hostile or broken server cannot fill memory.
pub(crate) const MAX_BODY: u64 = 1 << 20;

/// The body, up to [`MAX_BODY`].
pub(crate) fn read_body(response: &mut Response<ureq::Body>) -> Result<Vec<u8>, ureq::Error> {
    response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
}

/// Validates a 200 response body. The error says what is wrong but never
/// quotes the offending value, which could be anything a server sent.
pub(crate) fn parse(body: &[u8]) -> Result<TokenResponse, String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|_| "the response is not JSON".to_owned())?;
    let Value::Object(fields) = value else {
        return Err("the response is not a JSON object".into());
    };
    let access_token = match fields.get("access_token") {
        None | Some(Value::Null) => return Err("the response has no access_token".into()),
        Some(Value::String(s)) => AccessToken::parse(s)
            .ok_or("the access_token is empty or holds characters a bearer token cannot have")?,
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
    let expires_in =
        Duration::try_from_secs_f64(lifetime).map_err(|_| "the expires_in is implausibly large")?;
    if expires_in > MAX_LIFETIME {
        warn!(
            "Zuora's token says it lives {} s; it is believed (and cached) for at most {} s",
            expires_in.as_secs(),
            MAX_LIFETIME.as_secs()
        );
    }
    Ok(TokenResponse {
        access_token,
        token_type,
        expires_in: expires_in.min(MAX_LIFETIME),
        scope: optional_string(&fields, "scope")?,
        jti: optional_string(&fields, "jti")?,
    })
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

    fn parse_str(body: &str) -> Result<TokenResponse, String> {
        parse(body.as_bytes())
    }

    #[test]
    fn accepts_zuoras_documented_response() {
        let response = parse_str(
            r#"{"access_token":"c652cbc0ea384b9f81856a93a2a74538","expires_in":3599,
            "jti":"c652cbc0ea384b9f81856a93a2a74539","scope":"user.x tenant.19","token_type":"bearer"}"#,
        )
        .unwrap();
        assert_eq!(
            response.access_token.as_str(),
            "c652cbc0ea384b9f81856a93a2a74538"
        );
        assert_eq!(response.expires_in, Duration::from_secs(3599));
        assert_eq!(response.scope.as_deref(), Some("user.x tenant.19"));
        assert_eq!(
            response.jti.as_deref(),
            Some("c652cbc0ea384b9f81856a93a2a74539")
        );
    }

    #[test]
    fn accepts_fractional_lifetimes_padding_and_any_case_of_bearer() {
        let response = parse_str(
            r#"{"access_token":"a+b/c-d.e_f~g==","expires_in":0.5,"token_type":"Bearer"}"#,
        )
        .unwrap();
        assert_eq!(response.expires_in, Duration::from_millis(500));
        assert_eq!(response.token_type, "Bearer");
        assert_eq!(response.jti, None);
    }

    #[test]
    fn a_lifetime_past_a_day_is_cut_to_a_day() {
        let year = parse_str(r#"{"access_token":"t","token_type":"bearer","expires_in":31622400}"#);
        assert_eq!(year.unwrap().expires_in, MAX_LIFETIME);
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
            let err = parse_str(&body).expect_err(&body);
            assert!(!err.contains("EVIL"), "{err}");
        }
    }
}
