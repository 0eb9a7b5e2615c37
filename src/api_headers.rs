//! The headers of a call to Zuora's REST API made with a token: the
//! `Authorization` header, and the tenant's `Zuora-Entity-Ids`,
//! `Zuora-Org-Ids`, `Zuora-Track-Id` and `Zuora-Version` where they are
//! configured. One
//! bundle, so that `get -o headers`, `get -o curl` and the `curl` command
//! send the same thing.
//!
//! Every value is validated where it is made (the token, the entity id,
//! the track id, the org ids), so each is safe in a header line and in a
//! curl config file as it is.

use std::fmt;

use crate::token::AccessToken;
use crate::zuora::{EntityId, TrackId};

/// A `Zuora-Org-Ids` value: the organisations a call may see, on a tenant
/// with Multi-Org. A comma-separated list of ids, each of ASCII letters,
/// digits, `-` and `_` (Zuora's org ids are UUIDs), at most
/// [`OrgIds::MAX_IDS`] of them; white space around the commas is dropped.
///
/// ```
/// use zuora_token::OrgIds;
///
/// let ids = OrgIds::parse("0a1b2c3d-0000-4000-8000-000000000001, org_2")?;
/// assert_eq!(ids.as_str(), "0a1b2c3d-0000-4000-8000-000000000001,org_2");
/// assert!(OrgIds::parse("a,,b").is_err());
/// assert!(OrgIds::parse("a\r\nX-Evil: 1").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgIds(String);

impl OrgIds {
    /// The most ids one value may hold.
    pub const MAX_IDS: usize = 100;
    /// The longest one id may be.
    pub const MAX_ID_LEN: usize = 64;

    /// Parses a comma-separated list of org ids; the error says what is
    /// wrong with which one.
    pub fn parse(input: &str) -> Result<OrgIds, String> {
        let ids: Vec<&str> = input.split(',').map(str::trim).collect();
        if ids.len() > Self::MAX_IDS {
            return Err(format!(
                "it lists {} ids; at most {} are allowed",
                ids.len(),
                Self::MAX_IDS
            ));
        }
        for (n, id) in ids.iter().enumerate() {
            let which = n.saturating_add(1);
            if id.is_empty() {
                return Err(format!(
                    "id {which} is empty (a list is comma-separated: ID1,ID2)"
                ));
            }
            if id.len() > Self::MAX_ID_LEN {
                return Err(format!(
                    "id {which} is {} characters long; at most {} are allowed",
                    id.len(),
                    Self::MAX_ID_LEN
                ));
            }
            if let Some(bad) = id
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
            {
                return Err(format!(
                    "id {which} holds {bad:?}; an org id is ASCII letters, digits, - and _"
                ));
            }
        }
        Ok(OrgIds(ids.join(",")))
    }

