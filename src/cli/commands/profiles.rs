//! `profiles`: the config file's profiles, each with its endpoint, client
//! id and where its secret comes from, never the secret; and which of those
//! a flag or environment variable given now overrides, where its value
//! differs from the profile's.

use std::path::PathBuf;

use zuora_token::{BaseUrl, Environment, Result, Secret, TokenUrl};

use crate::cli::keyring;
use crate::cli::output::{self, OverriddenColumn, ProfileRow, ProfilesReport, Report};
use crate::cli::settings::Inputs;
use crate::cli::settings::config_file::Profile;
use crate::cli::settings::origin::{Origin, Sourced};
use crate::cli::settings::table::Setting;

pub fn run(inputs: &Inputs, format: Report) -> Result<u8> {
    let (path, file) = inputs.config_file()?;
    let given = Given::now(inputs);
    let mut footer: Vec<OverriddenColumn> = Vec::new();
    let rows = file.as_ref().map_or_else(Vec::new, |f| {
        f.profiles
            .iter()
            .map(|(name, p)| {
                let overridden = given.overriding(p);
                for (column, origin) in &overridden {
                    let by = origin.to_string();
                    if !footer.iter().any(|o| o.column == *column && o.by == by) {
                        footer.push(OverriddenColumn {
                            column,
                            by,
                            flag: matches!(origin, Origin::Flag(_)),
                        });
                    }
                }
                ProfileRow {
                    name: name.clone(),
                    default: f.default_profile.as_ref() == Some(name),
                    endpoint: endpoint(p),
                    client_id: p.get(Setting::ClientId),
                    entity_id: p.get(Setting::EntityId),
                    secret: secret(p),
                    overridden: overridden.into_iter().map(|(column, _)| column).collect(),
                }
            })
            .collect()
    });
    let report = ProfilesReport {
        config_file: path.map(|p| p.display().to_string()),
        found: file.is_some(),
        default_profile: file.as_ref().and_then(|f| f.default_profile.clone()),
        exposes_secret: file.as_ref().is_some_and(|f| f.exposes_secret),
        profiles: rows,
        overridden: footer,
    };
    output::print(&output::profiles(&report, format))?;
    Ok(0)
}

/// What the flags and environment variables given now say of the columns.
struct Given {
    /// The base URL a base URL or an environment name stands for: the
    /// higher of the two, at the same level the base URL.
    base_url: Option<Sourced<String>>,
    token_url: Option<Sourced<String>>,
    client_id: Option<Sourced<String>>,
    entity_id: Option<Sourced<String>>,
    secret: Option<Sourced<GivenSecret>>,
}

/// A secret given by a flag, variable or profile, to compare.
#[derive(PartialEq)]
enum GivenSecret {
    Inline(Secret),
    File(PathBuf),
}

impl GivenSecret {
    /// A secret file, by its absolute path.
    fn file(path: PathBuf) -> GivenSecret {
        GivenSecret::File(std::path::absolute(&path).unwrap_or(path))
    }
}

impl Given {
    fn now(inputs: &Inputs) -> Given {
        let url = inputs
            .pick::<String>(Setting::BaseUrl)
            .map(|u| u.map(|u| base_url(Some(u), None)));
        let env = inputs
            .pick::<String>(Setting::Environment)
            .map(|e| e.map(|e| base_url(None, Some(e))));
        let inline = inputs
            .pick::<String>(Setting::ClientSecret)
            .map(|s| s.map(|s| GivenSecret::Inline(Secret::new(s))));
        let file = inputs
            .pick::<PathBuf>(Setting::ClientSecretFile)
            .map(|f| f.map(GivenSecret::file));
        Given {
            base_url: match (url, env) {
                (Some(url), Some(env)) if env.origin.rank() < url.origin.rank() => Some(env),
                (url, env) => url.or(env),
            },
            token_url: inputs
                .pick::<String>(Setting::TokenUrl)
                .map(|t| t.map(token_url)),
            client_id: inputs.pick(Setting::ClientId),
            entity_id: inputs.pick(Setting::EntityId),
            secret: inline.or(file),
        }
    }

