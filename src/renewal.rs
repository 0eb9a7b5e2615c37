//! When a process that keeps a token fresh (the `agent` command) asks for
//! the next one: a lead before expiry, and a backoff between failed
//! attempts that never waits past the current token's expiry.

use std::time::{Duration, SystemTime};

use crate::token::Token;

/// The longest default lead: Zuora's guide refreshes a token 5 minutes
/// before it expires.
const MAX_DEFAULT_LEAD: Duration = Duration::from_secs(300);

/// The first wait after a failed attempt (shorter for short-lived tokens),
/// doubled after each further one up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MIN_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The least time between two attempts of one agent: a token is not due
/// sooner after it was obtained, nor a retry sooner after a failure. Zuora's
/// tokens live an hour, but a server that says a token lives a
/// millisecond (`expires_in` of 0.001), or fails at once each time, would
/// otherwise be asked again as fast as it answers, far past Zuora's limit
/// of 100 requests a minute from one address.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// How long before a token's expiry a new one is asked for.
///
/// ```
/// use std::time::Duration;
/// use zuora_token::renewal::Renewal;
///
/// let hour = Duration::from_secs(3600);
/// assert_eq!(Renewal::default().lead_for(hour), Duration::from_secs(300));
/// assert_eq!(Renewal::default().lead_for(Duration::from_secs(60)), Duration::from_secs(12));
/// let asked = Renewal::before(Duration::from_secs(600));
/// assert_eq!(asked.lead_for(hour), Duration::from_secs(600));
/// // Never more than half the lifetime: a token must get some use.
/// assert_eq!(asked.lead_for(Duration::from_secs(60)), Duration::from_secs(30));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Renewal {
    /// The lead asked for; `None` for the default.
    before: Option<Duration>,
}

impl Renewal {
    /// Renew when less than `lead` is left (at most half a token's life).
    pub fn before(lead: Duration) -> Renewal {
        Renewal { before: Some(lead) }
    }

    /// The lead for a token that lives `lifetime`: the one asked for, or 5
    /// minutes or a fifth of the lifetime, whichever is less; never more
    /// than half the lifetime, so that renewing one token is not at once
    /// due again for the next.
    pub fn lead_for(&self, lifetime: Duration) -> Duration {
        let lead = self
            .before
            .unwrap_or_else(|| MAX_DEFAULT_LEAD.min(lifetime / 5));
        lead.min(lifetime / 2)
    }

    /// The lead for `token`, from the life it was issued with.
    pub fn lead(&self, token: &Token) -> Duration {
        let lifetime = token
            .expires_at()
            .duration_since(token.obtained_at())
            .unwrap_or_default();
        self.lead_for(lifetime)
    }

    /// When a new token is due in place of `token`: its lead before it
    /// expires, but not sooner than [`MIN_INTERVAL`] after it was obtained
    /// (past its expiry, for a token that lives less).
    pub fn due(&self, token: &Token) -> SystemTime {
        let obtained = token.obtained_at();
        let before_expiry = token
            .expires_at()
            .checked_sub(self.lead(token))
            .unwrap_or(obtained);
        before_expiry.max(obtained.checked_add(MIN_INTERVAL).unwrap_or(obtained))
    }

    /// Whether a new token is due in place of `token` at `now`: less than
    /// its lead is left, and it was obtained [`MIN_INTERVAL`] ago or more.
    pub fn is_due(&self, token: &Token, now: SystemTime) -> bool {
        !token.is_fresh(self.lead(token), now) && now >= self.due(token)
    }

    /// When to try again after `failures` failed attempts (1 or more) to
    /// replace `token`, the last of which ended at `now`: after
    /// [`Renewal::backoff`], but by the time `token` expires, for one more
    /// try while it lives; never sooner than [`MIN_INTERVAL`] from `now`.
    pub fn retry_at(&self, token: &Token, failures: u32, now: SystemTime) -> SystemTime {
        let wait = self.backoff(self.lead(token), failures);
        let backed_off = now.checked_add(wait).unwrap_or(now);
        let soonest = now.checked_add(MIN_INTERVAL).unwrap_or(now);
        backed_off.min(token.expires_at()).max(soonest)
    }

