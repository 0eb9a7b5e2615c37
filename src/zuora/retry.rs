//! When to try the token request again, and how long to wait first.
//!
//! Zuora rate-limits `/oauth/token` and advises exponential backoff with
//! jitter. A wait the server asks for (`Retry-After`, else `RateLimit-Reset`)
//! is honoured; otherwise the wait is "full jitter": a random time between 0
//! and 1 s, 2 s, 4 s, ... (at most 30 s), so that parallel clients spread out.

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, SystemTime};

use ureq::http::HeaderMap;

/// The first backoff ceiling, doubled for each further retry.
const BASE: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Why an attempt may be retried, and the wait the server asked for, if any.
#[derive(Debug, Clone)]
pub(crate) struct Retry {
    pub reason: String,
    pub server_wait: Option<Duration>,
}

impl Retry {
    /// For statuses worth another try (429, 502, 503, 504); `None` for others.
    pub fn for_status(status: u16, headers: &HeaderMap) -> Option<Retry> {
        matches!(status, 429 | 502 | 503 | 504).then(|| Retry::after_status(status, headers))
    }

    /// For a status the caller decided to retry, waiting as the server asks.
    pub fn after_status(status: u16, headers: &HeaderMap) -> Retry {
        Retry {
            reason: format!("HTTP {status}"),
            server_wait: server_wait(headers, SystemTime::now()),
        }
    }

    /// For a connection that failed or broke (refused, reset, DNS hiccup).
    pub fn for_transport(reason: String) -> Retry {
        Retry {
            reason,
            server_wait: None,
        }
    }

    /// How long to wait before retry number `retry` (1 for the first).
    pub fn wait(&self, retry: u32) -> Duration {
        self.server_wait
            .unwrap_or_else(|| jitter(backoff_ceiling(retry)))
    }
}

/// `Retry-After` (seconds, or an HTTP date in any of RFC 9110's three
/// forms, read by the `httpdate` crate), else `RateLimit-Reset` (seconds).
fn server_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let header = |name: &str| headers.get(name)?.to_str().ok().map(str::trim);
    if let Some(value) = header("retry-after") {
        if let Ok(secs) = value.parse::<u64>() {
            return Some(Duration::from_secs(secs));
        }
        if let Ok(at) = httpdate::parse_http_date(value) {
            return Some(at.duration_since(now).unwrap_or_default());
        }
    }
    header("ratelimit-reset")?
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

fn backoff_ceiling(retry: u32) -> Duration {
    BASE.saturating_mul(1 << retry.saturating_sub(1).min(16))
        .min(MAX_BACKOFF)
}

/// A uniformly random duration from 0 to `ceiling`. The standard library's
/// per-process random hash keys are randomness enough for spreading retries.
fn jitter(ceiling: Duration) -> Duration {
    let random = RandomState::new().hash_one(SystemTime::now());
    let fraction = (random >> 11) as f64 / (1u64 << 53) as f64;
    ceiling.mul_f64(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_rate_limits_and_gateway_failures_are_retried() {
        for status in [429, 502, 503, 504] {
            assert!(
                Retry::for_status(status, &HeaderMap::new()).is_some(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 500, 501] {
            assert!(
                Retry::for_status(status, &HeaderMap::new()).is_none(),
                "{status}"
            );
        }
    }

    #[test]
    fn the_servers_wait_is_honoured() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_767);
        let wait = |pairs| server_wait(&headers(pairs), now);
        assert_eq!(wait(&[("retry-after", "7")]), Some(Duration::from_secs(7)));
        assert_eq!(
            wait(&[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")]),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            wait(&[("retry-after", "Sun, 06 Nov 1994 08:49:00 GMT")]),
            Some(Duration::ZERO)
        );
        assert_eq!(
            wait(&[("ratelimit-reset", "12")]),
            Some(Duration::from_secs(12))
        );
        assert_eq!(
            wait(&[("retry-after", "2"), ("ratelimit-reset", "12")]),
            Some(Duration::from_secs(2))
        );
        // RFC 9110 has a recipient accept the two obsolete forms too.
        let rfc850 = [("retry-after", "Sunday, 06-Nov-94 08:49:37 GMT")];
        let asctime = [("retry-after", "Sun Nov  6 08:49:37 1994")];
        assert_eq!(wait(&rfc850), Some(Duration::from_secs(10)));
        assert_eq!(wait(&asctime), Some(Duration::from_secs(10)));
        assert_eq!(wait(&[("retry-after", "soon")]), None);
        assert_eq!(
            wait(&[("retry-after", "Sun, 06 Nov 1994 25:49:37 GMT")]),
            None
        );
        assert_eq!(wait(&[]), None);
    }

    #[test]
    fn backoff_doubles_up_to_a_ceiling_with_full_jitter() {
        assert_eq!(backoff_ceiling(1), Duration::from_secs(1));
        assert_eq!(backoff_ceiling(2), Duration::from_secs(2));
        assert_eq!(backoff_ceiling(3), Duration::from_secs(4));
        assert_eq!(backoff_ceiling(40), MAX_BACKOFF);
        let waits: Vec<Duration> = (0..50).map(|_| jitter(Duration::from_secs(4))).collect();
        assert!(waits.iter().all(|w| *w <= Duration::from_secs(4)));
        assert!(waits.windows(2).any(|w| w[0] != w[1]), "the waits vary");
    }
}
