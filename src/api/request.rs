//! A call to Zuora's REST API, built valid: a method, a URL on the base
//! URL's origin and nowhere else, the caller's own headers (never an
//! `Authorization`, which is the token's), and a body held in memory so
//! that it can be sent again after a 401 or a 429.

use std::fmt;

use crate::endpoint::{BaseUrl, is_path_char, percent_escapes_are_complete, split_url};
use crate::zuora::form::encode;

/// A URL on the base URL's origin: the only place a call made with the
/// token may go. Built from a path (`/v1/accounts/A-1`, or `v1/...`) or a
/// whole URL whose scheme, host and port are exactly the base URL's (as
/// Zuora's own `nextPage` links are); anything else is refused.
///
/// ```
/// use zuora_token::{ApiUrl, BaseUrl};
///
/// let base = BaseUrl::parse("https://rest.zuora.com")?;
/// let url = ApiUrl::resolve(&base, "/v1/accounts/A-1?fields=id")?;
/// assert_eq!(url.as_str(), "https://rest.zuora.com/v1/accounts/A-1?fields=id");
/// assert!(ApiUrl::resolve(&base, "https://REST.zuora.com:443/v1/x").is_ok());
/// assert!(ApiUrl::resolve(&base, "https://evil.example/v1/x").is_err());
/// assert!(ApiUrl::resolve(&base, "http://rest.zuora.com/v1/x").is_err());
/// assert!(ApiUrl::resolve(&base, "//evil.example/v1").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiUrl {
    base: BaseUrl,
    /// From the first `/`: the path, and the query if there is one.
    path_and_query: String,
}

impl ApiUrl {
    /// `target` on `base`: a path, or a whole URL on exactly `base`'s
    /// origin. The path and query are held to the characters RFC 3986
    /// allows (percent-escapes included), so the request goes out as
    /// written; a fragment is refused. The error says what is wrong.
    pub fn resolve(base: &BaseUrl, target: &str) -> Result<ApiUrl, String> {
        if target.contains('#') {
            return Err("it must not have a fragment (#)".into());
        }
        let (before_query, query) = match target.split_once('?') {
            Some((before, query)) => (before, Some(query)),
            None => (target, None),
        };
        // A URL before the query; one in it (`?url=https://...`) is data.
        let path_and_query = if before_query.contains("://") {
            let (origin, path) = split_url(before_query)?;
            if origin != *base {
                return Err(format!(
                    "it is not on the base URL {base}: the request carries the token, which \
                     goes to Zuora's API and nowhere else"
                ));
            }
            let path = if path.is_empty() { "/" } else { path };
            match query {
                Some(query) => format!("{path}?{query}"),
                None => path.to_owned(),
            }
        } else if target.starts_with("//") || target.starts_with('\\') {
            return Err("a path must start with a single /".into());
        } else if target.starts_with('/') {
            target.to_owned()
        } else {
            format!("/{target}")
        };
        if let Some(bad) = path_and_query
            .chars()
            .find(|c| !(is_path_char(*c) || *c == '?'))
        {
            return Err(format!("it may not contain {bad:?}; percent-encode it"));
        }
        if !percent_escapes_are_complete(&path_and_query) {
            return Err("it has a % not followed by two hex digits".into());
        }
        Ok(ApiUrl {
            base: base.clone(),
            path_and_query,
        })
    }

    /// The base URL it is on.
    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        let end = self.path_and_query.find('?');
        &self.path_and_query[..end.unwrap_or(self.path_and_query.len())]
    }

    /// The whole URL.
    pub fn as_str(&self) -> String {
        format!("{}{}", self.base, self.path_and_query)
    }

    /// This URL with `pairs` added to its query, each name and value
    /// percent-encoded.
    pub fn with_query<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ApiUrl {
        for (name, value) in pairs {
            let separator = match self.path_and_query.contains('?') {
                true => '&',
                false => '?',
            };
            let pair = format!("{separator}{}={}", encode(name), encode(value));
            self.path_and_query.push_str(&pair);
        }
        self
    }

    /// This URL with its query's `name` set to `value` alone (the Object
    /// Query API's `cursor`).
    pub fn with_query_set(&self, name: &str, value: &str) -> ApiUrl {
        let path = self.path().to_owned();
        let kept: Vec<&str> = self.path_and_query[path.len()..]
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name))
            .collect();
        let path_and_query = match kept.is_empty() {
            true => path,
            false => format!("{path}?{}", kept.join("&")),
        };
        ApiUrl {
            base: self.base.clone(),
            path_and_query,
        }
        .with_query([(name, value)])
    }
}

impl fmt::Display for ApiUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.base, self.path_and_query)
    }
}

/// An HTTP method: `GET`, `POST`, ... in upper case, as Zuora's API takes
/// them.
///
/// ```
/// use zuora_token::Method;
///
/// assert_eq!(Method::parse("post")?.as_str(), "POST");
/// assert!(Method::parse("GET")?.is_idempotent());
/// assert!(!Method::parse("POST")?.is_idempotent());
/// assert!(Method::parse("GET /x").is_err());
/// assert!(Method::parse("trace").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method(String);

