//! Who asks for a token: an OAuth client's id and secret.

use std::fmt;
use std::sync::Arc;

use crate::secret::SecretSource;

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

/// An OAuth client's id and where its secret comes from: what
/// `POST /oauth/token` authenticates. The secret is read only when a token
/// is fetched.
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
#[derive(Debug, Clone)]
pub struct Credentials {
    client_id: ClientId,
    secret: Arc<dyn SecretSource>,
}

impl Credentials {
    /// The credentials of the OAuth client `client_id`, whose secret comes
    /// from `secret`: a [`Secret`](crate::Secret) itself, or any
    /// [`SecretSource`].
    pub fn new(client_id: ClientId, secret: impl SecretSource + 'static) -> Credentials {
        Credentials {
            client_id,
            secret: Arc::new(secret),
        }
    }

    /// The client id.
    pub fn client_id(&self) -> &ClientId {
        &self.client_id
    }

    /// Where the client secret comes from.
    pub fn secret_source(&self) -> &dyn SecretSource {
        &*self.secret
    }
}
