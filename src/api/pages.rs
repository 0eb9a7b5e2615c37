//! Zuora's three ways of saying there is more: a v1 list's `nextPage`
//! (the whole URL of the next page), the Object Query API's `nextPage`
//! (a cursor to send back as `?cursor=`), and a ZOQL query's
//! `queryLocator` while `done` is false (sent to `/v1/action/queryMore`).

use serde_json::{Value, json};

use super::request::{ApiRequest, ApiUrl, Method};
use super::response::ApiResponse;
use crate::error::{Error, ErrorKind, Result};

/// Where a ZOQL query's further batches are asked for.
const QUERY_MORE: &str = "/v1/action/queryMore";

impl ApiRequest {
    /// The request for the page after `response`, the answer to this
    /// request; `None` on the last page. Each next page goes to this
    /// request's origin with this request's headers (but its
    /// `Idempotency-Key`, which is this request's alone): a `nextPage`
    /// link anywhere else is refused, never followed with the token.
    ///
    /// ```no_run
    /// # use zuora_token::{ApiClient, ApiRequest, ApiUrl, Method, TokenSource};
    /// # fn pages(source: &TokenSource) -> zuora_token::Result<()> {
    /// let base = source.client().endpoint().base_url();
    /// let url = ApiUrl::resolve(base, "/object-query/accounts?pageSize=99").unwrap();
    /// let mut request = Some(ApiRequest::new(Method::get(), url));
    /// let mut api = ApiClient::new(source)?;
    /// while let Some(this) = request {
    ///     let page = api.send(&this)?;
    ///     println!("{}", String::from_utf8_lossy(page.body()));
    ///     request = this.next_page(&page)?;
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadResponse`]: the page is not JSON, its `nextPage`
    /// link is not on the base URL, or it names this very page again.
    pub fn next_page(&self, response: &ApiResponse) -> Result<Option<ApiRequest>> {
        let page: Value = serde_json::from_slice(response.body())
            .map_err(|_| bad("the page is not JSON, so its next page cannot be found"))?;
        let next = if let Some(locator) = query_locator(&page) {
            let url = ApiUrl::resolve(self.url().base(), QUERY_MORE).expect("a valid path");
            let body = serde_json::to_vec(&json!({ "queryLocator": locator }))
                .expect("a string serializes");
            self.replaced(Method::post(), url, body)
        } else if let Some(next) = page.get("nextPage").and_then(Value::as_str) {
            if next.is_empty() {
                return Ok(None);
            }
            self.to(next_url(self.url(), next)?)
        } else {
            return Ok(None);
        };
        if next == *self {
            return Err(bad(
                "Zuora's answer names the page just fetched as the next one; stopping",
            ));
        }
        Ok(Some(next))
    }
}

/// A ZOQL query's locator, while it is not `done`.
fn query_locator(page: &Value) -> Option<&str> {
    let done = page.get("done").and_then(Value::as_bool).unwrap_or(false);
    let locator = page.get("queryLocator")?.as_str()?;
    (!done && !locator.is_empty()).then_some(locator)
}

/// The URL of the page `next` names after the page at `url`: a link
/// (which must be on the same origin), or a cursor.
fn next_url(url: &ApiUrl, next: &str) -> Result<ApiUrl> {
    let is_link = next.starts_with('/') || next.contains("://");
    if !is_link {
        return Ok(url.with_query_set("cursor", next));
    }
    ApiUrl::resolve(url.base(), next)
        .map_err(|why| bad(format!("Zuora's nextPage link is not followed: {why}")))
}

fn bad(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::BadResponse, message)
}