    /// The header's value: the ids joined by commas.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A `Zuora-Version` value: the minor version of Zuora's v1 API a call is
/// answered in, as Zuora numbers them (`211.0`, `341.0`) or dates them
/// (`2024-05-20`). Without one the tenant's own setting applies.
///
/// ```
/// use zuora_token::ZuoraVersion;
///
/// assert_eq!(ZuoraVersion::parse("211.0")?.as_str(), "211.0");
/// assert!(ZuoraVersion::parse("2024-05-20").is_ok());
/// assert!(ZuoraVersion::parse("latest").is_err());
/// assert!(ZuoraVersion::parse("2024-13-01").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZuoraVersion(String);

impl ZuoraVersion {
    /// Parses a numbered (`211.0`) or dated (`2024-05-20`) minor version;
    /// the error says what is wrong.
    pub fn parse(input: &str) -> Result<ZuoraVersion, String> {
        let digits = |part: &str, min: usize, max: usize| {
            (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
        };
        let numbered = input
            .split_once('.')
            .is_some_and(|(major, minor)| digits(major, 1, 4) && digits(minor, 1, 2));
        let dated = match input.split('-').collect::<Vec<_>>()[..] {
            [year, month, day] => {
                digits(year, 4, 4)
                    && digits(month, 2, 2)
                    && digits(day, 2, 2)
                    && (1..=12).contains(&month.parse::<u8>().unwrap_or(0))
                    && (1..=31).contains(&day.parse::<u8>().unwrap_or(0))
            }
            _ => false,
        };
        match numbered || dated {
            true => Ok(ZuoraVersion(input.to_owned())),
            false => Err(
                "it must be one of Zuora's minor versions: a number such as 211.0, or a date \
                 such as 2024-05-20"
                    .into(),
            ),
        }
    }

    /// The header's value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The headers a call to Zuora's REST API needs, with a token: what
/// [`TokenSource::api_headers`](crate::TokenSource::api_headers) makes.
/// `Debug` hides the token.
///
/// ```
/// use zuora_token::{AccessToken, ApiHeaders, OrgIds, TrackId};
///
/// let headers = ApiHeaders::new(AccessToken::parse("c652cbc0").unwrap())
///     .with_org_ids(Some(OrgIds::parse("org-1,org-2")?))
///     .with_track_id(Some(TrackId::parse("deploy-42")?));
/// let lines: Vec<String> = headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
/// assert_eq!(
///     lines,
///     ["Authorization: Bearer c652cbc0", "Zuora-Org-Ids: org-1,org-2", "Zuora-Track-Id: deploy-42"]
/// );
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiHeaders {
    authorization: String,
    entity_id: Option<EntityId>,
    org_ids: Option<OrgIds>,
    track_id: Option<TrackId>,
    zuora_version: Option<ZuoraVersion>,
}

impl ApiHeaders {
    /// `Authorization: Bearer <token>`, and nothing else yet.
    pub fn new(token: AccessToken) -> ApiHeaders {
        ApiHeaders {
            authorization: format!("Bearer {}", token.as_str()),
            entity_id: None,
            org_ids: None,
            track_id: None,
            zuora_version: None,
        }
    }

    /// Adds `Zuora-Entity-Ids`, if there is one.
    pub fn with_entity_id(mut self, entity_id: Option<EntityId>) -> ApiHeaders {
        self.entity_id = entity_id;
        self
    }

    /// Adds `Zuora-Org-Ids`, if there are any.
    pub fn with_org_ids(mut self, org_ids: Option<OrgIds>) -> ApiHeaders {
        self.org_ids = org_ids;
        self
    }

    /// Adds `Zuora-Track-Id`, if there is one.
    pub fn with_track_id(mut self, track_id: Option<TrackId>) -> ApiHeaders {
        self.track_id = track_id;
        self
    }

    /// Adds `Zuora-Version`, if there is one.
    pub fn with_zuora_version(mut self, version: Option<ZuoraVersion>) -> ApiHeaders {
        self.zuora_version = version;
        self
    }

    /// The entity id, if one is sent.
    pub fn entity_id(&self) -> Option<&EntityId> {
        self.entity_id.as_ref()
    }

    /// The org ids, if they are sent.
    pub fn org_ids(&self) -> Option<&OrgIds> {
        self.org_ids.as_ref()
    }

    /// The track id, if one is sent.
    pub fn track_id(&self) -> Option<&TrackId> {
        self.track_id.as_ref()
    }

    /// The API version, if one is asked for.
    pub fn zuora_version(&self) -> Option<&ZuoraVersion> {
        self.zuora_version.as_ref()
    }

    /// Each header's name and value, `Authorization` first.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            Some(("Authorization", self.authorization.as_str())),
            self.entity_id
                .as_ref()
                .map(|id| ("Zuora-Entity-Ids", id.as_str())),
            self.org_ids
                .as_ref()
                .map(|ids| ("Zuora-Org-Ids", ids.as_str())),
            self.track_id
                .as_ref()
                .map(|id| ("Zuora-Track-Id", id.as_str())),
            self.zuora_version
                .as_ref()
                .map(|v| ("Zuora-Version", v.as_str())),
        ]
        .into_iter()
        .flatten()
    }
}

impl fmt::Debug for ApiHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiHeaders")
            .field("authorization", &"Bearer <redacted>")
            .field("entity_id", &self.entity_id)
            .field("org_ids", &self.org_ids)
            .field("track_id", &self.track_id)
            .field("zuora_version", &self.zuora_version)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_ids_are_a_header_safe_comma_separated_list() {
        assert_eq!(OrgIds::parse("a").unwrap().as_str(), "a");
        assert_eq!(OrgIds::parse(" a ,b_2,C-3 ").unwrap().as_str(), "a,b_2,C-3");
        let too_many = vec!["x"; OrgIds::MAX_IDS + 1].join(",");
        let too_long = "x".repeat(OrgIds::MAX_ID_LEN + 1);
        for bad in [
            "",
            ",",
            "a,",
            "a b",
            "a;b",
            "a\nb",
            "a\r\nX: y",
            "é",
            "\"a\"",
            &too_many,
            &too_long,
        ] {
            assert!(OrgIds::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn zuora_versions_are_numbers_or_dates() {
        for good in ["211.0", "196.0", "341.0", "1.0", "2024-05-20", "2025-08-12"] {
            assert!(ZuoraVersion::parse(good).is_ok(), "{good:?} was refused");
        }
        for bad in [
            "",
            "211",
            "211.",
            ".0",
            "211.0.1",
            "21100.0",
            "v211.0",
            "2024-5-20",
            "2024-00-10",
            "2024-01-32",
            "2024-05-20T00",
            "211.0\r\nX: y",
            " 211.0",
        ] {
            assert!(ZuoraVersion::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn debug_never_shows_the_token() {
        let headers = ApiHeaders::new(AccessToken::parse("s3cr3tt0k3n").unwrap());
        assert!(!format!("{headers:?}").contains("s3cr3tt0k3n"));
    }

    #[test]
    fn only_configured_headers_are_sent() {
        let headers = ApiHeaders::new(AccessToken::parse("t").unwrap()).with_entity_id(Some(
            EntityId::parse("11e643f4-a3ee-8bad-b061-0025904c756d").unwrap(),
        ));
        let names: Vec<&str> = headers.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["Authorization", "Zuora-Entity-Ids"]);
    }
}
