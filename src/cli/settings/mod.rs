//! Flags, environment variables and the config file's profile, turned once
//! into the library's types. Highest first: flag, environment variable,
//! profile, built-in default; but a profile named by `--profile` beats
//! environment variables for the keys it sets (see [`Origin::rank`]), with
//! a warning for each variable it so ignores. Every value keeps its
//! [`Origin`], so that an error about it names the flag, variable or
//! profile key to fix, and the library's messages say where the
//! credentials came from ([`Origins`]); `-v` says which source won where
//! two gave a value.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub mod config_file;
mod layers;
pub mod origin;
pub mod secret;
pub mod table;
pub mod values;

use clap::Args;
use log::{info, warn};

use crate::cli::deadline::Deadline;
use zuora_token::{
    CachePolicy, Client, ClientId, Credentials, Endpoint, EntityId, OrgIds, RequestOptions, Result,
    TokenSource, TrackId, Trust, ZuoraVersion,
};

use crate::cli::keyring::KeyringEntry;
use config_file::ConfigFile;
use layers::{Layers, keyring_entry, select_profile, validate};
use origin::{Origin, Origins, Sourced};
use secret::{ConfiguredSecret, SecretSetting};
use table::Setting;
use values::{FromValue, Values};

/// The default of `--timeout`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default of `--retries`.
const DEFAULT_RETRIES: u32 = 3;

/// How a command that fetches uses the cache.
#[derive(Debug, Default, PartialEq, Eq, Args)]
#[command(next_help_heading = "Cache")]
pub struct CacheUse {
    /// Fetch a new token even if a valid one is cached, and cache it.
    #[arg(long, conflicts_with = "no_cache")]
    pub refresh: bool,

    /// Neither read nor write the cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// What the command line and the environment say, before the config file
/// is read: the input of every resolution.
#[derive(Debug)]
pub struct Inputs<'a> {
    /// The setting flags given.
    pub flags: &'a Values,
    /// `-q`: no warnings, nor the commands' confirmations.
    pub quiet: bool,
    pub env: &'a Values,
    pub defaults: &'a Defaults,
}

/// Where the config file and the token cache are when no setting names
/// them; `None` where the system names no such directory.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub config_file: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
}

impl Defaults {
    /// In this user's config and cache directories.
    pub fn of_this_user() -> Defaults {
        Defaults {
            config_file: config_file::default_path(),
            cache_dir: directories::BaseDirs::new().map(|d| d.cache_dir().join("zuora-token")),
        }
    }
}

