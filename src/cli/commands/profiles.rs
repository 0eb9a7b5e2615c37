//! `profiles`: the config file's profiles, each with its endpoint, client
//! id and where its secret comes from, never the secret.

use std::path::PathBuf;

use zuora_token::{BaseUrl, Environment, Result, TokenUrl};

use crate::cli::keyring;
use crate::cli::output::{self, OverriddenColumn, ProfileRow, ProfilesReport, Report};
use crate::cli::settings::Inputs;
use crate::cli::settings::config_file::Profile;
use crate::cli::settings::origin::Origin;
use crate::cli::settings::table::Setting;

pub fn run(inputs: &Inputs, format: Report) -> Result<u8> {
    let (path, file) = inputs.config_file()?;
    let rows = file.as_ref().map_or_else(Vec::new, |f| {
        f.profiles
            .iter()
            .map(|(name, p)| ProfileRow {
                name: name.clone(),
                default: f.default_profile.as_ref() == Some(name),
                endpoint: endpoint(p),
                client_id: p.get(Setting::ClientId),
                entity_id: p.get(Setting::EntityId),
                secret: secret(p),
            })
            .collect()
    });
    let report = ProfilesReport {
        config_file: path.map(|p| p.display().to_string()),
        found: file.is_some(),
        default_profile: file.as_ref().and_then(|f| f.default_profile.clone()),
        exposes_secret: file.as_ref().is_some_and(|f| f.exposes_secret),
        profiles: rows,
        overridden: overridden(inputs),
    };
    output::print(&output::profiles(&report, format))?;
    Ok(0)
}

/// The columns that a flag or environment variable given now overrides.
fn overridden(inputs: &Inputs) -> Vec<OverriddenColumn> {
    let columns = [
        (
            "endpoint",
            inputs.overriding(&[Setting::BaseUrl, Setting::Environment, Setting::TokenUrl]),
        ),
        ("client_id", inputs.overriding(&[Setting::ClientId])),
        ("entity_id", inputs.overriding(&[Setting::EntityId])),
        (
            "secret",
            inputs.overriding(&[Setting::ClientSecret, Setting::ClientSecretFile]),
        ),
    ];
    columns
        .into_iter()
        .filter_map(|(column, origin)| {
            let origin = origin?;
            Some(OverriddenColumn {
                column,
                flag: matches!(origin, Origin::Flag(_)),
                by: origin.to_string(),
            })
        })
        .collect()
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
