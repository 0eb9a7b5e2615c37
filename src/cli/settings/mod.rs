//! Flags, environment variables and the config file's profile, turned once
//! into the library's types. Highest first: flag, environment variable,
//! profile, built-in default; but a profile named by `--profile` beats
//! environment variables for the keys it sets (see [`Origin::rank`]), with
//! a warning for each variable it so ignores. Every value keeps its
//! [`Origin`], so that an error about it names the flag, variable or
//! profile key to fix, and the library's messages say where the
//! credentials came from ([`Origins`]); `-v` says which source won where
//! two gave a value.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub mod config_file;
pub mod origin;
mod provenance;
pub mod secret;
pub mod table;

use log::{info, warn};

use crate::cli::deadline::Deadline;
use zuora_token::{
    BaseUrl, CachePolicy, ClearTextRefused, Client, ClientId, Credentials, Endpoint, EntityId,
    Environment, Error, OrgIds, RequestOptions, Result, Secret, TokenSource, TokenUrl, TrackId,
    Trust, ZuoraVersion,
};

use crate::cli::args::{CacheUse, SettingsArgs};
use crate::cli::keyring::{self, KeyringEntry};
use config_file::{ConfigFile, Profile};
use origin::{Origin, Sourced};
use provenance::Origins;
use secret::{ConfiguredSecret, SecretSetting};
use table::{FromValue, Setting, Values};

/// The default of `--timeout`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default of `--retries`.
const DEFAULT_RETRIES: u32 = 3;

/// What the command line and the environment say, before the config file
/// is read: the input of every resolution.
#[derive(Debug)]
pub struct Inputs<'a> {
    pub args: &'a SettingsArgs,
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
        let entity_id = layers.parsed(Setting::EntityId, "entity id", EntityId::parse, |p| {
            &p.entity_id
        })?;
        let track_id = layers.parsed(Setting::TrackId, "track id", TrackId::parse, |p| {
            &p.track_id
        })?;
        let org_ids = layers.parsed(Setting::OrgIds, "org ids", OrgIds::parse, |p| &p.org_ids)?;
        let zuora_version = layers.parsed(
            Setting::ZuoraVersion,
            "Zuora version",
            ZuoraVersion::parse,
            |p| &p.zuora_version,
        )?;
        let min_ttl = layers.min_ttl()?;
        let ca_bundle = layers.first(Setting::CaBundle, |p| &p.ca_bundle);
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

    /// The flag or environment variable, of the first of `settings`
    /// given that way, that overrides a profile's value.
    pub fn overriding(&self, settings: &[Setting]) -> Option<Origin> {
        let given = |setting: &Setting| self.pick::<PathBuf>(*setting).map(|s| s.origin);
        settings.iter().find_map(given)
    }

    /// The flag, else the environment variable, of `setting`.
    fn pick<T: FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        self.flag(setting).or_else(|| self.env_var(setting))
    }

    /// The flag of `setting`, if given.
    fn flag<T: FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        let value = self.args.flags.get(setting)?;
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

fn parse_min_ttl(text: &str) -> Result<Duration, String> {
    text.parse::<u64>()
        .map(Duration::from_secs)
        .map_err(|_| "it must be a whole number of seconds, 0 or more".into())
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

/// The selected profile, with what is needed to name it in messages.
struct SelectedProfile<'a> {
    name: String,
    profile: &'a Profile,
    file: &'a Path,
    /// Named by `--profile`: its keys beat environment variables.
    named_by_flag: bool,
}

/// The layers a setting can come from besides its default.
struct Layers<'a> {
    inputs: &'a Inputs<'a>,
    profile: Option<SelectedProfile<'a>>,
    /// Each value given but not used, with the one used instead.
    overridden: std::cell::RefCell<Vec<Overridden>>,
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

