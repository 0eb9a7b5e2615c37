//! The settings a flag and an environment variable can both give: their
//! names and help, in one table, and their values from each of the two.
//!
//! clap parses the flags only (its definitions are made from this table);
//! the variables are read here, so that every one follows the same rules
//! (an empty value counts as unset) and the resolution of settings can be
//! tested with an environment of its own.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use zuora_token::Error;

/// A setting with a flag and an environment variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Profile,
    Config,
    ClientId,
    ClientSecret,
    ClientSecretFile,
    Environment,
    BaseUrl,
    TokenUrl,
    EntityId,
    TrackId,
    OrgIds,
    ZuoraVersion,
    CacheDir,
    MinTtl,
    Timeout,
    Retries,
    CaBundle,
}

impl Setting {
    pub const ALL: [Setting; 17] = [
        Setting::Profile,
        Setting::Config,
        Setting::ClientId,
        // The file first: help and usage lines should not invite the
        // secret onto the command line.
        Setting::ClientSecretFile,
        Setting::ClientSecret,
        Setting::Environment,
        Setting::BaseUrl,
        Setting::TokenUrl,
        Setting::EntityId,
        Setting::TrackId,
        Setting::OrgIds,
        Setting::ZuoraVersion,
        Setting::CacheDir,
        Setting::MinTtl,
        Setting::Timeout,
        Setting::Retries,
        Setting::CaBundle,
    ];

    /// The settings whose variables carry or point to the client secret. A
    /// command zuora-token runs (`exec`'s, curl) needs the token, never the
    /// secret: these are removed from its environment.
    pub const SECRET: [Setting; 2] = [Setting::ClientSecret, Setting::ClientSecretFile];

    /// The long flag (without `--`), the environment variable, the name of
    /// the value in the help, and the help.
    fn spec(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Setting::Profile => (
                "profile",
                "ZUORA_PROFILE",
                "NAME",
                "Profile to use from the config file [default: the file's `default_profile`]",
            ),
            Setting::Config => (
                "config",
                "ZUORA_TOKEN_CONFIG",
                "PATH",
                "Config file [default: <user config dir>/zuora-token/config.toml]",
            ),
            Setting::ClientId => (
                "client-id",
                "ZUORA_CLIENT_ID",
                "ID",
                "OAuth client id (36 characters, from Zuora's OAuth clients page)",
            ),
            Setting::ClientSecret => (
                "client-secret",
                "ZUORA_CLIENT_SECRET",
                "SECRET",
                "OAuth client secret. Other users can read it in the process list: prefer \
                 --client-secret-file, the environment variable or a profile",
            ),
            Setting::ClientSecretFile => (
                "client-secret-file",
                "ZUORA_CLIENT_SECRET_FILE",
                "PATH",
                "Read the client secret from this file ('-' for standard input)",
            ),
            Setting::Environment => (
                "environment",
                "ZUORA_ENVIRONMENT",
                "NAME",
                "Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod]",
            ),
            Setting::BaseUrl => (
                "base-url",
                "ZUORA_BASE_URL",
                "URL",
                "Base URL of Zuora's REST API; beats --environment given at the same level",
            ),
            Setting::TokenUrl => (
                "token-url",
                "ZUORA_TOKEN_URL",
                "URL",
                "Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora's OneID \
                 clients; the base URL still serves the API calls",
            ),
            Setting::EntityId => (
                "entity-id",
                "ZUORA_ENTITY_ID",
                "UUID",
                "Entity id (a hyphenated UUID) for multi-entity tenants",
            ),
            Setting::TrackId => (
                "track-id",
                "ZUORA_TRACK_ID",
                "ID",
                "Zuora-Track-Id header to send, for tracing the request with Zuora",
            ),
            Setting::OrgIds => (
                "org-ids",
                "ZUORA_ORG_IDS",
                "IDS",
                "Zuora-Org-Ids header for API calls (comma-separated org ids), for \
                 multi-org tenants",
            ),
            Setting::ZuoraVersion => (
                "zuora-version",
                "ZUORA_VERSION",
                "VERSION",
                "Zuora-Version header for API calls: the v1 API's minor version, e.g. 211.0 or \
                 2024-05-20 [default: the tenant's]",
            ),
            Setting::CacheDir => (
                "cache-dir",
                "ZUORA_TOKEN_CACHE_DIR",
                "PATH",
                "Directory of the token cache [default: <user cache dir>/zuora-token]",
            ),
            Setting::MinTtl => (
                "min-ttl",
                "ZUORA_TOKEN_MIN_TTL",
                "SECONDS",
                "Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300]",
            ),
            Setting::Timeout => (
                "timeout",
                "ZUORA_TOKEN_TIMEOUT",
                "SECONDS",
                "Give up after this long, waits for other processes included [default: 30]",
            ),
            Setting::Retries => (
                "retries",
                "ZUORA_TOKEN_RETRIES",
                "N",
                "Retry rate limits (429), gateway failures (502, 503, 504) and broken \
                 connections this many times [default: 3]",
            ),
            Setting::CaBundle => (
                "ca-bundle",
                "ZUORA_CA_BUNDLE",
                "PATH",
                "Trust exactly the PEM certificates in this file instead of the \
                 operating system's trust store",
            ),
        }
    }

    pub fn flag(self) -> &'static str {
        self.spec().0
    }

    /// The short flag, for the two settings typed most.
    pub fn short(self) -> Option<char> {
        match self {
            Setting::Profile => Some('p'),
            Setting::Environment => Some('e'),
            _ => None,
        }
    }

    pub fn env_var(self) -> &'static str {
        self.spec().1
    }

    pub fn value_name(self) -> &'static str {
        self.spec().2
    }

    /// The help, ending with the environment variable.
    pub fn help(self) -> String {
        format!("{} [env: {}]", self.spec().3, self.env_var())
    }

    /// The key of a profile in the config file that gives it too, if any.
    pub fn profile_key(self) -> Option<&'static str> {
        match self {
            Setting::Environment => Some("environment"),
            Setting::BaseUrl => Some("base_url"),
            Setting::TokenUrl => Some("token_url"),
            Setting::ClientId => Some("client_id"),
            Setting::ClientSecret => Some("client_secret"),
            Setting::ClientSecretFile => Some("client_secret_file"),
            Setting::EntityId => Some("entity_id"),
            Setting::TrackId => Some("track_id"),
            Setting::OrgIds => Some("org_ids"),
            Setting::ZuoraVersion => Some("zuora_version"),
            Setting::MinTtl => Some("min_ttl"),
            Setting::CaBundle => Some("ca_bundle"),
            Setting::Profile
            | Setting::Config
            | Setting::CacheDir
            | Setting::Timeout
            | Setting::Retries => None,
        }
    }

    /// Whether the value is a path (any bytes) rather than text (UTF-8).
    pub fn is_path(self) -> bool {
        matches!(
            self,
            Setting::Config | Setting::ClientSecretFile | Setting::CacheDir | Setting::CaBundle
        )
    }
}

