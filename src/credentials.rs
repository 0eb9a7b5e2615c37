//! Who asks for a token: an OAuth client's id and secret.

use std::fmt;

use crate::secret::Secret;

/// The id of an OAuth client, as Zuora's OAuth clients page shows it.
///
/// Zuora's ids are 36 characters. Another length is sent anyway (Zuora may
/// change its rules), but if Zuora refuses it the error says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClientId(String);

impl ClientId {
    /// Wraps `id` as it is. Zuora refuses an empty id; the command-line
    /// tool checks for one before sending.
    pub fn new(id: impl Into<String>) -> ClientId {
        ClientId(id.into())
    }

    /// The id as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its length, when that is not the 36 characters of Zuora's ids.
    pub(crate) fn odd_length(&self) -> Option<usize> {
        Some(self.0.chars().count()).filter(|len| *len != 36)
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An OAuth client's id and secret: what `POST /oauth/token` authenticates.
///
/// ```
/// use zuora_token::{ClientId, Credentials, Secret};
///
/// let credentials = Credentials::new(
///     ClientId::new("6f1c3a0e-2b7d-4c59-9e81-3d5a7f0b2c64"),
///     Secret::new("s3cr3t"),
/// );
/// assert!(!format!("{credentials:?}").contains("s3cr3t"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    client_id: ClientId,
    secret: Secret,
}

impl Credentials {
    /// The credentials of the OAuth client `client_id`.
    pub fn new(client_id: ClientId, secret: Secret) -> Credentials {
        Credentials { client_id, secret }
    }

    /// The client id.
    pub fn client_id(&self) -> &ClientId {
        &self.client_id
    }

    /// The client secret.
    pub fn secret(&self) -> &Secret {
        &self.secret
    }
}