    /// The wait before the attempt that follows `failures` failed ones
    /// (1 or more), for a token whose lead is `lead`: from a quarter of the
    /// lead (between 100 ms and 1 s), doubling, at most a minute.
    pub fn backoff(&self, lead: Duration, failures: u32) -> Duration {
        let first = (lead / 4).clamp(MIN_BACKOFF, FIRST_BACKOFF);
        let doublings = failures.saturating_sub(1).min(16);
        first.saturating_mul(1 << doublings).min(MAX_BACKOFF)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_lead_is_five_minutes_or_a_fifth_of_the_life() {
        let renewal = Renewal::default();
        assert_eq!(
            renewal.lead_for(Duration::from_secs(3599)),
            Duration::from_secs(300)
        );
        assert_eq!(
            renewal.lead_for(Duration::from_secs(1000)),
            Duration::from_secs(200)
        );
        assert_eq!(renewal.lead_for(Duration::ZERO), Duration::ZERO);
        assert_eq!(
            Renewal::before(Duration::MAX).lead_for(Duration::from_secs(10)),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn backoff_doubles_from_a_quarter_of_the_lead_up_to_a_minute() {
        let renewal = Renewal::default();
        let lead = Duration::from_secs(300);
        assert_eq!(renewal.backoff(lead, 1), Duration::from_secs(1));
        assert_eq!(renewal.backoff(lead, 2), Duration::from_secs(2));
        assert_eq!(renewal.backoff(lead, 7), Duration::from_secs(60));
        assert_eq!(renewal.backoff(lead, u32::MAX), Duration::from_secs(60));
        let short = Duration::from_millis(200);
        assert_eq!(renewal.backoff(short, 1), Duration::from_millis(100));
        assert_eq!(renewal.backoff(short, 3), Duration::from_millis(400));
    }

    /// A token issued at the epoch that lives `lifetime`.
    fn token(lifetime: Duration) -> Token {
        let response = crate::token::TokenResponse {
            access_token: crate::token::AccessToken::parse("t").unwrap(),
            token_type: "bearer".into(),
            expires_in: lifetime,
            scope: None,
            jti: None,
        };
        let base = crate::BaseUrl::parse("https://rest.zuora.com").unwrap();
        Token::issued(response, SystemTime::UNIX_EPOCH, &base).unwrap()
    }

    #[test]
    fn a_token_that_lives_a_millisecond_is_not_renewed_within_a_second() {
        let renewal = Renewal::default();
        let at = |millis| SystemTime::UNIX_EPOCH + Duration::from_millis(millis);
        let brief = token(Duration::from_millis(1));
        assert_eq!(renewal.due(&brief), at(1000));
        assert!(!renewal.is_due(&brief, at(999)));
        assert!(renewal.is_due(&brief, at(1000)));
        // An hour's token is due its lead before it expires, as ever.
        let hour = token(Duration::from_secs(3600));
        assert_eq!(renewal.due(&hour), at(3_300_000));
        assert!(!renewal.is_due(&hour, at(3_300_000)));
        assert!(renewal.is_due(&hour, at(3_300_001)));
    }

    #[test]
    fn a_retry_waits_a_second_at_least_even_for_a_token_about_to_expire() {
        let renewal = Renewal::default();
        let at = |millis| SystemTime::UNIX_EPOCH + Duration::from_millis(millis);
        let short = token(Duration::from_millis(1200));
        assert_eq!(renewal.retry_at(&short, 1, at(1000)), at(2000));
        let hour = token(Duration::from_secs(3600));
        assert_eq!(renewal.retry_at(&hour, 1, at(3_300_000)), at(3_301_000));
        assert_eq!(renewal.retry_at(&hour, 9, at(3_599_000)), at(3_600_000));
        assert_eq!(renewal.retry_at(&hour, 9, at(3_599_500)), at(3_600_500));
    }
}
