//! Where a setting came from, so that every message about a value can say
//! which flag, environment variable or profile key to fix; and the
//! library's messages told the same ([`Origins`], its `Provenance`):
//! "check the client id (from `client_id` in profile 'prod' of ...)".

use std::fmt;
use std::path::PathBuf;

use zuora_token::{Input, Provenance};

use super::table::Setting;

/// The source of one setting, highest precedence first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag.
    Flag(Setting),
    /// The environment variable of a setting.
    Env(Setting),
    /// A key of a profile in the config file. A profile named by the
    /// `--profile` flag means that profile: its keys beat environment
    /// variables (which may have been left by `eval "$(zuora-token env -p
    /// other)"`); one named by `ZUORA_PROFILE` or `default_profile` does
    /// not.
    Profile {
        key: &'static str,
        profile: String,
        file: PathBuf,
        named_by_flag: bool,
    },
    /// A top-level key of the config file (`default_profile`).
    File { key: &'static str, file: PathBuf },
    /// Nothing was given; the built-in default applies.
    Default,
}

/// A value together with where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Sourced<T> {
    pub fn new(value: T, origin: Origin) -> Self {
        Sourced { value, origin }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sourced<U> {
        Sourced::new(f(self.value), self.origin)
    }
}

impl Origin {
    /// How far down the precedence order this source is: flags, then the
    /// keys of a profile named by `--profile`, then environment variables,
    /// then the config file otherwise, then defaults.
    pub fn rank(&self) -> u8 {
        match self {
            Origin::Flag(_) => 0,
            Origin::Profile {
                named_by_flag: true,
                ..
            } => 1,
            Origin::Env(_) => 2,
            Origin::Profile { .. } | Origin::File { .. } => 3,
            Origin::Default => 4,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(setting) => write!(f, "--{}", setting.flag()),
            Origin::Env(setting) => write!(f, "environment variable {}", setting.env_var()),
            Origin::Profile {
                key, profile, file, ..
            } => {
                write!(f, "`{key}` in profile '{profile}' of {}", file.display())
            }
            Origin::File { key, file } => write!(f, "`{key}` in {}", file.display()),
            Origin::Default => f.write_str("the built-in default"),
        }
    }
}

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