impl Inputs<'_> {
    /// Where tokens come from for the credentials the settings name, used
    /// as `cache` says: everything `get`, `env`, `exec`, `status` and
    /// `cache clear` need, resolved and validated, nothing sent yet.
    pub fn token_source(&self, cache: &CacheUse) -> Result<TokenSource> {
        self.resolve(cache).map(|resolved| resolved.source)
    }

    /// [`Inputs::token_source`], and what it overrode on the way.
    pub fn resolve(&self, cache: &CacheUse) -> Result<Resolved> {
        let timeout = self.timeout()?;
        let retries = self.retries()?;
        // Reading a config file or a secret from a pipe counts too.
        let deadline = Deadline::after(timeout).instant();
        self.with_layers(deadline, |layers| {
            self.resolve_in(layers, cache, timeout, retries)
        })
    }

    /// The keyring entry for the base URL and client id the settings name
    /// (no secret needed), for `login` and `logout`; and the `--timeout`
    /// for the keyring's answer.
    pub fn keyring_entry(&self) -> Result<(KeyringEntry, Duration)> {
        let timeout = self.timeout()?;
        let entry = self.with_layers(Deadline::after(timeout).instant(), |layers| {
            Ok(keyring_entry(
                &layers.endpoint()?.0.value,
                &layers.client_id()?.value,
            ))
        })?;
        Ok((entry, timeout))
    }

    /// Runs `then` on the layers the settings give: the config file read
    /// (within `deadline`) and its profile selected.
    fn with_layers<T>(
        &self,
        deadline: Instant,
        then: impl FnOnce(Layers<'_>) -> Result<T>,
    ) -> Result<T> {
        let named = self.pick::<PathBuf>(Setting::Config);
        let looked_at = named
            .as_ref()
            .map(|p| p.value.clone())
            .or_else(|| self.defaults.config_file.clone());
        let file = self.load_config(named, deadline)?;
        let profile = select_profile(
            self.pick(Setting::Profile),
            file.as_ref(),
            looked_at.as_deref(),
        )?;
        if let Some(p) = &profile {
            info!("using profile '{}' of {}", p.name, p.file.display());
        }
        then(Layers {
            inputs: self,
            profile,
            overridden: Default::default(),
        })
    }

    /// [`Inputs::resolve`] on the layers.
    fn resolve_in(
        &self,
        layers: Layers<'_>,
        cache: &CacheUse,
        timeout: Duration,
        retries: u32,
    ) -> Result<Resolved> {
        let (endpoint, token_url) = layers.endpoint()?;
        let client_id = layers.client_id()?;
        let secret_setting = layers.secret_setting(&endpoint.value, &client_id.value)?;
        let entity_id = layers.parsed(Setting::EntityId, "entity id", EntityId::parse)?;
        let track_id = layers.parsed(Setting::TrackId, "track id", TrackId::parse)?;
        let org_ids = layers.parsed(Setting::OrgIds, "org ids", OrgIds::parse)?;
        let zuora_version =
            layers.parsed(Setting::ZuoraVersion, "Zuora version", ZuoraVersion::parse)?;
        let min_ttl = layers.min_ttl()?;
        let ca_bundle = layers.first(Setting::CaBundle);
        say_where_credentials_come_from(&endpoint, token_url.as_ref(), &client_id, &secret_setting);

        let secret = ConfiguredSecret {
            setting: secret_setting.value.clone(),
            origin: secret_setting.origin.clone(),
        };
        let origins = Origins {
            client_id: client_id.origin,
            secret: secret_setting.map(|s| s.describe()),
            base_url: endpoint.origin,
            token_url,
            ca_bundle: ca_bundle.as_ref().map(|b| b.origin.clone()),
            min_ttl: min_ttl.origin,
        };
        let options = RequestOptions {
            entity_id,
            retries,
            timeout,
            trust: ca_bundle.map_or(Trust::System, |b| Trust::Bundle(b.value)),
        };
        let client = Client::new(endpoint.value)
            .with_options(options)
            .with_provenance(Arc::new(origins));
        let policy = self.cache_policy(cache).with_min_ttl(min_ttl.value);
        let mut source =
            TokenSource::new(client, Credentials::new(client_id.value, secret)).with_cache(policy);
        if let Some(track_id) = track_id {
            source = source.with_track_id(track_id);
        }
        if let Some(org_ids) = org_ids {
            source = source.with_org_ids(org_ids);
        }
        if let Some(version) = zuora_version {
            source = source.with_zuora_version(version);
        }
        Ok(Resolved {
            source,
            overridden: layers.overridden.into_inner(),
        })
    }

    /// The cache directory: `--cache-dir`, `ZUORA_TOKEN_CACHE_DIR`, else
    /// `<user cache dir>/zuora-token`; `None` if the system names no cache
    /// dir. Commands that need no credentials use this alone.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        self.pick(Setting::CacheDir)
            .map(|dir| dir.value)
            .or_else(|| self.defaults.cache_dir.clone())
    }

    /// The config file as the settings name it, for `profiles`: its path
    /// (even if there is no file there), and the file if there is one.
    pub fn config_file(&self) -> Result<(Option<PathBuf>, Option<ConfigFile>)> {
        let named = self.pick::<PathBuf>(Setting::Config);
        let path = named
            .as_ref()
            .map(|p| p.value.clone())
            .or_else(|| self.defaults.config_file.clone());
        let deadline = Deadline::after(self.timeout()?).instant();
        Ok((path, self.load_config(named, deadline)?))
    }

    /// The flag, else the environment variable, of `setting`.
    pub fn pick<T: FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        self.flag(setting).or_else(|| self.env_var(setting))
    }

    /// The flag of `setting`, if given.
    fn flag<T: FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        let value = self.flags.get(setting)?;
        Some(Sourced::new(value, Origin::Flag(setting)))
    }

    /// The environment variable of `setting`, if set.
    fn env_var<T: FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        let value = self.env.get(setting)?;
        Some(Sourced::new(value, Origin::Env(setting)))
    }

    /// Loads the config file: the one named by `--config`/`ZUORA_TOKEN_CONFIG`,
    /// else the default one if it exists.
    fn load_config(
        &self,
        named: Option<Sourced<PathBuf>>,
        deadline: Instant,
    ) -> Result<Option<ConfigFile>> {
        let default = || {
            Some(Sourced::new(
                self.defaults.config_file.clone()?,
                Origin::Default,
            ))
        };
        let path = named.or_else(default);
        let file = match path {
            Some(path) => ConfigFile::load(&path.value, &path.origin, deadline)?,
            None => None,
        };
        if let Some(file) = file.as_ref().filter(|f| f.exposes_secret) {
            let path = file.path.display();
            warn!(
                "{path} holds a client secret and other users can read it; run: chmod 600 {path}"
            );
        }
        Ok(file)
    }

    fn timeout(&self) -> Result<Duration> {
        match self.pick(Setting::Timeout) {
            Some(t) => Ok(validate(t, "timeout", parse_timeout)?.value),
            None => Ok(DEFAULT_TIMEOUT),
        }
    }

    fn retries(&self) -> Result<u32> {
        match self.pick(Setting::Retries) {
            Some(n) => Ok(validate(n, "retry count", parse_retries)?.value),
            None => Ok(DEFAULT_RETRIES),
        }
    }

    /// How the cache is used: as the command's flags say, in the cache
    /// directory, which `-v` tells.
    fn cache_policy(&self, cache: &CacheUse) -> CachePolicy {
        if cache.no_cache {
            info!("cache: not used (--no-cache)");
            return CachePolicy::off();
        }
        let Some(dir) = self.cache_dir() else {
            info!("cache: not used (this system names no cache directory)");
            return CachePolicy::off();
        };
        if cache.refresh {
            info!("cache: refresh (--refresh)");
            return CachePolicy::refreshing(dir);
        }
        CachePolicy::in_dir(dir)
    }
}

