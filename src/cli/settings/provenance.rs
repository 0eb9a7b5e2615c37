//! The library's messages, told where the command's settings came from:
//! "check the client id (from `client_id` in profile 'prod' of ...)".

use zuora_token::{Input, Provenance};

use super::origin::{Origin, Sourced};
use super::table::Setting;

/// Where each input the library may name came from.
#[derive(Debug)]
pub struct Origins {
    pub client_id: Origin,
    /// How the secret is read (`given inline`, `read from PATH`, ...), and
    /// where that was configured.
    pub secret: Sourced<String>,
    pub base_url: Origin,
    /// Where the token URL came from, if one was given.
    pub token_url: Option<Origin>,
    pub ca_bundle: Option<Origin>,
    pub min_ttl: Origin,
}

impl Provenance for Origins {
    fn source(&self, input: Input) -> Option<String> {
        let from = |origin: &Origin| format!("from {origin}");
        match input {
            Input::ClientId => Some(from(&self.client_id)),
            Input::ClientSecret => Some(format!(
                "{}, {}",
                self.secret.value,
                from(&self.secret.origin)
            )),
            Input::BaseUrl => Some(from(&self.base_url)),
            Input::TokenUrl => self.token_url.as_ref().map(from),
            Input::CaBundle => self.ca_bundle.as_ref().map(from),
            Input::MinTtl => Some(from(&self.min_ttl)),
            _ => None,
        }
    }

    fn name(&self, input: Input) -> Option<String> {
        let setting = match input {
            Input::Timeout => Setting::Timeout,
            Input::CaBundle => Setting::CaBundle,
            _ => return None,
        };
        Some(Origin::Flag(setting).to_string())
    }
}
