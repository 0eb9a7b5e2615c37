//! The headers of a call to Zuora's REST API made with a token: the
//! `Authorization` header, and the tenant's `Zuora-Entity-Ids`,
//! `Zuora-Org-Ids`, `Zuora-Track-Id` and `Zuora-Version` where they are
//! configured. One bundle, so that `get -o headers`, `get -o curl` and the
//! `curl` command send the same thing. Every value is validated where it is
//! made (the token here, Zuora's own headers in `zuora_headers`).

use std::fmt;

use crate::token::AccessToken;
use crate::zuora_headers::{EntityId, OrgIds, TrackId, ZuoraVersion};

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