/// Values of settings from one layer: the flags given, or the environment.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Values(Vec<(Setting, OsString)>);

impl Values {
    /// The flags given, as clap parsed them (text values are UTF-8 there).
    pub fn from_flags(values: Vec<(Setting, OsString)>) -> Values {
        Values(values)
    }

    /// The settings' environment variables, as they are now. A variable
    /// set to the empty string counts as unset, as CI systems set a missing
    /// secret to "".
    ///
    /// # Errors
    ///
    /// A variable of a text setting is not UTF-8.
    pub fn from_env() -> Result<Values, Error> {
        Values::from_env_pairs(
            Setting::ALL
                .iter()
                .filter_map(|s| Some((*s, std::env::var_os(s.env_var())?))),
        )
    }

    /// The given variables, checked as the process's are.
    pub fn from_env_pairs(
        pairs: impl IntoIterator<Item = (Setting, OsString)>,
    ) -> Result<Values, Error> {
        let mut vars = Vec::new();
        for (setting, value) in pairs {
            if !setting.is_path() && value.to_str().is_none() {
                return Err(Error::usage(format!(
                    "environment variable {} is not valid UTF-8",
                    setting.env_var()
                )));
            }
            if !value.is_empty() {
                vars.push((setting, value));
            }
        }
        Ok(Values(vars))
    }

    /// The value of `setting`, if this layer has one.
    pub fn get<T: FromValue>(&self, setting: Setting) -> Option<T> {
        let (_, value) = self.0.iter().find(|(s, _)| *s == setting)?;
        T::from_value(value)
    }
}

/// A value a flag or an environment variable can hold.
pub trait FromValue: Sized {
    fn from_value(value: &OsStr) -> Option<Self>;
}

impl FromValue for String {
    fn from_value(value: &OsStr) -> Option<String> {
        value.to_str().map(str::to_owned)
    }
}

impl FromValue for PathBuf {
    fn from_value(value: &OsStr) -> Option<PathBuf> {
        Some(PathBuf::from(value))
    }
}
