//! Zuora's answer to an API call, read whole (bounded) so that it can be
//! printed, paged through, or dropped for a retry.

use ureq::http::{HeaderMap, Response};

use crate::secret::Secret;
use crate::token::Token;
use crate::zuora::server_text::{header, zuora_message};

/// An answer larger than this is refused: Zuora's pages are a few hundred
/// KiB at most, and the body is held in memory to be printed whole.
pub(crate) const MAX_BODY: u64 = 64 << 20;

/// The status, headers and body of an answer from Zuora's REST API, whatever
/// its status: a 404 is an answer, not an error of the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResponse {
    status: u16,
    reason: &'static str,
    headers: HeaderMap,
    body: Vec<u8>,
    /// The token the call carried, scrubbed from whatever [`summary`]
    /// quotes: a server, or a gateway before it, may echo the request.
    ///
    /// [`summary`]: ApiResponse::summary
    token: Secret,
}

impl ApiResponse {
    /// Reads `response` whole, its body at most [`MAX_BODY`] bytes: the
    /// answer to a call that carried `token`.
    pub(crate) fn read(
        mut response: Response<ureq::Body>,
        token: &Token,
    ) -> Result<ApiResponse, ureq::Error> {
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()?;
        let status = response.status();
        Ok(ApiResponse {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or(""),
            headers: std::mem::take(response.headers_mut()),
            body,
            token: Secret::new(token.access_token().as_str()),
        })
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The status line, as `curl -i` shows it: `HTTP/1.1 200 OK`.
    pub fn status_line(&self) -> String {
        format!("HTTP/1.1 {} {}", self.status, self.reason)
            .trim_end()
            .to_owned()
    }

    /// The headers (names in lower case), in the order received, each
    /// value as text (bytes that are not UTF-8 replaced).
    pub fn headers(&self) -> impl Iterator<Item = (&str, String)> {
        self.headers.iter().map(|(name, value)| {
            (
                name.as_str(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
    }

    /// The headers, as the retry reads its wait from them.
    pub(crate) fn header_map(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// One line on a failed call: the status, Zuora's own message (from
    /// `reasons[].message`, `message` or `error`, cut short), and the
    /// `Zuora-Request-Id` to quote to Zuora's support; never the token,
    /// should the server echo it.
    ///
    /// ```
    /// # use zuora_token::ApiResponse;
    /// # fn show(response: &ApiResponse) {
    /// if !response.is_success() {
    ///     eprintln!("{}", response.summary()); // HTTP 404 Not Found: Cannot find ... (Zuora-Request-Id: ...)
    /// }
    /// # }
    /// ```
    pub fn summary(&self) -> String {
        let mut line = format!("HTTP {} {}", self.status, self.reason)
            .trim_end()
            .to_owned();
        if let Some(message) = zuora_message(&self.body, &self.token) {
            line.push_str(": ");
            line.push_str(&message);
        }
        if let Some(id) = header(&self.headers, "zuora-request-id", &self.token) {
            line.push_str(&format!(" (Zuora-Request-Id: {id})"));
        }
        line
    }
}
