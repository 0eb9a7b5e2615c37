//! Where a program's tokens come from: the cache while its token is fresh
//! enough, else Zuora, fetched under the entry's lock so that any number of
//! processes asking at once make one request between them.

use std::io;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use log::{info, warn};

use crate::api_headers::ApiHeaders;
use crate::cache::{
    Cache, CacheMode, CachePolicy, Dir, Entry, Failure, Identity, LockFile, Lookup, Waited,
};
use crate::credentials::Credentials;
use crate::deadline::Deadline;
use crate::error::{Error, Result};
use crate::provenance::{Input, source_of};
use crate::secret::Secret;
use crate::token::Token;
use crate::zuora::Client;
use crate::zuora_headers::{OrgIds, TrackId, ZuoraVersion};

mod replace;

/// What a caller found in the cache when it first looked: an outcome stored
/// after that (a token or a failure that differs from these) was stored
/// while it waited, by the process it waited for. Comparing what is there
/// rather than clocks matters: an outcome's time is taken before it is
/// written and flushed, so a caller can ask after that time and still not
/// find it there yet.
struct FirstLook {
    token: Option<SystemTime>,
    failure: Option<SystemTime>,
}

impl FirstLook {
    /// When the token `found` was stored, if one was.
    fn stored_at(found: &Lookup) -> Option<SystemTime> {
        match found {
            Lookup::Found(cached) => Some(cached.stored_at),
            _ => None,
        }
    }
}

/// A rejection of these credentials stored less than
/// [`TokenSource::REJECTION_MEMORY`] ago, to report without asking again.
fn remembered_rejection(failure: Failure) -> Option<Error> {
    let Failure { error, stored_at } = failure;
    let age = SystemTime::now()
        .duration_since(stored_at)
        .unwrap_or_default();
    if !error.is_rejection() || age >= TokenSource::REJECTION_MEMORY {
        return None;
    }
    info!(
        "cache: Zuora rejected these credentials {:.1} s ago; not asking again within {} s (--refresh does)",
        age.as_secs_f64(),
        TokenSource::REJECTION_MEMORY.as_secs()
    );
    Some(error)
}

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
    org_ids: Option<OrgIds>,
    zuora_version: Option<ZuoraVersion>,
    cache: CachePolicy,
}

impl TokenSource {
    /// How long a rejection of the credentials (401, `invalid_client`) is
    /// remembered: callers that ask within it get the same error without a
    /// request, so a burst of jobs with a wrong secret costs Zuora one
    /// request (failed requests count against its rate limit too). Short,
    /// so that a corrected secret is tried at once; `--refresh` skips it.
    pub const REJECTION_MEMORY: Duration = Duration::from_secs(5);

    /// How long a token fetched in place of a refused one is not itself
    /// replaced (see [`TokenSource::replace`]): a call that Zuora refuses
    /// whatever the token costs at most one token request in this time.
    pub const REPLACEMENT_MEMORY: Duration = Duration::from_secs(60);

