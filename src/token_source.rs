//! Where a program's tokens come from: the cache while its token is fresh
//! enough, else Zuora, fetched under the entry's lock so that any number of
//! processes asking at once make one request between them.

use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use log::{info, warn};

use crate::cache::{Cache, CacheMode, CachePolicy, Entry, Identity, LockFile, Lookup};
use crate::credentials::Credentials;
use crate::deadline::Deadline;
use crate::error::Result;
use crate::provenance::{Input, source_of};
use crate::token::Token;
use crate::zuora::{Client, TrackId};

/// Hands out tokens for one OAuth client: from the cache while a token has
/// at least the minimum TTL left, else from Zuora, one request per token
/// lifetime however many processes of this machine ask at once.
///
/// This is what the `zuora-token` command does for `get`, `env` and `exec`.
///
/// ```no_run
/// use zuora_token::{
///     BaseUrl, CachePolicy, Client, ClientId, Credentials, Endpoint, Secret, TokenSource,
/// };
///
/// let client = Client::new(Endpoint::new(BaseUrl::parse("https://rest.eu.zuora.com")?)?);
/// let credentials = Credentials::new(
///     ClientId::new("6f1c3a0e-2b7d-4c59-9e81-3d5a7f0b2c64"),
///     Secret::new(std::env::var("ZUORA_CLIENT_SECRET")?),
/// );
/// let source = TokenSource::new(client, credentials)
///     .with_cache(CachePolicy::in_dir("/var/cache/my-app/zuora-token"));
/// // Call it before every request: it asks Zuora once an hour.
/// let token = source.token()?;
/// println!("Authorization: Bearer {}", token.access_token().as_str());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Events (cache hits and misses, each attempt, retries) go to the [`log`]
/// facade under the target `zuora_token`: `info` for the trail that
/// `zuora-token -v` prints, `warn` for a cache that cannot be used.
#[derive(Debug, Clone)]
pub struct TokenSource {
    client: Client,
    credentials: Credentials,
    track_id: Option<TrackId>,
    cache: CachePolicy,
}

impl TokenSource {
    /// Tokens for `credentials` from `client`'s endpoint, without a cache.
    pub fn new(client: Client, credentials: Credentials) -> TokenSource {
        TokenSource {
            client,
            credentials,
            track_id: None,
            cache: CachePolicy::off(),
        }
    }

    /// Uses the cache as `policy` says.
    pub fn with_cache(mut self, policy: CachePolicy) -> TokenSource {
        self.cache = policy;
        self
    }

    /// Sends `track_id` as `Zuora-Track-Id` with each request.
    pub fn with_track_id(mut self, track_id: TrackId) -> TokenSource {
        self.track_id = Some(track_id);
        self
    }

    /// The client tokens are asked from.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The credentials tokens are asked for.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// How the cache is used.
    pub fn cache_policy(&self) -> &CachePolicy {
        &self.cache
    }

    /// The `Zuora-Track-Id` sent with each request, if any.
    pub fn track_id(&self) -> Option<&TrackId> {
        self.track_id.as_ref()
    }

