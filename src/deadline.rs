//! The one deadline a token request works within: every attempt, every wait
//! between attempts, and the wait for another process's fetch.

use std::time::{Duration, Instant};

/// A point in time to be done by, and the timeout it came from (for
/// messages).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    at: Instant,
    timeout: Duration,
}

/// Further than any caller waits: a timeout too long for the clock to add
/// is cut to this.
const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

impl Deadline {
    /// `timeout` from now.
    pub fn after(timeout: Duration) -> Deadline {
        let now = Instant::now();
        let at = now.checked_add(timeout).unwrap_or_else(|| now + FOREVER);
        Deadline { at, timeout }
    }

    /// The time left (zero once passed).
    pub fn remaining(&self) -> Duration {
        self.at.saturating_duration_since(Instant::now())
    }

    pub fn has_passed(&self) -> bool {
        self.remaining().is_zero()
    }

    /// Whether waiting `wait` from now would pass it.
    pub fn would_pass(&self, wait: Duration) -> bool {
        wait >= self.remaining()
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The deadline as an instant.
    pub fn instant(&self) -> Instant {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enormous_timeout_saturates_instead_of_overflowing() {
        let deadline = Deadline::after(Duration::MAX);
        assert!(deadline.remaining() > Duration::from_secs(365 * 24 * 3600));
        assert_eq!(deadline.timeout(), Duration::MAX);
    }

    #[test]
    fn a_wait_past_the_deadline_is_recognised() {
        let deadline = Deadline::after(Duration::from_secs(5));
        assert!(!deadline.has_passed());
        assert!(!deadline.would_pass(Duration::from_secs(1)));
        assert!(deadline.would_pass(Duration::from_secs(60)));
        assert!(Deadline::after(Duration::ZERO).has_passed());
    }
}
