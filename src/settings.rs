//! Flags, environment variables and the config file's profile, merged into one
//! validated [`Settings`]. Highest first: flag, environment variable, profile,
//! built-in default. Every value keeps its [`Origin`] so that an error about it
//! names the flag, variable or profile key to fix.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::cli::SettingsArgs;
use crate::config_file::{self, ConfigFile, Profile};
use crate::diag::Diag;
use crate::environments;
use crate::error::{Error, Result};
use crate::ids::{BaseUrl, EntityId, TrackId};
use crate::origin::{Origin, Sourced, env_name};
use crate::secret::{Secret, SecretSource};

/// Everything a command needs, validated.
#[derive(Debug)]
pub struct Settings {
    pub base_url: Sourced<BaseUrl>,
    pub client_id: Sourced<String>,
    pub secret: Secret,
    /// Where the secret came from, as configured (never the secret itself).
    pub secret_source: Sourced<SecretSource>,
    pub entity_id: Option<EntityId>,
    pub track_id: Option<TrackId>,
    /// Where tokens are cached; `None` when there is no cache directory.
    pub cache_dir: Option<PathBuf>,
    /// A cached token is handed out only while it has this long left.
    pub min_ttl: Sourced<Duration>,
    /// When the command must be done by, waits included.
    pub deadline: Instant,
    pub timeout: Duration,
    /// How many times a retryable failure is retried.
    pub retries: u32,
    /// PEM certificates to trust instead of the system's.
    pub ca_bundle: Option<Sourced<PathBuf>>,
    pub diag: Diag,
}

/// The default of `--min-ttl`: Zuora's own guide refreshes 5 minutes early.
const DEFAULT_MIN_TTL: Duration = Duration::from_secs(300);

/// The default of `--timeout`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default of `--retries`.
const DEFAULT_RETRIES: u32 = 3;

impl Settings {
    /// Resolves the settings. `matches` are the parsed arguments `args` came
    /// from; they tell a flag from its environment variable.
    pub fn resolve(args: &SettingsArgs, matches: &ArgMatches) -> Result<Settings> {
        let started = Instant::now();
        let diag = diag(args);
        let cli = Cli(matches);
        let timeout = match cli.pick(&args.timeout, "timeout") {
            Some(t) => validate(t, "timeout", parse_timeout)?.value,
            None => DEFAULT_TIMEOUT,
        };
        let retries = match cli.pick(&args.retries, "retries") {
            Some(n) => validate(n, "retry count", parse_retries)?.value,
            None => DEFAULT_RETRIES,
        };
        let file = load_config(cli.pick(&args.config, "config"), diag)?;
        let profile = select_profile(cli.pick(&args.profile, "profile"), file.as_ref())?;
        let layers = Layers { args, cli, profile };
        if let Some(p) = &layers.profile {
            diag.info(format_args!(
                "using profile '{}' of {}",
                p.name,
                p.file.display()
            ));
        }

        let base_url = layers.base_url()?;
        let client_id = layers.client_id()?;
        let secret_source = layers.secret_source()?;
        let secret = secret_source.value.read(&secret_source.origin)?;
        let entity_id = layers
            .first(&args.entity_id, "entity_id", |p| &p.entity_id)
            .map(|v| validate(v, "entity id", EntityId::parse).map(|v| v.value))
            .transpose()?;
        let track_id = layers
            .first(&args.track_id, "track_id", |p| &p.track_id)
            .map(|v| validate(v, "track id", TrackId::parse).map(|v| v.value))
            .transpose()?;
        let min_ttl = match cli.pick(&args.min_ttl, "min_ttl") {
            Some(ttl) => validate(ttl, "minimum TTL", parse_min_ttl)?,
            None => layers
                .in_profile("min_ttl", |p| &p.min_ttl)
                .map(|ttl| ttl.map(Duration::from_secs))
                .unwrap_or(Sourced::new(DEFAULT_MIN_TTL, Origin::Default)),
        };

        if secret_source.origin == Origin::Flag("client_secret") {
            diag.warn(
                "--client-secret puts the secret in the process list, where other users can read it; \
                 prefer ZUORA_CLIENT_SECRET, --client-secret-file or a profile",
            );
        }
        diag.info(format_args!(
            "base URL {} (from {})",
            base_url.value, base_url.origin
        ));
        diag.info(format_args!(
            "client id {:?} (from {})",
            client_id.value, client_id.origin
        ));
        diag.info(format_args!(
            "client secret {} (from {})",
            secret_source.value.describe(),
            secret_source.origin
        ));
        Ok(Settings {
            base_url,
            client_id,
            secret,
            secret_source,
            entity_id,
            track_id,
            cache_dir: cache_dir(args, matches),
            min_ttl,
            deadline: started + timeout,
            timeout,
            retries,
            ca_bundle: layers.first(&args.ca_bundle, "ca_bundle", |p| &p.ca_bundle),
            diag,
        })
    }
}