impl Method {
    /// `GET`.
    pub fn get() -> Method {
        Method("GET".into())
    }

    /// `POST`.
    pub fn post() -> Method {
        Method("POST".into())
    }

    /// Parses a method name (any case) of 1 to 16 ASCII letters, but for
    /// two that are no call to an API: `CONNECT` asks for a tunnel (the
    /// path is dropped, the token sent all the same), and `TRACE` asks
    /// the server to echo the request, token included, into the answer.
    pub fn parse(input: &str) -> Result<Method, String> {
        let letters = input.bytes().all(|b| b.is_ascii_alphabetic());
        if !(letters && (1..=16).contains(&input.len())) {
            return Err("an HTTP method is a word of letters, such as GET or POST".into());
        }
        let method = input.to_ascii_uppercase();
        match method.as_str() {
            "CONNECT" | "TRACE" => Err(format!(
                "{method} is not a call to Zuora's API, and would show or tunnel the token"
            )),
            _ => Ok(Method(method)),
        }
    }

    /// The method's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether sending it twice does what sending it once does (RFC 9110):
    /// such a request may be retried after a server error.
    pub fn is_idempotent(&self) -> bool {
        matches!(
            self.0.as_str(),
            "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS"
        )
    }
}

/// Headers a caller may not set: `Authorization` is the token's, and the
/// others decide how the message is framed or routed, which is ours.
const RESERVED_HEADERS: [&str; 8] = [
    "authorization",
    "proxy-authorization",
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "te",
    "upgrade",
];

/// One call to Zuora's REST API, without its token: the method, the URL,
/// the caller's headers and the body. [`ApiClient::send`](crate::ApiClient)
/// adds the token's headers.
///
/// ```
/// use zuora_token::{ApiRequest, ApiUrl, BaseUrl, Method};
///
/// let base = BaseUrl::parse("https://rest.zuora.com")?;
/// let request = ApiRequest::new(Method::post(), ApiUrl::resolve(&base, "/v1/accounts")?)
///     .with_header("Idempotency-Key", "run-42")?
///     .with_json_body(br#"{"name":"Demo"}"#.to_vec());
/// assert!(request.may_repeat());
/// assert!(request.clone().with_header("authorization", "Bearer x").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    method: Method,
    url: ApiUrl,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

impl ApiRequest {
    /// A request without headers or body.
    pub fn new(method: Method, url: ApiUrl) -> ApiRequest {
        ApiRequest {
            method,
            url,
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds a header (one of the same name given before is replaced, and
    /// so is a configured Zuora header of that name). The error says why
    /// it is refused: a name that is not an HTTP token, a value with a
    /// control character, or a name that is the token's (`Authorization`)
    /// or the connection's (`Host`, `Content-Length`, ...).
    pub fn with_header(mut self, name: &str, value: &str) -> Result<ApiRequest, String> {
        let token_char = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if name.is_empty() || name.len() > 64 || !name.bytes().all(token_char) {
            return Err(format!("{name:?} is not a header name"));
        }
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            return Err(format!(
                "{name} is not a header a call may set: zuora-token sends it itself"
            ));
        }
        let value = value.trim_matches([' ', '\t']);
        if value.len() > 8192 || value.bytes().any(|b| b.is_ascii_control() && b != b'\t') {
            return Err(format!(
                "the value of {name} must be at most 8192 bytes without control characters"
            ));
        }
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
        Ok(self)
    }

    /// Sends `body` as JSON (`Content-Type: application/json`, unless a
    /// header given says otherwise).
    pub fn with_json_body(mut self, body: Vec<u8>) -> ApiRequest {
        self.body = Some(body);
        self
    }

    /// The method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// Where it goes.
    pub fn url(&self) -> &ApiUrl {
        &self.url
    }

    /// The caller's headers, in order.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The body, if any.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// The value of the caller's header `name` (any case), if given.
    pub fn header(&self, name: &str) -> Option<&str> {
        let (_, value) = self
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))?;
        Some(value)
    }

    /// Whether sending it again after a server error is safe: an
    /// idempotent method, or one with an `Idempotency-Key`, which Zuora
    /// honours by answering a repeat as it answered the first.
    pub fn may_repeat(&self) -> bool {
        self.method.is_idempotent() || self.header("Idempotency-Key").is_some()
    }

    /// The same request to another URL (the next page).
    pub(crate) fn to(&self, url: ApiUrl) -> ApiRequest {
        ApiRequest {
            url,
            headers: self.headers_for_another(),
            ..self.clone()
        }
    }

    /// The same request's headers, to another URL with another method and
    /// body (`queryMore`).
    pub(crate) fn replaced(&self, method: Method, url: ApiUrl, body: Vec<u8>) -> ApiRequest {
        ApiRequest {
            method,
            url,
            headers: self.headers_for_another(),
            body: Some(body),
        }
    }

