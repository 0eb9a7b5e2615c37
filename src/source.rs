//! Where a command's token comes from: the cache while its token has at least
//! the minimum TTL left, else Zuora, fetched under the entry's lock so that
//! any number of processes asking at once make one request between them.

use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::cache::{Cache, Entry, LockFile, Lookup};
use crate::cli::CacheUse;
use crate::error::Result;
use crate::settings::Settings;
use crate::token::Token;
use crate::zuora;

/// How long a waiting process first sleeps between looks at the entry;
/// the pause doubles up to `POLL_MAX`, so a long fetch costs little CPU.
const POLL_FIRST: Duration = Duration::from_millis(1);
const POLL_MAX: Duration = Duration::from_millis(50);

/// A token for `settings`, from the cache or from Zuora, as `cache` asks.
pub fn token(settings: &Settings, cache: &CacheUse) -> Result<Token> {
    let diag = &settings.diag;
    if cache.no_cache {
        diag.info("cache: not used (--no-cache)");
        return fetch(settings);
    }
    let Some(dir) = &settings.cache_dir else {
        diag.info("cache: not used (this system names no cache directory)");
        return fetch(settings);
    };
    let entry = Cache::new(dir.clone()).entry(settings);
    let asked_at = SystemTime::now();
    if cache.refresh {
        diag.info("cache: refresh (--refresh)");
    } else if let Some(token) = usable(&entry, settings) {
        return Ok(token);
    }

    let lock = match entry.lock_file() {
        Ok(lock) => lock,
        Err(e) => {
            diag.warn(format_args!(
                "cannot use the token cache in {}: {e}; the token is not cached",
                dir.display()
            ));
            return fetch(settings);
        }
    };
    // A token another process stored after this one asked, or (unless
    // refreshing) one with the minimum TTL left, is as good as a fetch.
    let handed_over =
        |t: &Token| t.obtained_at >= asked_at || (!cache.refresh && fresh(t, settings));
    if let Some(token) = wait_for_lock(&entry, &lock, settings, handed_over) {
        return Ok(token);
    }
    let token = fetch(settings)?;
    if let Err(e) = entry.store(&token, settings) {
        diag.warn(format_args!(
            "cannot write the token cache {}: {e}",
            entry.path().display()
        ));
    }
    Ok(token)
}

/// Waits until this process holds the entry's lock, or another process has
/// stored a token that `handed_over` accepts (returned). Waits at most half
/// the time left, so that a hung holder leaves time to fetch without it.
/// Checking the entry while waiting, not only after the lock, spares the
/// waiters of a burst from queueing for the lock one by one.
fn wait_for_lock(
    entry: &Entry,
    lock: &LockFile,
    settings: &Settings,
    handed_over: impl Fn(&Token) -> bool,
) -> Option<Token> {
    let diag = &settings.diag;
    let wait = settings.deadline.saturating_duration_since(Instant::now()) / 2;
    let until = Instant::now() + wait;
    let mut pause = POLL_FIRST;
    loop {
        let locked = lock.try_lock().unwrap_or_else(|e| {
            diag.warn(format_args!(
                "cannot lock the token cache: {e}; fetching without the lock"
            ));
            true
        });
        if let Lookup::Found(c) = entry.read()
            && handed_over(&c.token)
        {
            diag.info("cache: hit, fetched by another process meanwhile");
            return Some(c.token);
        }
        if locked {
            return None;
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            diag.info(format_args!(
                "cache: another process held the lock for {:.1} s; fetching without it",
                wait.as_secs_f64()
            ));
            return None;
        }
        thread::sleep(pause.min(left));
        pause = (pause * 2).min(POLL_MAX);
    }
}

/// The cached token if it has at least the minimum TTL left, saying under
/// `-v` why not otherwise.
fn usable(entry: &Entry, settings: &Settings) -> Option<Token> {
    let diag = &settings.diag;
    let path = entry.path().display();
    match entry.read() {
        Lookup::Missing => diag.info(format_args!("cache: miss, nothing cached at {path}")),
        Lookup::Invalid(why) => diag.info(format_args!(
            "cache: miss, {path} is unusable ({why}) and will be replaced"
        )),
        Lookup::Found(c) if fresh(&c.token, settings) => {
            diag.info(format_args!(
                "cache: hit, {} s left ({path})",
                c.token.seconds_left(SystemTime::now())
            ));
            return Some(c.token);
        }
        Lookup::Found(c) => diag.info(format_args!(
            "cache: miss, the cached token has {} s left, less than the minimum TTL of {} s (from {})",
            c.token.seconds_left(SystemTime::now()),
            settings.min_ttl.value.as_secs(),
            settings.min_ttl.origin
        )),
    }
    None
}

/// Whether `token` has at least the minimum TTL left.
pub fn fresh(token: &Token, settings: &Settings) -> bool {
    left(token) >= settings.min_ttl.value
}

fn left(token: &Token) -> Duration {
    token
        .expires_at
        .duration_since(SystemTime::now())
        .unwrap_or_default()
}

/// Fetches from Zuora. A token whose whole life is shorter than the minimum
/// TTL is still handed out (there is no better one to be had), with a note.
fn fetch(settings: &Settings) -> Result<Token> {
    let token = zuora::fetch(settings)?;
    if !fresh(&token, settings) {
        settings.diag.info(format_args!(
            "warning: Zuora issued a token with {} s to live, less than the minimum TTL of {} s; using it anyway",
            left(&token).as_secs(),
            settings.min_ttl.value.as_secs()
        ));
    }
    Ok(token)
}