    /// The columns of `profile` whose given value differs from its own,
    /// each with where the given value came from.
    fn overriding(&self, profile: &Profile) -> Vec<(&'static str, Origin)> {
        let own_url = base_url(
            profile.get(Setting::BaseUrl),
            profile.get(Setting::Environment),
        );
        let own_token_url = profile.get(Setting::TokenUrl).map(token_url);
        let own_secret = profile.secret().map(GivenSecret::Inline).or_else(|| {
            profile
                .get(Setting::ClientSecretFile)
                .map(GivenSecret::file)
        });
        let endpoint = differs(&self.base_url, Some(own_url))
            .or_else(|| differs(&self.token_url, own_token_url));
        [
            ("endpoint", endpoint),
            (
                "client_id",
                differs(&self.client_id, profile.get(Setting::ClientId)),
            ),
            (
                "entity_id",
                differs(&self.entity_id, profile.get(Setting::EntityId)),
            ),
            ("secret", differs(&self.secret, own_secret)),
        ]
        .into_iter()
        .filter_map(|(column, origin)| Some((column, origin?)))
        .collect()
    }
}

/// Where `given` came from, if it was given and differs from `own`.
fn differs<T: PartialEq>(given: &Option<Sourced<T>>, own: Option<T>) -> Option<Origin> {
    let given = given.as_ref()?;
    (Some(&given.value) != own.as_ref()).then(|| given.origin.clone())
}

/// The base URL a base URL or an environment name (else the default
/// environment) stands for, normalised to compare; as given if invalid.
fn base_url(url: Option<String>, environment: Option<String>) -> String {
    let url = url.or_else(|| {
        let name = environment.unwrap_or_else(|| Environment::DEFAULT.name.to_owned());
        Some(Environment::find(&name).map_or(name, |env| env.base_url.to_owned()))
    });
    let url = url.unwrap_or_default();
    BaseUrl::parse(&url).map_or(url, |u| u.to_string())
}

/// A token URL, normalised to compare; as given if invalid.
fn token_url(url: String) -> String {
    TokenUrl::parse(&url).map_or(url, |u| u.to_string())
}

/// Where the profile sends its token request; a base URL beats an
/// environment in the same profile, as in the settings, and a token URL
/// names where tokens come from instead of the base URL's.
fn endpoint(profile: &Profile) -> String {
    let url: Option<String> = profile.get(Setting::BaseUrl);
    let environment: Option<String> = profile.get(Setting::Environment);
    let base = match (url, environment) {
        (Some(url), _) => match BaseUrl::parse(&url) {
            Ok(url) => url.to_string(),
            Err(why) => format!("invalid base URL ({why})"),
        },
        (None, Some(name)) => match Environment::find(&name) {
            Some(env) => format!("{} ({})", env.name, env.base_url),
            None => format!("unknown environment {name:?}"),
        },
        (None, None) => {
            let env = Environment::DEFAULT;
            format!("{} ({}, the default)", env.name, env.base_url)
        }
    };
    let token_url: Option<String> = profile.get(Setting::TokenUrl);
    match token_url.as_deref().map(TokenUrl::parse) {
        None => base,
        Some(Ok(url)) => format!("{base}, tokens from {url}"),
        Some(Err(why)) => format!("{base}, invalid token URL ({why})"),
    }
}

/// Where the profile's secret comes from: its key, else the keyring, where
/// the settings look when nothing names a secret.
fn secret(profile: &Profile) -> String {
    if profile.secret().is_some() {
        "inline".into()
    } else if let Some(path) = profile.get::<PathBuf>(Setting::ClientSecretFile) {
        format!("file {}", path.display())
    } else if profile.has("client_secret_command") {
        "command".into()
    } else if profile.bool("client_secret_keyring") == Some(true) {
        "keyring".into()
    } else if keyring::BUILT_IN && profile.bool("client_secret_keyring").is_none() {
        "keyring (none named)".into()
    } else {
        "none".into()
    }
}