impl Layers<'_> {
    fn in_profile<T: Clone>(
        &self,
        key: &'static str,
        get: impl Fn(&Profile) -> &Option<T>,
    ) -> Option<Sourced<T>> {
        let p = self.profile.as_ref()?;
        let origin = Origin::Profile {
            key,
            profile: p.name.clone(),
            file: p.file.to_owned(),
            named_by_flag: p.named_by_flag,
        };
        get(p.profile).clone().map(|v| Sourced::new(v, origin))
    }

    /// The value of `setting` from the highest of the layers that give
    /// one: its flag, its environment variable, its key in the profile.
    fn first<T: Clone + PartialEq + FromValue>(
        &self,
        setting: Setting,
        get: impl Fn(&Profile) -> &Option<T>,
    ) -> Option<Sourced<T>> {
        let in_profile = setting
            .profile_key()
            .and_then(|key| self.in_profile(key, get));
        self.choose(vec![
            self.inputs.flag(setting),
            self.inputs.env_var(setting),
            in_profile,
        ])
    }

    /// The value of `setting` from the first layer that gives one, parsed
    /// as `parse` says; an invalid one is an error naming `what` and where
    /// it came from.
    fn parsed<T>(
        &self,
        setting: Setting,
        what: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
        get: impl Fn(&Profile) -> &Option<String>,
    ) -> Result<Option<T>> {
        self.first(setting, get)
            .map(|value| validate(value, what, parse).map(|v| v.value))
            .transpose()
    }

    /// Where tokens are asked for: https, or plain http to this machine
    /// only, at the base URL's `/oauth/token` unless a token URL names
    /// another endpoint. The endpoint comes with the base URL's origin, and
    /// the token URL's origin if one was given.
    fn endpoint(&self) -> Result<(Sourced<Endpoint>, Option<Origin>)> {
        let url = self.base_url()?;
        let endpoint = Endpoint::new(url.value).map_err(|r| clear_text(r, &url.origin))?;
        let Some(token_url) = self.first(Setting::TokenUrl, |p| &p.token_url) else {
            return Ok((Sourced::new(endpoint, url.origin), None));
        };
        let token_url = validate(token_url, "token URL", TokenUrl::parse)?;
        let endpoint = endpoint
            .with_token_url(token_url.value)
            .map_err(|r| clear_text(r, &token_url.origin))?;
        Ok((Sourced::new(endpoint, url.origin), Some(token_url.origin)))
    }

    /// The base URL, from a base URL or an environment name: whichever was
    /// given at the higher level wins, and at the same level the base URL does.
    fn base_url(&self) -> Result<Sourced<BaseUrl>> {
        let url = self.first(Setting::BaseUrl, |p| &p.base_url);
        let env = self.first(Setting::Environment, |p| &p.environment);
        if let (Some(url), Some(env)) = (&url, &env) {
            let named = Environment::find(&env.value).map(|e| e.base_url);
            let differs = BaseUrl::parse(&url.value).ok().map(|u| u.to_string())
                != named
                    .and_then(|n| BaseUrl::parse(n).ok())
                    .map(|u| u.to_string());
            match env.origin.rank() < url.origin.rank() {
                true => self.overrides(&env.origin, &url.origin, differs),
                false => self.overrides(&url.origin, &env.origin, differs),
            }
        }
        match (url, env) {
            (Some(url), Some(env)) if env.origin.rank() < url.origin.rank() => environment(env),
            (Some(url), _) => validate(url, "base URL", BaseUrl::parse),
            (None, Some(env)) => environment(env),
            (None, None) => Ok(Sourced::new(
                Endpoint::of(Environment::DEFAULT).base_url().clone(),
                Origin::Default,
            )),
        }
    }

    fn client_id(&self) -> Result<Sourced<ClientId>> {
        match self.first(Setting::ClientId, |p| &p.client_id) {
            Some(id) if id.value.is_empty() => Err(Error::usage(format!(
                "the client id from {} is empty",
                id.origin
            ))),
            Some(id) => Ok(id.map(ClientId::new)),
            None => Err(
                Error::usage("no client id given").with_hint(self.missing_hint(
                    &format!(
                        "pass {}, set {}",
                        Origin::Flag(Setting::ClientId),
                        Setting::ClientId.env_var()
                    ),
                    "client_id",
                )),
            ),
        }
    }

    /// The one secret source to read: the highest level wins, and two sources
    /// at the same level are an error rather than a guess. With none, the
    /// keyring's entry for `endpoint` and `client_id`, as `gh` falls back
    /// to its keyring (unless the profile says `client_secret_keyring =
    /// false`, or this build has no keyring).
    fn secret_setting(
        &self,
        endpoint: &Endpoint,
        client_id: &ClientId,
    ) -> Result<Sourced<SecretSetting>> {
        let inputs = self.inputs;
        let in_keyring = || SecretSetting::Keyring(keyring_entry(endpoint, client_id));
        let keyring_key = self.in_profile("client_secret_keyring", |p| &p.client_secret_keyring);
        let fallback = keyring::BUILT_IN && keyring_key.as_ref().is_none_or(|k| k.value);
        let inline = |s: Sourced<String>| s.map(|s| SecretSetting::Inline(Secret::new(s)));
        let mut candidates: Vec<Sourced<SecretSetting>> = [
            inputs.flag(Setting::ClientSecret).map(inline),
            inputs.env_var(Setting::ClientSecret).map(inline),
            inputs
                .flag(Setting::ClientSecretFile)
                .map(|s| s.map(SecretSetting::File)),
            inputs
                .env_var(Setting::ClientSecretFile)
                .map(|s| s.map(SecretSetting::File)),
            self.in_profile("client_secret", |p| &p.client_secret)
                .map(|s| s.map(SecretSetting::Inline)),
            self.in_profile("client_secret_file", |p| &p.client_secret_file)
                .map(|s| s.map(SecretSetting::File)),
            self.in_profile("client_secret_command", |p| &p.client_secret_command)
                .map(|s| s.map(SecretSetting::Command)),
            keyring_key
                .filter(|k| k.value)
                .map(|k| k.map(|_| in_keyring())),
        ]
        .into_iter()
        .flatten()
        .collect();
        candidates.sort_by_key(|c| c.origin.rank());
        match candidates.as_slice() {
            [] if fallback => Ok(Sourced::new(in_keyring(), Origin::Default)),
            [] => Err(
                Error::usage("no client secret given").with_hint(self.missing_hint(
                    &format!(
                        "set {}, pass {} PATH",
                        Setting::ClientSecret.env_var(),
                        Origin::Flag(Setting::ClientSecretFile)
                    ),
                    "client_secret_command, client_secret_file or client_secret",
                )),
            ),
            [first, second, ..] if first.origin.rank() == second.origin.rank() => {
                Err(Error::usage(format!(
                    "the client secret is given twice, by {} and by {}; keep one",
                    first.origin, second.origin
                )))
            }
            [winner, overridden @ ..] => {
                overridden
                    .iter()
                    .for_each(|o| self.overrides(&winner.origin, &o.origin, true));
                Ok(candidates.swap_remove(0))
            }
        }
    }

    fn min_ttl(&self) -> Result<Sourced<Duration>> {
        let in_profile = self
            .in_profile("min_ttl", |p| &p.min_ttl)
            .map(|ttl| ttl.map(|seconds| seconds.to_string()));
        let chosen = self.choose(vec![
            self.inputs.flag(Setting::MinTtl),
            self.inputs.env_var(Setting::MinTtl),
            in_profile,
        ]);
        match chosen {
            Some(ttl) => validate(ttl, "minimum TTL", parse_min_ttl),
            None => Ok(Sourced::new(CachePolicy::DEFAULT_MIN_TTL, Origin::Default)),
        }
    }

    /// The value of the highest-ranked of `candidates` (see
    /// [`Origin::rank`]), noting what it overrides.
    fn choose<T: PartialEq>(&self, candidates: Vec<Option<Sourced<T>>>) -> Option<Sourced<T>> {
        let mut given: Vec<Sourced<T>> = candidates.into_iter().flatten().collect();
        given.sort_by_key(|value| value.origin.rank());
        let mut given = given.into_iter();
        let winner = given.next()?;
        for overridden in given {
            let differs = overridden.value != winner.value;
            self.overrides(&winner.origin, &overridden.origin, differs);
        }
        Some(winner)
    }

    /// Notes that the value from `winner` is used, not the one from
    /// `overridden`, and says so: a warning where a profile named by
    /// `--profile` makes an environment variable with another value be
    /// ignored (the user may not know it is set: `eval "$(zuora-token env
    /// -p other)"` leaves `ZUORA_BASE_URL`), else under `-v`.
    fn overrides(&self, winner: &Origin, overridden: &Origin, differs: bool) {
        match (winner, overridden) {
            (
                Origin::Profile {
                    named_by_flag: true,
                    profile,
                    key,
                    ..
                },
                Origin::Env(setting),
            ) if differs => warn!(
                "ignoring {}: --profile {profile} sets `{key}`",
                setting.env_var()
            ),
            _ => info!("{overridden} is overridden by {winner}"),
        }
        self.overridden.borrow_mut().push(Overridden {
            what: overridden.clone(),
            by: winner.clone(),
        });
    }

    /// Says how to supply a missing setting, naming the profile in use if any.
    fn missing_hint(&self, ways: &str, key: &str) -> String {
        match &self.profile {
            Some(p) => format!(
                "{ways}, or add {key} to profile '{}' in {}",
                p.name,
                p.file.display()
            ),
            None => {
                format!("{ways}, or add {key} to a profile in the config file (--profile NAME)")
            }
        }
    }
}

