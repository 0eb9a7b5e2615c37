//! The `profiles` report: each profile of the config file with its endpoint,
//! client id and where its secret comes from, never the secret.

use std::path::Path;

use serde::Serialize;

use crate::config_file::{ConfigFile, Profile};
use crate::environments::{self, DEFAULT_BASE_URL};
use crate::ids::BaseUrl;
use crate::origin::Origin;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The file looked for.
    pub config_file: Option<String>,
    pub found: bool,
    pub default_profile: Option<String>,
    /// The file holds an inline secret and others than its owner can read it.
    pub exposes_secret: bool,
    pub profiles: Vec<Row>,
}

/// One profile.
#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub default: bool,
    /// `prod-eu (https://rest.eu.zuora.com)`, a base URL, or what is wrong.
    pub endpoint: String,
    pub client_id: Option<String>,
    pub entity_id: Option<String>,
    /// `inline`, `file PATH`, `command`, `none`, or the flag or variable
    /// that overrides the profile's.
    pub secret: String,
}

impl Report {
    /// `secret_override` is where a secret given by flag or environment
    /// variable comes from: it beats every profile's.
    pub fn new(
        path: Option<&Path>,
        file: Option<&ConfigFile>,
        secret_override: Option<&Origin>,
    ) -> Report {
        let rows = file.map_or_else(Vec::new, |f| {
            f.profiles
                .iter()
                .map(|(name, p)| Row {
                    name: name.clone(),
                    default: f.default_profile.as_ref() == Some(name),
                    endpoint: endpoint(p),
                    client_id: p.client_id.clone(),
                    entity_id: p.entity_id.clone(),
                    secret: secret_override.map_or_else(|| secret(p), |o| o.to_string()),
                })
                .collect()
        });
        Report {
            config_file: path.map(|p| p.display().to_string()),
            found: file.is_some(),
            default_profile: file.and_then(|f| f.default_profile.clone()),
            exposes_secret: file.is_some_and(|f| f.exposes_secret),
            profiles: rows,
        }
    }
}

/// Where the profile sends its token request; a base URL beats an
/// environment in the same profile, as in the settings.
fn endpoint(profile: &Profile) -> String {
    match (&profile.base_url, &profile.environment) {
        (Some(url), _) => match BaseUrl::parse(url) {
            Ok(url) => url.to_string(),
            Err(why) => format!("invalid base URL ({why})"),
        },
        (None, Some(name)) => match environments::find(name) {
            Some(env) => format!("{} ({})", env.name, env.base_url),
            None => format!("unknown environment {name:?}"),
        },
        (None, None) => format!("prod ({DEFAULT_BASE_URL}, the default)"),
    }
}

fn secret(profile: &Profile) -> String {
    if profile.client_secret.is_some() {
        "inline".into()
    } else if let Some(path) = &profile.client_secret_file {
        format!("file {}", path.display())
    } else if profile.client_secret_command.is_some() {
        "command".into()
    } else {
        "none".into()
    }
}
