//! The layers a setting comes from besides its default (flag, environment
//! variable, the selected profile's key), and the choice between them:
//! the highest ranked wins ([`Origin::rank`]), what it overrides is noted,
//! and a bad value is an error that names where it came from.

use std::path::Path;
use std::time::Duration;

use log::{info, warn};
use zuora_token::{
    BaseUrl, CachePolicy, ClearTextRefused, ClientId, Endpoint, Environment, Error, Result, Secret,
    TokenUrl,
};

use super::config_file::{ConfigFile, Profile};
use super::origin::{Origin, Sourced};
use super::secret::SecretSetting;
use super::table::Setting;
use super::values::FromValue;
use super::{Inputs, Overridden};
use crate::cli::keyring::{self, KeyringEntry};

fn parse_min_ttl(text: &str) -> Result<Duration, String> {
    text.parse::<u64>()
        .map(Duration::from_secs)
        .map_err(|_| "it must be a whole number of seconds, 0 or more".into())
}

/// The selected profile, with what is needed to name it in messages.
pub(super) struct SelectedProfile<'a> {
    pub(super) name: String,
    profile: &'a Profile,
    pub(super) file: &'a Path,
    /// Named by `--profile`: its keys beat environment variables.
    named_by_flag: bool,
}

/// The layers a setting can come from besides its default.
pub(super) struct Layers<'a> {
    pub(super) inputs: &'a Inputs<'a>,
    pub(super) profile: Option<SelectedProfile<'a>>,
    /// Each value given but not used, with the one used instead.
    pub(super) overridden: std::cell::RefCell<Vec<Overridden>>,
}

impl Layers<'_> {
    /// The value `get` reads from the selected profile, from its `key`.
    fn in_profile<T>(
        &self,
        key: &'static str,
        get: impl FnOnce(&Profile) -> Option<T>,
    ) -> Option<Sourced<T>> {
        let p = self.profile.as_ref()?;
        let origin = Origin::Profile {
            key,
            profile: p.name.clone(),
            file: p.file.to_owned(),
            named_by_flag: p.named_by_flag,
        };
        get(p.profile).map(|v| Sourced::new(v, origin))
    }

    /// The value of `setting` from the highest of the layers that give
    /// one: its flag, its environment variable, its key in the profile.
    pub(super) fn first<T: PartialEq + FromValue>(&self, setting: Setting) -> Option<Sourced<T>> {
        let in_profile = setting
            .profile_key()
            .and_then(|key| self.in_profile(key, |p| p.get(setting)));
        self.choose(vec![
            self.inputs.flag(setting),
            self.inputs.env_var(setting),
            in_profile,
        ])
    }

    /// The value of `setting` from the first layer that gives one, parsed
    /// as `parse` says; an invalid one is an error naming `what` and where
    /// it came from.
    pub(super) fn parsed<T>(
        &self,
        setting: Setting,
        what: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>> {
        self.first(setting)
            .map(|value| validate(value, what, parse).map(|v| v.value))
            .transpose()
    }

    /// Where tokens are asked for: https, or plain http to this machine
    /// only, at the base URL's `/oauth/token` unless a token URL names
    /// another endpoint. The endpoint comes with the base URL's origin, and
    /// the token URL's origin if one was given.
    pub(super) fn endpoint(&self) -> Result<(Sourced<Endpoint>, Option<Origin>)> {
        let url = self.base_url()?;
        let endpoint = Endpoint::new(url.value).map_err(|r| clear_text(r, &url.origin))?;
        let Some(token_url) = self.first(Setting::TokenUrl) else {
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
        let url = self.first::<String>(Setting::BaseUrl);
        let env = self.first::<String>(Setting::Environment);
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

    pub(super) fn client_id(&self) -> Result<Sourced<ClientId>> {
        match self.first::<String>(Setting::ClientId) {
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
    pub(super) fn secret_setting(
        &self,
        endpoint: &Endpoint,
        client_id: &ClientId,
    ) -> Result<Sourced<SecretSetting>> {
        let inputs = self.inputs;
        let in_keyring = || SecretSetting::Keyring(keyring_entry(endpoint, client_id));
        let keyring_key =
            self.in_profile("client_secret_keyring", |p| p.bool("client_secret_keyring"));
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
            self.in_profile("client_secret", Profile::secret)
                .map(|s| s.map(SecretSetting::Inline)),
            self.in_profile("client_secret_file", |p| p.get(Setting::ClientSecretFile))
                .map(|s| s.map(SecretSetting::File)),
            self.in_profile("client_secret_command", |p| p.text("client_secret_command"))
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
                for o in overridden {
                    self.overrides(&winner.origin, &o.origin, o.value != winner.value);
                }
                Ok(candidates.swap_remove(0))
            }
        }
    }

    pub(super) fn min_ttl(&self) -> Result<Sourced<Duration>> {
        match self.first(Setting::MinTtl) {
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
        // Only another value is overridden (for `status`): the same one
        // from two places is no news.
        if differs {
            self.overridden.borrow_mut().push(Overridden {
                what: overridden.clone(),
                by: winner.clone(),
            });
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

/// The usage error for a URL that would take the secret across a network
/// in clear text, naming where it came from.
fn clear_text(refused: ClearTextRefused, origin: &Origin) -> Error {
    Error::usage(format!("{refused} (from {origin})")).with_hint(
        "use https://; plain http:// is allowed only to localhost and loopback addresses",
    )
}

/// The keyring entry of `client_id` at `endpoint`'s base URL.
pub(super) fn keyring_entry(endpoint: &Endpoint, client_id: &ClientId) -> KeyringEntry {
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

/// Parses a value, turning a failure into a usage error that names the setting
/// and where it came from.
pub(super) fn validate<T>(
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
pub(super) fn select_profile<'a>(
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
