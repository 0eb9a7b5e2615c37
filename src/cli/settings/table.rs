//! The settings table: one row per setting, saying its flag, environment
//! variable, profile key, help and the type of its value. The clap
//! arguments (`args`), the fast reader (`args/fast.rs`), the config file's
//! keys (`config_file`), the man page's ENVIRONMENT and `docs/settings.md`
//! are all made from it, so a new setting is one row (and its tests, and
//! the line that uses its value).
//! The values each layer gives are in `values.rs`.

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

/// What a setting's value is: how it is read from a flag or variable, and
/// what TOML type its profile key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text; a TOML string.
    Text,
    /// The client secret: text that no message quotes; a TOML string.
    Secret,
    /// A path (any bytes); a TOML string, relative to the config file.
    Path,
    /// A whole number of seconds; a TOML integer.
    WholeSeconds,
    /// A number of seconds, fractions allowed (no profile key).
    Seconds,
    /// A count (no profile key).
    Count,
    /// `true` or `false`; a TOML boolean (profile keys only).
    Bool,
}

impl Kind {
    /// The kind as the docs' table says it.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Secret => "secret text",
            Kind::Path => "path",
            Kind::WholeSeconds => "whole seconds",
            Kind::Seconds => "seconds",
            Kind::Count => "count",
            Kind::Bool => "true or false",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// The long flag, without `--`.
    pub flag: &'static str,
    /// The short flag, for the two settings typed most.
    pub short: Option<char>,
    pub env_var: &'static str,
    /// The key of a profile in the config file that gives it too, if any.
    pub profile_key: Option<&'static str>,
    /// The name of the value in the help.
    pub value_name: &'static str,
    pub kind: Kind,
    /// The help, without the variable (`Setting::help` adds it).
    pub help: &'static str,
}

/// A key that a profile alone gives: the two sources of the secret that
/// have no flag.
#[derive(Debug, Clone, Copy)]
pub struct ProfileOnly {
    pub key: &'static str,
    pub kind: Kind,
    pub help: &'static str,
}