fn parse_retries(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| *n <= 100)
        .ok_or_else(|| "it must be a whole number from 0 to 100".into())
}

fn parse_timeout(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| "it must be a number of seconds greater than 0".into())
}

/// A value given but not used: `what` was overridden by `by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overridden {
    pub what: Origin,
    pub by: Origin,
}

/// The settings resolved: the token source, and what was overridden (for
/// `status`).
pub struct Resolved {
    pub source: TokenSource,
    pub overridden: Vec<Overridden>,
}

/// Says under `-v` where the endpoint and credentials came from, and warns
/// of a secret on the command line.
fn say_where_credentials_come_from(
    endpoint: &Sourced<Endpoint>,
    token_url: Option<&Origin>,
    client_id: &Sourced<ClientId>,
    secret: &Sourced<SecretSetting>,
) {
    if secret.origin == Origin::Flag(Setting::ClientSecret) {
        warn!(
            "--client-secret puts the secret in the process list, where other users can read it; \
             prefer ZUORA_CLIENT_SECRET, --client-secret-file or a profile"
        );
    }
    info!(
        "base URL {} (from {})",
        endpoint.value.base_url(),
        endpoint.origin
    );
    if let Some(origin) = token_url {
        info!("token URL {} (from {origin})", endpoint.value.token_url());
    }
    info!(
        "client id {:?} (from {})",
        client_id.value.as_str(),
        client_id.origin
    );
    info!(
        "client secret {} (from {})",
        secret.value.describe(),
        secret.origin
    );
}

#[cfg(test)]
mod tests;
