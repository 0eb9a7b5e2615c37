//! A token in place of one Zuora refused on an API call (a 401): the
//! second half of [`TokenSource`]'s single flight, with its guard against
//! asking again for a token that was itself a replacement.

use std::time::{Duration, SystemTime};

use log::{info, warn};

use super::TokenSource;
use crate::cache::{Entry, Identity, LockFile, Lookup, Waited};
use crate::deadline::Deadline;
use crate::error::{Error, ErrorKind, Result};
use crate::token::Token;

impl TokenSource {
    /// A token to use instead of `rejected`, which Zuora refused on an API
    /// call (401: revoked early, its client rotated or deleted), as Zuora's
    /// error-handling guide says: get a new token, then retry once.
    ///
    /// Single flight, as [`TokenSource::token`]: the first caller with
    /// `rejected` takes the entry's lock and asks Zuora; every other one
    /// that comes with the same rejected token, at once or later, gets the
    /// token it stored (or its failure) without a request. So any number
    /// of processes that meet the same 401 make one token request.
    ///
    /// A token that was itself fetched to replace a refused one, less than
    /// [`TokenSource::REPLACEMENT_MEMORY`] ago, is not replaced: Zuora
    /// refusing a token that new refuses the call, not the token (a client
    /// without access to it), and asking again would only spend Zuora's
    /// rate limit. [`TokenSource::may_replace`] says beforehand.
    ///
    /// ```no_run
    /// # use zuora_token::{BaseUrl, Client, ClientId, Credentials, Endpoint, Secret, TokenSource};
    /// # let client = Client::new(Endpoint::new(BaseUrl::parse("https://rest.zuora.com")?)?);
    /// # let source = TokenSource::new(client, Credentials::new(ClientId::new("id"), Secret::new("s")));
    /// # fn call_zuora(_: &zuora_token::Token) -> u16 { 200 }
    /// let mut token = source.token()?;
    /// if call_zuora(&token) == 401 {
    ///     token = source.replace(&token)?;
    ///     call_zuora(&token);
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Client::create_token`](crate::Client::create_token); and [`ErrorKind::Refused`](crate::ErrorKind)
    /// for a token that [`TokenSource::may_replace`] says is not replaced.
    pub fn replace(&self, rejected: &Token) -> Result<Token> {
        self.replace_within(rejected, &Deadline::after(self.client.options().timeout))
    }

    /// [`TokenSource::replace`] within `deadline`.
    pub(crate) fn replace_within(&self, rejected: &Token, deadline: &Deadline) -> Result<Token> {
        let deadline = *deadline;
        let Some(dir) = self.open_dir() else {
            return self.fetch(&deadline);
        };
        let identity = self.identity();
        let entry = Entry::new(&dir, identity.key());
        if let Some(age) = self.young_replacement(&entry, &identity, rejected) {
            return Err(Error::new(
                ErrorKind::Refused,
                format!(
                    "Zuora refused a token fetched {} s ago in place of a refused one; \
                     not asking for another within {} s",
                    age.as_secs(),
                    Self::REPLACEMENT_MEMORY.as_secs()
                ),
            )
            .with_hint("Zuora refuses the call, not the token: check the OAuth client's access"));
        }
        let failure = entry
            .read_failure(&identity, self.client.provenance())
            .map(|f| f.stored_at);
        let replacement = || self.replacement(&entry, &identity, rejected, failure);
        if let Some(outcome) = replacement() {
            return outcome;
        }
        info!("cache: the token was refused; replacing it");
        let lock = match LockFile::open(&entry) {
            Ok(lock) => lock,
            Err(e) => {
                warn!("cannot lock the token cache: {e}; the token is not cached");
                return self.fetch(&deadline);
            }
        };
        if let Waited::Shared(outcome) = lock.wait(&deadline, replacement) {
            return outcome;
        }
        self.fetch_and_store(&entry, &identity, &deadline, true)
    }

    /// Whether [`TokenSource::replace`] would replace `token`: not while it
    /// is itself a replacement of a refused token stored less than
    /// [`TokenSource::REPLACEMENT_MEMORY`] ago (without a cache, always).
    pub fn may_replace(&self, token: &Token) -> bool {
        let Some(dir) = self.open_dir() else {
            return true;
        };
        let identity = self.identity();
        let entry = Entry::new(&dir, identity.key());
        self.young_replacement(&entry, &identity, token).is_none()
    }

    /// How long ago `token` was stored in `entry` as the replacement of a
    /// refused token, if that is what it is and it is less than
    /// [`TokenSource::REPLACEMENT_MEMORY`] ago.
    fn young_replacement(
        &self,
        entry: &Entry,
        identity: &Identity,
        token: &Token,
    ) -> Option<Duration> {
        let Lookup::Found(cached) = entry.read(Some(identity)) else {
            return None;
        };
        let age = SystemTime::now()
            .duration_since(cached.stored_at)
            .unwrap_or_default();
        let young = cached.replaces_refused
            && cached.token.access_token() == token.access_token()
            && age < Self::REPLACEMENT_MEMORY;
        young.then_some(age)
    }

    /// What another process stored in place of `rejected`: a live token
    /// other than it, or a failure newer than `failure_seen`.
    fn replacement(
        &self,
        entry: &Entry,
        identity: &Identity,
        rejected: &Token,
        failure_seen: Option<SystemTime>,
    ) -> Option<Result<Token>> {
        if let Some(failure) = entry
            .read_failure(identity, self.client.provenance())
            .filter(|f| Some(f.stored_at) != failure_seen)
        {
            info!("cache: another process asked Zuora meanwhile and failed; its outcome is shared");
            return Some(Err(failure.error));
        }
        match entry.read(Some(identity)) {
            Lookup::Found(cached)
                if cached.token.access_token() != rejected.access_token()
                    && !cached.token.time_left(SystemTime::now()).is_zero() =>
            {
                info!("cache: hit, replaced by another process");
                Some(Ok(cached.token))
            }
            _ => None,
        }
    }
}