/// Where a secret given by flag or environment variable comes from, if one
/// is: it beats every profile's.
pub fn secret_override(args: &SettingsArgs, matches: &ArgMatches) -> Option<Origin> {
    let cli = Cli(matches);
    let inline = cli
        .pick(&args.client_secret, "client_secret")
        .map(|s| s.origin);
    inline.or_else(|| {
        cli.pick(&args.client_secret_file, "client_secret_file")
            .map(|s| s.origin)
    })
}

/// The stderr reporter the flags ask for.
pub fn diag(args: &SettingsArgs) -> Diag {
    Diag::new(args.verbose, args.quiet)
}

/// The cache directory: `--cache-dir`, `ZUORA_TOKEN_CACHE_DIR`, else
/// `<user cache dir>/zuora-token`; `None` if the system names no cache dir.
/// Commands that need no credentials use this alone.
pub fn cache_dir(args: &SettingsArgs, matches: &ArgMatches) -> Option<PathBuf> {
    Cli(matches)
        .pick(&args.cache_dir, "cache_dir")
        .map(|dir| dir.value)
        .or_else(|| {
            Some(
                directories::BaseDirs::new()?
                    .cache_dir()
                    .join("zuora-token"),
            )
        })
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

/// Values from the command line, where clap knows whether it read the flag
/// or its environment variable.
#[derive(Clone, Copy)]
struct Cli<'a>(&'a ArgMatches);

impl Cli<'_> {
    /// The value of argument `id`. An empty environment variable counts as
    /// unset, as CI systems set a missing secret to "".
    fn pick<T: Clone>(self, value: &Option<T>, id: &'static str) -> Option<Sourced<T>> {
        let origin = match self.0.value_source(id) {
            Some(ValueSource::EnvVariable) if self.0.get_raw(id)?.all(|v| v.is_empty()) => {
                return None;
            }
            Some(ValueSource::EnvVariable) => Origin::Env(id),
            _ => Origin::Flag(id),
        };
        value.clone().map(|v| Sourced::new(v, origin))
    }
}

/// The selected profile, with what is needed to name it in messages.
struct SelectedProfile<'a> {
    name: String,
    profile: &'a Profile,
    file: &'a Path,
}

