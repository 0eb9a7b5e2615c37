//! The values of Zuora's own headers: `Zuora-Entity-Ids` and
//! `Zuora-Track-Id` (on the token request and on API calls),
//! `Zuora-Org-Ids` and `Zuora-Version` (on API calls). Each can only be
//! built valid, so each is safe in a header line and in a curl config file
//! as it is.

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
}