/// The keys of a profile that no flag or variable gives.
pub const PROFILE_ONLY: [ProfileOnly; 2] = [
    ProfileOnly {
        key: "client_secret_command",
        kind: Kind::Text,
        help: "A shell command that prints the client secret (a password manager's); \
               run only when a token is to be fetched",
    },
    ProfileOnly {
        key: "client_secret_keyring",
        kind: Kind::Bool,
        help: "true: the secret is in the OS keyring (`zuora-token login`); false: never \
               look there [default: look there when nothing else names a secret]",
    },
];

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

    /// The setting's row.
    pub const fn row(self) -> Row {
        use Kind::*;
        const fn row(
            flag: &'static str,
            env_var: &'static str,
            profile_key: Option<&'static str>,
            (value_name, kind): (&'static str, Kind),
            help: &'static str,
        ) -> Row {
            Row {
                flag,
                short: None,
                env_var,
                profile_key,
                value_name,
                kind,
                help,
            }
        }
        match self {
            Setting::Profile => Row {
                short: Some('p'),
                ..row(
                    "profile",
                    "ZUORA_PROFILE",
                    None,
                    ("NAME", Text),
                    "Profile to use from the config file [default: the file's `default_profile`]",
                )
            },
            Setting::Config => row(
                "config",
                "ZUORA_TOKEN_CONFIG",
                None,
                ("PATH", Path),
                "Config file [default: <user config dir>/zuora-token/config.toml]",
            ),
            Setting::ClientId => row(
                "client-id",
                "ZUORA_CLIENT_ID",
                Some("client_id"),
                ("ID", Text),
                "OAuth client id (36 characters, from Zuora's OAuth clients page)",
            ),
            Setting::ClientSecret => row(
                "client-secret",
                "ZUORA_CLIENT_SECRET",
                Some("client_secret"),
                ("SECRET", Secret),
                "OAuth client secret. Other users can read it in the process list: prefer \
                 --client-secret-file, the environment variable or a profile",
            ),
            Setting::ClientSecretFile => row(
                "client-secret-file",
                "ZUORA_CLIENT_SECRET_FILE",
                Some("client_secret_file"),
                ("PATH", Path),
                "Read the client secret from this file ('-' for standard input)",
            ),
            Setting::Environment => Row {
                short: Some('e'),
                ..row(
                    "environment",
                    "ZUORA_ENVIRONMENT",
                    Some("environment"),
                    ("NAME", Text),
                    "Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod]",
                )
            },
            Setting::BaseUrl => row(
                "base-url",
                "ZUORA_BASE_URL",
                Some("base_url"),
                ("URL", Text),
                "Base URL of Zuora's REST API; beats --environment given at the same level",
            ),
            Setting::TokenUrl => row(
                "token-url",
                "ZUORA_TOKEN_URL",
                Some("token_url"),
                ("URL", Text),
                "Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora's OneID \
                 clients; the base URL still serves the API calls",
            ),
            Setting::EntityId => row(
                "entity-id",
                "ZUORA_ENTITY_ID",
                Some("entity_id"),
                ("UUID", Text),
                "Entity id (a hyphenated UUID) for multi-entity tenants",
            ),
            Setting::TrackId => row(
                "track-id",
                "ZUORA_TRACK_ID",
                Some("track_id"),
                ("ID", Text),
                "Zuora-Track-Id header to send, for tracing the request with Zuora",
            ),
            Setting::OrgIds => row(
                "org-ids",
                "ZUORA_ORG_IDS",
                Some("org_ids"),
                ("IDS", Text),
                "Zuora-Org-Ids header for API calls (comma-separated org ids), for \
                 multi-org tenants",
            ),
            Setting::ZuoraVersion => row(
                "zuora-version",
                "ZUORA_VERSION",
                Some("zuora_version"),
                ("VERSION", Text),
                "Zuora-Version header for API calls: the v1 API's minor version, e.g. 211.0 or \
                 2024-05-20 [default: the tenant's]",
            ),
            Setting::CacheDir => row(
                "cache-dir",
                "ZUORA_TOKEN_CACHE_DIR",
                None,
                ("PATH", Path),
                "Directory of the token cache [default: <user cache dir>/zuora-token]",
            ),
            Setting::MinTtl => row(
                "min-ttl",
                "ZUORA_TOKEN_MIN_TTL",
                Some("min_ttl"),
                ("SECONDS", WholeSeconds),
                "Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300]",
            ),
            Setting::Timeout => row(
                "timeout",
                "ZUORA_TOKEN_TIMEOUT",
                None,
                ("SECONDS", Seconds),
                "Give up after this long, waits for other processes included [default: 30]",
            ),
            Setting::Retries => row(
                "retries",
                "ZUORA_TOKEN_RETRIES",
                None,
                ("N", Count),
                "Retry rate limits (429), gateway failures (502, 503, 504) and broken \
                 connections this many times [default: 3]",
            ),
            Setting::CaBundle => row(
                "ca-bundle",
                "ZUORA_CA_BUNDLE",
                Some("ca_bundle"),
                ("PATH", Path),
                "Trust exactly the PEM certificates in this file instead of the \
                 operating system's trust store",
            ),
        }
    }

    pub fn flag(self) -> &'static str {
        self.row().flag
    }

    pub fn short(self) -> Option<char> {
        self.row().short
    }

    pub fn env_var(self) -> &'static str {
        self.row().env_var
    }

    pub fn value_name(self) -> &'static str {
        self.row().value_name
    }

    /// The help, ending with the environment variable.
    pub fn help(self) -> String {
        format!("{} [env: {}]", self.row().help, self.env_var())
    }

    pub fn profile_key(self) -> Option<&'static str> {
        self.row().profile_key
    }

    /// Whether the value is a path (any bytes) rather than text (UTF-8).
    pub fn is_path(self) -> bool {
        self.row().kind == Kind::Path
    }
}

/// Every key a profile may hold, with its kind: the settings' keys in the
/// table's order, the secret's profile-only keys after
/// `client_secret_file`.
pub fn profile_keys() -> Vec<(&'static str, Kind)> {
    let mut keys = Vec::new();
    for setting in Setting::ALL {
        let row = setting.row();
        if let Some(key) = row.profile_key {
            keys.push((key, row.kind));
        }
        if setting == Setting::ClientSecretFile {
            keys.extend(PROFILE_ONLY.map(|p| (p.key, p.kind)));
        }
    }
    keys
}
