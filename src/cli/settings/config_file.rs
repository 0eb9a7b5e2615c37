//! The TOML config file: a `default_profile` and `[profiles.NAME]` tables.
//!
//! Every key is checked, in every profile, so a typo is an error that names the
//! key, the profile and the file instead of a setting silently ignored. Errors
//! give a line and column but never quote the line, which may hold a secret.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap_complete::engine::CompletionCandidate;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use zuora_token::{Error, Result, Secret};

use crate::cli::files;

use super::origin::Origin;
use super::table::{Setting, Values};

/// A config file larger than this is not one.
const MAX_CONFIG: u64 = 1 << 20;

/// A parsed config file.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub default_profile: Option<String>,
    pub profiles: BTreeMap<String, Profile>,
    /// It holds an inline `client_secret` and others than its owner can read it.
    pub exposes_secret: bool,
}

/// One `[profiles.NAME]` table. Every key is optional: flags and environment
/// variables can supply or override each of them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub environment: Option<String>,
    pub base_url: Option<String>,
    /// A token endpoint other than `{base_url}/oauth/token`.
    pub token_url: Option<String>,
    pub client_id: Option<String>,
    #[serde(default, deserialize_with = "secret")]
    pub client_secret: Option<Secret>,
    pub client_secret_file: Option<PathBuf>,
    pub client_secret_command: Option<String>,
    /// `true`: the secret is in the OS keyring (`zuora-token login`);
    /// `false`: never look there, even when no other source is given.
    pub client_secret_keyring: Option<bool>,
    pub entity_id: Option<String>,
    pub track_id: Option<String>,
    /// `Zuora-Org-Ids` for API calls, comma-separated.
    pub org_ids: Option<String>,
    /// `Zuora-Version` for API calls.
    pub zuora_version: Option<String>,
    /// Seconds a cached token must have left to be handed out.
    pub min_ttl: Option<u64>,
    /// PEM certificates to trust instead of the system's.
    pub ca_bundle: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, toml::Value>,
}

impl ConfigFile {
    /// Reads the file at `path`. A missing file is `None` when the path is the
    /// default one, and an error when the user named it (`origin` says where).
    pub fn load(path: &Path, origin: &Origin, deadline: Instant) -> Result<Option<ConfigFile>> {
        let failed = |why: &dyn std::fmt::Display| {
            Error::usage(format!(
                "cannot read the config file {} (from {origin}): {why}",
                path.display()
            ))
        };
        let bytes = match files::read_setting(path, MAX_CONFIG, deadline) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound && *origin == Origin::Default => {
                return Ok(None);
            }
            Err(e) => return Err(failed(&e)),
        };
        let text = String::from_utf8(bytes).map_err(|_| failed(&"it is not UTF-8 text"))?;
        let mut file = Self::parse(path, &text)?;
        // Only a warning rides on this, so looking by path is good enough.
        let shared = std::fs::metadata(path).is_ok_and(|m| readable_by_others(&m));
        file.exposes_secret = shared && file.profiles.values().any(|p| p.client_secret.is_some());
        Ok(Some(file))
    }

    fn parse(path: &Path, text: &str) -> Result<ConfigFile> {
        let invalid =
            |what: String| Error::usage(format!("invalid config file {}: {what}", path.display()));
        let raw: RawFile = toml::from_str(text).map_err(|e| invalid(located(text, &e)))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let profiles = raw
            .profiles
            .into_iter()
            .map(|(name, table)| {
                let mut profile: Profile = table.try_into().map_err(|e: toml::de::Error| {
                    invalid(format!("profile '{name}': {}", e.message()))
                })?;
                profile.client_secret_file = profile.client_secret_file.map(|p| resolve(dir, &p));
                profile.ca_bundle = profile.ca_bundle.map(|p| resolve(dir, &p));
                Ok((name, profile))
            })
            .collect::<Result<_>>()?;
        Ok(ConfigFile {
            path: path.to_owned(),
            default_profile: raw.default_profile,
            profiles,
            exposes_secret: false,
        })
    }

    /// The profile names, for an error that lists them.
    pub fn profile_names(&self) -> String {
        if self.profiles.is_empty() {
            return "it defines none".into();
        }
        let names: Vec<&str> = self.profiles.keys().map(String::as_str).collect();
        format!("it defines: {}", names.join(", "))
    }
}

/// `<user config dir>/zuora-token/config.toml`, if the system names a config dir.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::BaseDirs::new()?;
    Some(dirs.config_dir().join("zuora-token").join("config.toml"))
}

/// The profile names, for shell completion of `--profile`: from the file
/// `ZUORA_TOKEN_CONFIG` names, else the default one; none if it is unreadable.
pub fn profile_candidates() -> Vec<CompletionCandidate> {
    let named = Values::from_env()
        .ok()
        .and_then(|env| env.get(Setting::Config));
    let path = named.or_else(default_path);
    let deadline = Instant::now() + Duration::from_secs(2);
    let file = path.and_then(|p| {
        ConfigFile::load(&p, &Origin::Default, deadline)
            .ok()
            .flatten()
    });
    file.map(|f| {
        f.profiles
            .into_keys()
            .map(CompletionCandidate::new)
            .collect()
    })
    .unwrap_or_default()
}

#[cfg(unix)]
fn readable_by_others(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o077 != 0
}

#[cfg(not(unix))]
fn readable_by_others(_: &std::fs::Metadata) -> bool {
    false
}

/// toml's message with a line and column, without the source line it quotes.
fn located(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim_end();
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message.to_owned(),
    }
}

/// A file named in the config file: `~/` is the home directory, and a
/// relative path is relative to the config file, not to where the tool runs.
fn resolve(dir: &Path, path: &Path) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_owned());
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ if path == Path::new("-") => path.to_owned(),
        _ => dir.join(path),
    }
}

/// Reads `client_secret` without letting a type error quote its value.
fn secret<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Secret>, D::Error> {
    match toml::Value::deserialize(deserializer)? {
        toml::Value::String(s) => Ok(Some(Secret::new(s))),
        other => Err(D::Error::custom(format!(
            "`client_secret` must be a string, not {}",
            other.type_str()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile> {
        ConfigFile::parse(Path::new("/etc/zt/config.toml"), text)
    }

    #[test]
    fn the_shipped_example_parses_and_shows_every_secret_source() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("zuora-token.example.toml");
        let file =
            ConfigFile::parse(&path, include_str!("../../../zuora-token.example.toml")).unwrap();
        let names: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
        assert_eq!(names, ["local", "prod", "sandbox"]);
        assert_eq!(file.default_profile.as_deref(), Some("prod"));
        let p = &file.profiles;
        assert!(p["prod"].client_secret_command.is_some());
        assert!(p["sandbox"].client_secret_file.is_some());
        assert!(p["local"].client_secret.is_some());
    }

    #[test]
    fn relative_secret_files_are_relative_to_the_config_file() {
        let file = parse("[profiles.a]\nclient_secret_file = \"secret.txt\"\n").unwrap();
        let path = file.profiles["a"].client_secret_file.clone().unwrap();
        assert_eq!(path, Path::new("/etc/zt/secret.txt"));
    }

    #[test]
    fn errors_say_what_is_wrong_but_never_quote_the_secret() {
        for (text, says, secret) in [
            (
                "[profiles.a]\nclient_secret = 123456789\n",
                "must be a string, not integer",
                "123456789",
            ),
            (
                "[profiles.a]\nclient_secret = \"s3cr3t\n",
                "line 2, column",
                "s3cr3t",
            ),
        ] {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.contains(says), "{err}");
            assert!(!err.contains(secret), "{err}");
        }
    }
}
