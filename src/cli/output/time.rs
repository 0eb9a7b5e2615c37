//! Times as people and scripts read them: RFC 3339 timestamps in UTC, and
//! durations such as `59m 58s`. The RFC 3339 formatting is a few lines of
//! calendar arithmetic written out here: `httpdate` formats only HTTP dates,
//! and a date crate would cost more than these two functions.

use std::time::{SystemTime, UNIX_EPOCH};

/// `2026-11-22T19:21:41Z`. Fractions of a second are dropped (rounded down),
/// so a printed expiry is never later than the real one.
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Year, month and day of the `days`th day after 1970-01-01, by Howard
/// Hinnant's `civil_from_days` algorithm.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// `in 59m 58s`, or `expired`.
pub fn until(seconds_left: u64) -> String {
    if seconds_left == 0 {
        "expired".into()
    } else {
        format!("in {}", duration(seconds_left))
    }
}

/// `1h 2m`, `59m 58s`, `12s`.
pub fn duration(seconds: u64) -> String {
    match (seconds / 3600, seconds % 3600 / 60, seconds % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, m, _) => format!("{h}h {m}m"),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(secs: u64) -> String {
        rfc3339(UNIX_EPOCH + Duration::from_secs(secs))
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(at(1_798_761_599), "2026-12-31T23:59:59Z");
        assert_eq!(at(4_107_542_400), "2100-03-01T00:00:00Z");
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_millis(1999)),
            "1970-01-01T00:00:01Z"
        );
    }

    #[test]
    fn durations_read_naturally() {
        for (seconds, text) in [(12, "12s"), (3598, "59m 58s"), (3720, "1h 2m")] {
            assert_eq!(duration(seconds), text);
        }
        assert_eq!(until(0), "expired");
        assert_eq!(until(61), "in 1m 1s");
    }
}