    /// Tokens for `credentials` from `client`'s endpoint, without a cache.
    pub fn new(client: Client, credentials: Credentials) -> TokenSource {
        TokenSource {
            client,
            credentials,
            track_id: None,
            org_ids: None,
            zuora_version: None,
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

    /// Sends `org_ids` as `Zuora-Org-Ids` with each API call (see
    /// [`TokenSource::api_headers`]); the token request does not carry it,
    /// so it is not part of the cache identity.
    pub fn with_org_ids(mut self, org_ids: OrgIds) -> TokenSource {
        self.org_ids = Some(org_ids);
        self
    }

    /// Sends `version` as `Zuora-Version` with each API call (see
    /// [`TokenSource::api_headers`]); like the org ids, not sent with the
    /// token request.
    pub fn with_zuora_version(mut self, version: ZuoraVersion) -> TokenSource {
        self.zuora_version = Some(version);
        self
    }

    /// The headers of a call to Zuora's REST API with `token`: the
    /// `Authorization` header, and the entity id, org ids, track id and
    /// API version this source is configured with.
    ///
    /// ```
    /// # use zuora_token::{BaseUrl, Client, ClientId, Credentials, Endpoint, OrgIds, Secret, TokenSource};
    /// # let client = Client::new(Endpoint::new(BaseUrl::parse("https://rest.zuora.com")?)?);
    /// # let credentials = Credentials::new(ClientId::new("id"), Secret::new("secret"));
    /// let source = TokenSource::new(client, credentials).with_org_ids(OrgIds::parse("org-1")?);
    /// # let _ = || -> zuora_token::Result<()> {
    /// let token = source.token()?;
    /// for (name, value) in source.api_headers(&token).iter() {
    ///     println!("{name}: {value}");
    /// }
    /// # Ok(()) };
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn api_headers(&self, token: &Token) -> ApiHeaders {
        ApiHeaders::new(token.access_token().clone())
            .with_entity_id(self.client.options().entity_id.clone())
            .with_org_ids(self.org_ids.clone())
            .with_track_id(self.track_id.clone())
            .with_zuora_version(self.zuora_version.clone())
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
    /// asks Zuora, or waits for the process that holds it and takes its
    /// outcome, whatever it is: the token it fetched (even one that lives
    /// less than the minimum TTL), or its failure (the same error: a
    /// rejection, a rate limit after every retry, an unreachable server).
    /// Any number of processes asking at once make one request between
    /// them. A rejection of the credentials is also remembered for
    /// [`TokenSource::REJECTION_MEMORY`], so that callers that come just
    /// after it do not ask again (unless refreshing).
    ///
    /// A cache that cannot be used (a read-only directory, one that others
    /// can write to) is a warning, not a failure: the token is fetched and
    /// not cached.
    ///
    /// # Errors
    ///
    /// As [`Client::create_token`].
    pub fn token(&self) -> Result<Token> {
        self.token_within(&Deadline::after(self.client.options().timeout))
    }

    /// [`TokenSource::token`] within `deadline`: a call to the API fetches
    /// its token within the call's own deadline.
    pub(crate) fn token_within(&self, deadline: &Deadline) -> Result<Token> {
        let deadline = *deadline;
        let (dir, refresh) = match &self.cache.mode {
            CacheMode::Off => return self.fetch(&deadline),
            CacheMode::Use(dir) => (dir, false),
            CacheMode::Refresh(dir) => (dir, true),
        };
        let dir = match Cache::new(dir).open(true) {
            Ok(Some(dir)) => dir,
            Ok(None) => return self.fetch(&deadline),
            Err(e) => {
                warn!(
                    "cannot use the token cache in {}: {e}; the token is not cached",
                    dir.display()
                );
                return self.fetch(&deadline);
            }
        };
        let identity = self.identity();
        let entry = Entry::new(&dir, identity.key());
        let token = entry.read(Some(&identity));
        let token_seen = FirstLook::stored_at(&token);
        if !refresh && let Some(token) = self.usable(&entry, token) {
            return Ok(token);
        }
        // Only when there is no token to hand out: a cache hit reads one file.
        let failure = entry.read_failure(&identity, self.client.provenance());
        let first = FirstLook {
            token: token_seen,
            failure: failure.as_ref().map(|f| f.stored_at),
        };
        if !refresh && let Some(error) = failure.and_then(remembered_rejection) {
            return Err(error);
        }
        let lock = match LockFile::open(&entry) {
            Ok(lock) => lock,
            Err(e) => {
                warn!(
                    "cannot use the token cache in {}: {e}; the token is not cached",
                    dir.path().display()
                );
                return self.fetch(&deadline);
            }
        };
        let shared = || self.outcome_since(&entry, &identity, &first, refresh);
        if let Waited::Shared(outcome) = lock.wait(&deadline, shared) {
            return outcome;
        }
        self.fetch_and_store(&entry, &identity, &deadline, false)
    }

    /// Asks Zuora (this process holds the entry's lock, or goes without
    /// one) and stores the outcome for the others, whatever it is; a token
    /// marked as the replacement of a refused one with `replacing`.
    fn fetch_and_store(
        &self,
        entry: &Entry,
        identity: &Identity,
        deadline: &Deadline,
        replacing: bool,
    ) -> Result<Token> {
        let (outcome, secret) = self.fetch_with_secret(deadline);
        let stored = match (&outcome, &secret) {
            (Ok(token), Some(secret)) => entry.store_token(token, identity, secret, replacing),
            (Ok(_), None) => Ok(()),
            (Err(error), secret) => {
                entry.store_failure(error, identity, secret.as_ref(), self.client.provenance())
            }
        };
        if let Err(e) = stored {
            warn!(
                "cannot write the token cache {}: {e}",
                entry.path().display()
            );
        }
        outcome
    }

    /// The token the cache holds for these credentials, fresh or not,
    /// without going online; `None` if there is none, or no cache (or one
    /// that cannot be trusted, with a warning).
    pub fn cached(&self) -> Option<Token> {
        let dir = self.open_dir()?;
        let identity = self.identity();
        match Entry::new(&dir, identity.key()).read(Some(&identity)) {
            Lookup::Found(cached) => Some(cached.token),
            Lookup::Foreign(what) => {
                warn!("the cached token was stored for another {what}; ignoring it");
                None
            }
            Lookup::Missing | Lookup::Invalid(_) => None,
        }
    }

    /// The file these credentials' token is cached in (whether there is
    /// one yet or not); `None` without a cache.
    pub fn cache_file(&self) -> Option<PathBuf> {
        let dir = self.cache.dir()?;
        Some(Cache::new(dir).entry_path(&self.identity()))
    }

    /// Removes these credentials' cached token (and any failure remembered
    /// for them); `Ok(false)` if there was none, or no cache.
    ///
    /// # Errors
    ///
    /// The entry exists but cannot be removed, or the cache directory is
    /// one that others can write to or another user owns.
    pub fn forget(&self) -> io::Result<bool> {
        let Some(dir) = self.cache.dir() else {
            return Ok(false);
        };
        let Some(dir) = Cache::new(dir).open(false)? else {
            return Ok(false);
        };
        Entry::new(&dir, self.identity().key()).remove()
    }

    /// Whether `token` is fresh enough under this source's policy: it has
    /// the minimum TTL left, or half its lifetime if that is less (see
    /// [`TokenSource::min_ttl_for`]).
    pub fn is_fresh(&self, token: &Token, now: SystemTime) -> bool {
        token.is_fresh(self.min_ttl_for(token), now)
    }

    /// The time `token` must have left to be handed out: the policy's
    /// minimum TTL, or half the token's lifetime if that is less. A token
    /// that Zuora issues with less life than the minimum TTL (or little
    /// more) is the best there is; were it held to the minimum TTL, every
    /// call would ask Zuora for another like it, against its limit of 100
    /// a minute. So it is handed out from the cache for half its life.
    pub fn min_ttl_for(&self, token: &Token) -> Duration {
        let lifetime = token
            .expires_at
            .duration_since(token.obtained_at)
            .unwrap_or_default();
        self.cache.min_ttl.min(lifetime / 2)
    }

    fn identity(&self) -> Identity<'_> {
        let endpoint = self.client.endpoint();
        Identity::new(
            endpoint.base_url(),
            endpoint.token_url(),
            self.credentials.client_id(),
            self.client.options().entity_id.as_ref(),
            self.credentials.secret_source().identity(),
        )
    }

    /// The cache directory, if there is one and it can be trusted (a
    /// warning if it cannot); `None` without a cache.
    fn open_dir(&self) -> Option<Dir> {
        let path = self.cache.dir()?;
        Cache::new(path).open(false).unwrap_or_else(|e| {
            warn!("cannot use the token cache in {}: {e}", path.display());
            None
        })
    }

    /// The cached token (as `found` in `entry`) if it is fresh enough,
    /// saying why not otherwise.
    fn usable(&self, entry: &Entry, found: Lookup) -> Option<Token> {
        let path = entry.path();
        let path = path.display();
        let now = SystemTime::now();
        match found {
            Lookup::Missing => info!("cache: miss, nothing cached at {path}"),
            Lookup::Invalid(why) => {
                info!("cache: miss, {path} is unusable ({why}) and will be replaced")
            }
            Lookup::Foreign(what) => {
                warn!("the cached token in {path} was stored for another {what}; ignoring it")
            }
            Lookup::Found(c) if self.is_fresh(&c.token, now) => {
                info!("cache: hit, {} s left ({path})", c.token.seconds_left(now));
                return Some(c.token);
            }
            Lookup::Found(c) if self.min_ttl_for(&c.token) < self.cache.min_ttl => info!(
                "cache: miss, the cached token has {} s left, less than half its lifetime, \
                 which is less than the minimum TTL of {} s{}",
                c.token.seconds_left(now),
                self.cache.min_ttl.as_secs(),
                source_of(self.client.provenance(), Input::MinTtl)
            ),
            Lookup::Found(c) => info!(
                "cache: miss, the cached token has {} s left, less than the minimum TTL of {} s{}",
                c.token.seconds_left(now),
                self.cache.min_ttl.as_secs(),
                source_of(self.client.provenance(), Input::MinTtl)
            ),
        }
        None
    }

    /// The outcome another process stored while this one waited, if there
    /// is one: the token it fetched, if still alive, or its failure,
    /// whichever is newer. Unless refreshing, a token fresh enough is as
    /// good, whoever stored it when.
    fn outcome_since(
        &self,
        entry: &Entry,
        identity: &Identity,
        first: &FirstLook,
        refresh: bool,
    ) -> Option<Result<Token>> {
        let now = SystemTime::now();
        let token = match entry.read(Some(identity)) {
            Lookup::Found(cached) if !cached.token.time_left(now).is_zero() => {
                let new = Some(cached.stored_at) != first.token;
                (new || (!refresh && self.is_fresh(&cached.token, now))).then_some(cached)
            }
            _ => None,
        };
        let failure = entry
            .read_failure(identity, self.client.provenance())
            .filter(|f| {
                Some(f.stored_at) != first.failure
                    && token.as_ref().is_none_or(|t| f.stored_at > t.stored_at)
            });
        if let Some(failure) = failure {
            info!("cache: another process asked Zuora meanwhile and failed; its outcome is shared");
            return Some(Err(failure.error));
        }
        let cached = token?;
        info!("cache: hit, fetched by another process meanwhile");
        Some(Ok(cached.token))
    }

    /// Fetches from Zuora, reading the secret first (the only time it is
    /// read). A token whose whole life is shorter than the minimum TTL is
    /// still handed out (there is no better one to be had), with a note,
    /// and cached for half its life.
    fn fetch(&self, deadline: &Deadline) -> Result<Token> {
        self.fetch_with_secret(deadline).0
    }

    /// [`TokenSource::fetch`], and the secret it read, if it could.
    fn fetch_with_secret(&self, deadline: &Deadline) -> (Result<Token>, Option<Secret>) {
        let secret = match self.credentials.secret_source().read(deadline.instant()) {
            Ok(secret) => secret,
            Err(error) => return (Err(error), None),
        };
        let client_id = self.credentials.client_id();
        let token = self
            .client
            .fetch(client_id, &secret, self.track_id.as_ref(), deadline);
        let now = SystemTime::now();
        if let Ok(token) = &token
            && !token.is_fresh(self.cache.min_ttl, now)
        {
            info!(
                "Zuora issued a token with {} s to live, less than the minimum TTL of {} s; \
                 using it anyway, and from the cache while it has {} s left",
                token.seconds_left(now),
                self.cache.min_ttl.as_secs(),
                self.min_ttl_for(token).as_secs()
            );
        }
        (token, Some(secret))
    }
}