/// The two layers a setting can come from besides its default.
struct Layers<'a> {
    args: &'a SettingsArgs,
    cli: Cli<'a>,
    profile: Option<SelectedProfile<'a>>,
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
        };
        get(p.profile).clone().map(|v| Sourced::new(v, origin))
    }

    /// The flag or environment variable `id`, else the profile key of the same name.
    fn first<T: Clone>(
        &self,
        value: &Option<T>,
        id: &'static str,
        get: impl Fn(&Profile) -> &Option<T>,
    ) -> Option<Sourced<T>> {
        self.cli
            .pick(value, id)
            .or_else(|| self.in_profile(id, get))
    }

    /// The base URL: https, or plain http to this machine only.
    fn base_url(&self) -> Result<Sourced<BaseUrl>> {
        let url = self.endpoint()?;
        if url.value.is_https() || url.value.is_loopback() {
            return Ok(url);
        }
        Err(Error::usage(format!(
            "refusing to send the client secret in clear text to {} (from {})",
            url.value, url.origin
        ))
        .with_hint(
            "use https://; plain http:// is allowed only to localhost and loopback addresses",
        ))
    }

    /// The base URL, from a base URL or an environment name: whichever was
    /// given at the higher level wins, and at the same level the base URL does.
    fn endpoint(&self) -> Result<Sourced<BaseUrl>> {
        let url = self.first(&self.args.base_url, "base_url", |p| &p.base_url);
        let env = self.first(&self.args.environment, "environment", |p| &p.environment);
        match (url, env) {
            (Some(url), Some(env)) if env.origin.rank() < url.origin.rank() => environment(env),
            (Some(url), _) => validate(url, "base URL", BaseUrl::parse),
            (None, Some(env)) => environment(env),
            (None, None) => Ok(Sourced::new(
                BaseUrl::parse(environments::DEFAULT_BASE_URL)
                    .expect("the default base URL is valid"),
                Origin::Default,
            )),
        }
    }

    fn client_id(&self) -> Result<Sourced<String>> {
        let id = self.first(&self.args.client_id, "client_id", |p| &p.client_id);
        match id {
            Some(id) if id.value.is_empty() => Err(Error::usage(format!(
                "the client id from {} is empty",
                id.origin
            ))),
            Some(id) => Ok(id),
            None => Err(
                Error::usage("no client id given").with_hint(self.missing_hint(
                    &format!(
                        "pass {}, set {}",
                        Origin::Flag("client_id"),
                        env_name("client_id")
                    ),
                    "client_id",
                )),
            ),
        }
    }

    /// The one secret source to read: the highest level wins, and two sources
    /// at the same level are an error rather than a guess.
    fn secret_source(&self) -> Result<Sourced<SecretSource>> {
        let mut candidates: Vec<Sourced<SecretSource>> = [
            self.cli
                .pick(&self.args.client_secret, "client_secret")
                .map(|s| s.map(|s| SecretSource::Inline(Secret::new(s)))),
            self.cli
                .pick(&self.args.client_secret_file, "client_secret_file")
                .map(|s| s.map(SecretSource::File)),
            self.in_profile("client_secret", |p| &p.client_secret)
                .map(|s| s.map(SecretSource::Inline)),
            self.in_profile("client_secret_file", |p| &p.client_secret_file)
                .map(|s| s.map(SecretSource::File)),
            self.in_profile("client_secret_command", |p| &p.client_secret_command)
                .map(|s| s.map(SecretSource::Command)),
        ]
        .into_iter()
        .flatten()
        .collect();
        candidates.sort_by_key(|c| c.origin.rank());
        match candidates.as_slice() {
            [] => Err(
                Error::usage("no client secret given").with_hint(self.missing_hint(
                    &format!(
                        "set {}, pass {} PATH",
                        env_name("client_secret"),
                        Origin::Flag("client_secret_file")
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
            _ => Ok(candidates.swap_remove(0)),
        }
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

fn environment(name: Sourced<String>) -> Result<Sourced<BaseUrl>> {
    match environments::find(&name.value) {
        Some(env) => Ok(Sourced::new(
            BaseUrl::parse(env.base_url).expect("the environments table holds valid URLs"),
            name.origin,
        )),
        None => Err(Error::usage(format!(
            "unknown environment {:?} from {}",
            name.value, name.origin
        ))
        .with_hint(format!(
            "valid names (or their aliases):\n{}",
            environments::table()
        ))),
    }
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

/// Loads the config file: the one named by `--config`/`ZUORA_TOKEN_CONFIG`,
/// else `<user config dir>/zuora-token/config.toml` if it exists.
fn load_config(named: Option<Sourced<PathBuf>>, diag: Diag) -> Result<Option<ConfigFile>> {
    let path = named.or_else(|| Some(Sourced::new(config_file::default_path()?, Origin::Default)));
    let file = match path {
        Some(path) => ConfigFile::load(&path.value, &path.origin)?,
        None => None,
    };
    if let Some(file) = file.as_ref().filter(|f| f.exposes_secret) {
        let path = file.path.display();
        diag.warn(format_args!(
            "{path} holds a client secret and other users can read it; run: chmod 600 {path}"
        ));
    }
    Ok(file)
}

/// The config file as the settings name it, for `profiles`: its path (even
/// if there is none there), and the file if there is.
pub fn config_file(
    args: &SettingsArgs,
    matches: &ArgMatches,
) -> Result<(Option<PathBuf>, Option<ConfigFile>)> {
    let named = Cli(matches).pick(&args.config, "config");
    let path = named
        .as_ref()
        .map(|p| p.value.clone())
        .or_else(config_file::default_path);
    Ok((path, load_config(named, diag(args))?))
}

/// The profile named by `--profile`/`ZUORA_PROFILE`, else the file's
/// `default_profile`, else none.
fn select_profile<'a>(
    named: Option<Sourced<String>>,
    file: Option<&'a ConfigFile>,
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
        return Err(Error::usage(format!(
            "profile '{}' (from {}) not found: there is no config file",
            name.value, name.origin
        ))
        .with_hint("create one (see zuora-token.example.toml) or pass --config PATH"));
    };
    match file.profiles.get(&name.value) {
        Some(profile) => Ok(Some(SelectedProfile {
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
