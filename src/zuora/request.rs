//! One `POST /oauth/token`, exactly as Zuora documents it, and its answer
//! turned into a token response or a failure of the right kind.

use std::time::{Instant, SystemTime};

use log::info;
use ureq::http::StatusCode;

use super::failure::{self, Context, Failed};
use super::form::form;
use super::http::{agent, wire_url};
use super::options::{GrantType, RequestOptions};
use super::response::{self, read_body};
use super::server_text;
use crate::deadline::Deadline;
use crate::error::Result;
use crate::token::TokenResponse;
use crate::zuora_headers::{EntityId, TrackId};

pub(crate) const USER_AGENT: &str = concat!("zuora-token/", env!("CARGO_PKG_VERSION"));

/// A token response and when the request for it was sent, which is when
/// the token's life starts counting.
pub(crate) struct Issued {
    pub response: TokenResponse,
    pub sent_at: SystemTime,
}

/// What every attempt of one request shares: the agent (with its TLS set-up),
/// the form and the headers.
pub(crate) struct Request<'a> {
    cx: Context<'a>,
    agent: ureq::Agent,
    form: String,
    entity_id: Option<&'a EntityId>,
    track_id: Option<&'a TrackId>,
}

impl<'a> Request<'a> {
    pub fn new(
        cx: Context<'a>,
        options: &'a RequestOptions,
        grant_type: GrantType,
        track_id: Option<&'a TrackId>,
        deadline: &Deadline,
    ) -> Result<Request<'a>> {
        // The token URL decides, not the base URL: that is where the
        // secret goes.
        let https = cx.url().is_https();
        Ok(Request {
            cx,
            agent: agent(https, options, cx.provenance, deadline)?,
            form: form(&[
                ("client_id", cx.client_id.as_str()),
                ("client_secret", cx.secret.expose()),
                ("grant_type", grant_type.as_str()),
            ]),
            entity_id: options.entity_id.as_ref(),
            track_id,
        })
    }

    /// Attempt number `attempt`, within `deadline`.
    pub fn send(&self, attempt: u32, deadline: &Deadline) -> Result<Issued, Failed> {
        let (cx, url) = (self.cx, self.cx.url().as_str());
        if deadline.has_passed() {
            return Err(Failed::fatal(failure::timed_out(cx)));
        }
        let wired = wire_url(url).map_err(|e| failure::transport(e, cx))?;
        let mut request = self
            .agent
            .post(&*wired)
            .config()
            .timeout_global(Some(deadline.remaining()))
            .build()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
        if let Some(entity) = self.entity_id {
            request = request.header("Zuora-Entity-Ids", entity.as_str());
        }
        if let Some(track) = self.track_id {
            request = request.header("Zuora-Track-Id", track.as_str());
        }

        let sent_at = SystemTime::now();
        let started = Instant::now();
        let sent = request.send(self.form.as_bytes());
        let took = started.elapsed().as_millis();
        let mut response = sent.map_err(|e| {
            info!("attempt {attempt}: POST {url} failed after {took} ms");
            failure::transport(e, cx)
        })?;
        info!(
            "attempt {attempt}: POST {url} -> {} in {took} ms{}",
            response.status(),
            server_text::header_summary(response.headers(), cx.secret)
        );
        if response.status() != StatusCode::OK {
            // The status decides; a body too large or cut short only loses the message.
            let body = read_body(&mut response).unwrap_or_default();
            return Err(failure::status(&response, &body, cx));
        }
        let body = read_body(&mut response).map_err(|e| failure::body(e, cx))?;
        let parsed = response::parse(&body)
            .map_err(|why| Failed::fatal(failure::invalid(&why, response.headers(), cx)))?;
        info!(
            "token {}, expires in {} s",
            mask(parsed.access_token.as_str()),
            parsed.expires_in.as_secs()
        );
        Ok(Issued {
            response: parsed,
            sent_at,
        })
    }
}

/// A token as `-v` shows it: enough to tell two apart, not enough to use.
fn mask(token: &str) -> String {
    let shown: String = token.chars().take(4).collect();
    format!("{shown}... ({} characters)", token.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_four_characters() {
        assert_eq!(
            mask("c652cbc0ea384b9f81856a93a2a74538"),
            "c652... (32 characters)"
        );
    }
}