/// The usage error for a URL that would take the secret across a network
/// in clear text, naming where it came from.
fn clear_text(refused: ClearTextRefused, origin: &Origin) -> Error {
    Error::usage(format!("{refused} (from {origin})")).with_hint(
        "use https://; plain http:// is allowed only to localhost and loopback addresses",
    )
}

/// The keyring entry of `client_id` at `endpoint`'s base URL.
fn keyring_entry(endpoint: &Endpoint, client_id: &ClientId) -> KeyringEntry {
    KeyringEntry {
        base_url: endpoint.base_url().to_string(),
        client_id: client_id.as_str().to_owned(),
    }
}

fn environment(name: Sourced<String>) -> Result<Sourced<BaseUrl>> {
    match Environment::find(&name.value) {
        Some(env) => Ok(Sourced::new(
            Endpoint::of(env).base_url().clone(),
            name.origin,
        )),
        None => Err(Error::usage(format!(
            "unknown environment {:?} from {}",
            name.value, name.origin
        ))
        .with_hint(format!(
            "valid names (or their aliases):\n{}",
            environment_table()
        ))),
    }
}

/// The valid environment names as a table, one a line, for an error message.
fn environment_table() -> String {
    Environment::ALL
        .iter()
        .map(|e| {
            format!(
                "  {:<8} {:<22} {} ({})",
                e.name, e.alias, e.description, e.base_url
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
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

/// Parses a value, turning a failure into a usage error that names the setting
/// and where it came from.
fn validate<T>(
    value: Sourced<String>,
    what: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Sourced<T>> {
    match parse(&value.value) {
        Ok(parsed) => Ok(Sourced::new(parsed, value.origin)),
        Err(why) => Err(Error::usage(format!(
            "invalid {what} {:?} from {}: {why}",
            value.value, value.origin
        ))),
    }
}

/// The profile named by `--profile`/`ZUORA_PROFILE`, else the file's
/// `default_profile`, else none.
fn select_profile<'a>(
    named: Option<Sourced<String>>,
    file: Option<&'a ConfigFile>,
    looked_at: Option<&Path>,
) -> Result<Option<SelectedProfile<'a>>> {
    let default = file.and_then(|f| {
        let name = f.default_profile.clone()?;
        let origin = Origin::File {
            key: "default_profile",
            file: f.path.clone(),
        };
        Some(Sourced::new(name, origin))
    });
    let Some(name) = named.or(default) else {
        return Ok(None);
    };
    let Some(file) = file else {
        let place = looked_at.map_or(String::new(), |p| format!(" at {}", p.display()));
        return Err(Error::usage(format!(
            "profile '{}' (from {}) not found: there is no config file{place}",
            name.value, name.origin
        ))
        .with_hint("create one (see zuora-token.example.toml) or pass --config PATH"));
    };
    match file.profiles.get(&name.value) {
        Some(profile) => Ok(Some(SelectedProfile {
            named_by_flag: matches!(name.origin, Origin::Flag(_)),
            name: name.value,
            profile,
            file: &file.path,
        })),
        None => Err(Error::usage(format!(
            "profile '{}' (from {}) is not in {}; {}",
            name.value,
            name.origin,
            file.path.display(),
            file.profile_names()
        ))),
    }
}

#[cfg(test)]
mod tests;
