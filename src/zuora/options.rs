//! What a token request carries besides the credentials, and how it is
//! sent: its optional headers, retries, the time it may take, whom it trusts.
//! Each value can only be built valid, so an invalid one never reaches the
//! HTTP client.

use std::path::PathBuf;
use std::time::Duration;

/// How a token request is made. `Default` is what the command-line tool
/// does without flags: no entity, 3 retries, 30 seconds, the system's trust
/// store.
///
/// ```
/// use std::time::Duration;
/// use zuora_token::{EntityId, RequestOptions};
///
/// let options = RequestOptions {
///     entity_id: Some(EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d")?),
///     timeout: Duration::from_secs(10),
///     ..RequestOptions::default()
/// };
/// assert_eq!(options.retries, 3);
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOptions {
    /// Sent as `Zuora-Entity-Ids`, for multi-entity tenants. Part of the
    /// cache identity: another entity never gets this one's token.
    pub entity_id: Option<EntityId>,
    /// How many times a 429, 502, 503, 504 or broken connection is retried.
    pub retries: u32,
    /// How long the whole request may take: every attempt, every wait
    /// between them, and the wait for another process's fetch.
    pub timeout: Duration,
    /// Which certificate authorities an HTTPS endpoint is checked against.
    pub trust: Trust,
}

impl Default for RequestOptions {
    fn default() -> RequestOptions {
        RequestOptions {
            entity_id: None,
            retries: 3,
            timeout: Duration::from_secs(30),
            trust: Trust::System,
        }
    }
}

/// Which certificate authorities an HTTPS endpoint is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The operating system's trust store, as curl uses: corporate CAs
    /// added to it work.
    System,
    /// Exactly the PEM certificates in this file. It is read only when a
    /// request is made; an unreadable or certificate-less file is an
    /// [`ErrorKind::Usage`](crate::ErrorKind::Usage) error.
    Bundle(PathBuf),
}

/// The OAuth grant of `POST /oauth/token`. Zuora allows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GrantType {
    /// `client_credentials`: an OAuth client's id and secret.
    #[default]
    ClientCredentials,
}

impl GrantType {
    /// The `grant_type` form value.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantType::ClientCredentials => "client_credentials",
        }
    }
}

/// A `Zuora-Entity-Ids` value: one hyphenated UUID, as Zuora requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityId(String);

impl EntityId {
    /// Parses a hyphenated UUID; the error says what is wrong.
    ///
    /// ```
    /// use zuora_token::EntityId;
    ///
    /// assert!(EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d").is_ok());
    /// assert!(EntityId::parse("11e643f4a3ee8badb0610025904c756d").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<EntityId, String> {
        let groups: Vec<&str> = input.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        let hex = groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
        if lengths == [8, 4, 4, 4, 12] && hex {
            Ok(EntityId(input.to_owned()))
        } else {
            Err("it must be a hyphenated UUID such as 11e643f4-a3ee-8bad-b061-0025904c756d".into())
        }
    }

    /// The header's value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A `Zuora-Track-Id` value: at most 64 printable US-ASCII characters, none of
/// `:` `;` `"` `'` (Zuora's rules), so it is also a valid header value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackId(String);

impl TrackId {
    /// The longest track id Zuora takes.
    pub const MAX_LEN: usize = 64;

    /// Parses a track id; the error says what is wrong.
    ///
    /// ```
    /// use zuora_token::TrackId;
    ///
    /// assert!(TrackId::parse("deploy-42 run.7").is_ok());
    /// assert!(TrackId::parse("a:b").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<TrackId, String> {
        if input.is_empty() {
            return Err("it is empty".into());
        }
        if input.len() > Self::MAX_LEN {
            return Err(format!(
                "it is {} characters long; Zuora allows at most {}",
                input.len(),
                Self::MAX_LEN
            ));
        }
        if let Some(bad) = input
            .chars()
            .find(|c| !(' '..='~').contains(c) || ":;\"'".contains(*c))
        {
            return Err(format!(
                "it holds {bad:?}; Zuora allows printable US-ASCII without : ; \" '"
            ));
        }
        if input.trim() != input {
            return Err("it starts or ends with a space".into());
        }
        Ok(TrackId(input.to_owned()))
    }

    /// The header's value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_id_must_be_a_hyphenated_uuid() {
        assert!(EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d").is_ok());
        assert!(EntityId::parse("11E643F4-A3EE-8BAD-B061-0025904C756D").is_ok());
        for bad in [
            "",
            "11e643f4a3ee8badb0610025904c756d",
            "11e643f4-a3ee-8bad-b061-0025904c756",
            "g1e643f4-a3ee-8bad-b061-0025904c756d",
        ] {
            assert!(EntityId::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn track_id_follows_zuoras_rules() {
        assert!(TrackId::parse("deploy-42 run.7").is_ok());
        assert!(TrackId::parse(&"a".repeat(64)).is_ok());
        for bad in [
            "",
            &"a".repeat(65),
            "a:b",
            "a;b",
            "a\"b",
            "a'b",
            "a\nb",
            "é",
            " a",
        ] {
            assert!(TrackId::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