    /// The caller's headers for another request (a next page), but for an
    /// `Idempotency-Key`: it names this request, and Zuora answers another
    /// sent with it as it answered this one (or with 422, for another URL).
    fn headers_for_another(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .filter(|(name, _)| !name.eq_ignore_ascii_case("idempotency-key"))
            .cloned()
            .collect()
    }
}

/// Shows the method, URL and header names; not the values, which may be
/// anything the caller sent.
impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("ApiRequest")
            .field("method", &self.method.as_str())
            .field("url", &self.url.as_str())
            .field("headers", &names)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> BaseUrl {
        BaseUrl::parse("https://rest.zuora.com").unwrap()
    }

    #[test]
    fn only_the_base_urls_origin_is_reached() {
        let ok = |t: &str| ApiUrl::resolve(&base(), t).map(|u| u.as_str());
        assert_eq!(ok("/v1/x").unwrap(), "https://rest.zuora.com/v1/x");
        assert_eq!(ok("v1/x").unwrap(), "https://rest.zuora.com/v1/x");
        assert_eq!(
            ok("https://rest.zuora.com").unwrap(),
            "https://rest.zuora.com/"
        );
        assert_eq!(
            ok("HTTPS://Rest.Zuora.com:443/v1/x?page=2&pageSize=20").unwrap(),
            "https://rest.zuora.com/v1/x?page=2&pageSize=20"
        );
        for bad in [
            "https://evil.example/v1",
            "https://rest.zuora.com.evil.example/v1",
            "https://rest.zuora.com:8443/v1",
            "http://rest.zuora.com/v1",
            "https://user@rest.zuora.com/v1",
            "https://rest.zuora.com@evil.example/v1",
            "ftp://rest.zuora.com/v1",
            "//evil.example/v1",
            "\\\\evil.example/v1",
            "/v1/x#frag",
            "/v1/a b",
            "/v1/x\r\nHost: evil",
            "/v1/%zz",
            "/v1/é",
        ] {
            assert!(ok(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_url_in_the_query_leaves_the_path_a_path() {
        let url = ApiUrl::resolve(&base(), "/v1/x?url=https://evil.example/a").unwrap();
        assert_eq!(
            url.as_str(),
            "https://rest.zuora.com/v1/x?url=https://evil.example/a"
        );
        let url = ApiUrl::resolve(&base(), "https://rest.zuora.com/v1?u=http://e").unwrap();
        assert_eq!(url.as_str(), "https://rest.zuora.com/v1?u=http://e");
        for bad in [
            "//evil.example?x=http://y",
            "https://evil.example?u=https://rest.zuora.com",
        ] {
            assert!(ApiUrl::resolve(&base(), bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn queries_are_added_encoded_and_a_cursor_replaced() {
        let url = ApiUrl::resolve(&base(), "/object-query/accounts?pageSize=2").unwrap();
        let url = url.with_query([("filter[]", "name.EQ:A&B")]);
        assert_eq!(
            url.to_string(),
            "https://rest.zuora.com/object-query/accounts?pageSize=2&filter%5B%5D=name.EQ%3AA%26B"
        );
        let next = url
            .with_query_set("cursor", "abc==")
            .with_query_set("cursor", "d=");
        assert_eq!(
            next.to_string(),
            "https://rest.zuora.com/object-query/accounts?pageSize=2&filter%5B%5D=name.EQ%3AA%26B&cursor=d%3D"
        );
        assert_eq!(next.path(), "/object-query/accounts");
    }

    #[test]
    fn the_token_and_the_framing_headers_are_not_the_callers() {
        let request = ApiRequest::new(Method::get(), ApiUrl::resolve(&base(), "/v1").unwrap());
        for name in [
            "Authorization",
            "AUTHORIZATION",
            "Host",
            "Content-Length",
            "Connection",
        ] {
            assert!(request.clone().with_header(name, "x").is_err(), "{name}");
        }
        for (name, value) in [("X Y", "1"), ("", "1"), ("X-A", "a\r\nb"), ("X-A", "a\nb")] {
            assert!(
                request.clone().with_header(name, value).is_err(),
                "{name:?}"
            );
        }
        let request = request
            .with_header("X-A", "1")
            .unwrap()
            .with_header("x-a", " 2 ")
            .unwrap();
        assert_eq!(request.headers(), [("x-a".to_owned(), "2".to_owned())]);
    }

    #[test]
    fn a_request_may_repeat_when_idempotent_or_keyed() {
        let url = ApiUrl::resolve(&base(), "/v1/accounts").unwrap();
        assert!(ApiRequest::new(Method::get(), url.clone()).may_repeat());
        assert!(ApiRequest::new(Method::parse("put").unwrap(), url.clone()).may_repeat());
        let post = ApiRequest::new(Method::post(), url);
        assert!(!post.may_repeat());
        assert!(
            post.with_header("idempotency-key", "k")
                .unwrap()
                .may_repeat()
        );
    }
}