    /// A token with at least the minimum TTL left, from the cache or from
    /// Zuora, within [`RequestOptions::timeout`](crate::RequestOptions).
    ///
    /// When the cache has none, this process takes the entry's lock and
    /// fetches, or waits for the process that holds it and takes what that
    /// one stored. A cache that cannot be used (a read-only directory, say)
    /// is a warning, not a failure: the token is fetched and not cached.
    ///
    /// # Errors
    ///
    /// As [`Client::create_token`].
    pub fn token(&self) -> Result<Token> {
        let deadline = Deadline::after(self.client.options().timeout);
        let (dir, refresh) = match &self.cache.mode {
            CacheMode::Off => return self.fetch(&deadline),
            CacheMode::Use(dir) => (dir, false),
            CacheMode::Refresh(dir) => (dir, true),
        };
        let identity = self.identity();
        let entry = Cache::new(dir).entry(&identity);
        let asked_at = SystemTime::now();
        if !refresh && let Some(token) = self.usable(&entry) {
            return Ok(token);
        }

        let lock = match LockFile::open(&entry) {
            Ok(lock) => lock,
            Err(e) => {
                warn!(
                    "cannot use the token cache in {}: {e}; the token is not cached",
                    dir.display()
                );
                return self.fetch(&deadline);
            }
        };
        // A token another process stored after this one asked, or (unless
        // refreshing) one with the minimum TTL left, is as good as a fetch.
        let handed_over = |t: &Token| {
            t.obtained_at() >= asked_at || (!refresh && self.is_fresh(t, SystemTime::now()))
        };
        if let Some(token) = lock.wait(&entry, &deadline, handed_over) {
            return Ok(token);
        }
        let token = self.fetch(&deadline)?;
        if let Err(e) = entry.store(&token, &identity) {
            warn!(
                "cannot write the token cache {}: {e}",
                entry.path().display()
            );
        }
        Ok(token)
    }

    /// The token the cache holds for these credentials, fresh or not,
    /// without going online; `None` if there is none, or no cache.
    pub fn cached(&self) -> Option<Token> {
        match self.entry()?.read() {
            Lookup::Found(cached) => Some(cached.token),
            Lookup::Missing | Lookup::Invalid(_) => None,
        }
    }

    /// The file these credentials' token is cached in (whether there is
    /// one yet or not); `None` without a cache.
    pub fn cache_file(&self) -> Option<PathBuf> {
        self.entry().map(|entry| entry.path().to_owned())
    }

    /// Removes these credentials' cached token; `Ok(false)` if there was
    /// none, or no cache.
    ///
    /// # Errors
    ///
    /// The entry exists but cannot be removed.
    pub fn forget(&self) -> io::Result<bool> {
        self.entry().map_or(Ok(false), |entry| entry.remove())
    }

    /// Whether `token` is fresh enough under this source's policy.
    pub fn is_fresh(&self, token: &Token, now: SystemTime) -> bool {
        token.is_fresh(self.cache.min_ttl, now)
    }

    fn identity(&self) -> Identity<'_> {
        Identity {
            base_url: self.client.endpoint().base_url(),
            client_id: self.credentials.client_id(),
            entity_id: self.client.options().entity_id.as_ref(),
            secret: self.credentials.secret(),
        }
    }

    fn entry(&self) -> Option<Entry> {
        Some(Cache::new(self.cache.dir()?).entry(&self.identity()))
    }

    /// The cached token if it is fresh enough, saying why not otherwise.
    fn usable(&self, entry: &Entry) -> Option<Token> {
        let path = entry.path().display();
        let now = SystemTime::now();
        match entry.read() {
            Lookup::Missing => info!("cache: miss, nothing cached at {path}"),
            Lookup::Invalid(why) => {
                info!("cache: miss, {path} is unusable ({why}) and will be replaced")
            }
            Lookup::Found(c) if self.is_fresh(&c.token, now) => {
                info!("cache: hit, {} s left ({path})", c.token.seconds_left(now));
                return Some(c.token);
            }
            Lookup::Found(c) => info!(
                "cache: miss, the cached token has {} s left, less than the minimum TTL of {} s{}",
                c.token.seconds_left(now),
                self.cache.min_ttl.as_secs(),
                source_of(self.client.provenance(), Input::MinTtl)
            ),
        }
        None
    }

    /// Fetches from Zuora. A token whose whole life is shorter than the
    /// minimum TTL is still handed out (there is no better one to be had),
    /// with a note.
    fn fetch(&self, deadline: &Deadline) -> Result<Token> {
        let token = self
            .client
            .fetch(&self.credentials, self.track_id.as_ref(), deadline)?;
        let now = SystemTime::now();
        if !self.is_fresh(&token, now) {
            info!(
                "Zuora issued a token with {} s to live, less than the minimum TTL of {} s; using it anyway",
                token.seconds_left(now),
                self.cache.min_ttl.as_secs()
            );
        }
        Ok(token)
    }
}
