//! The TOML config file: a `default_profile` and `[profiles.NAME]` tables.
//!
//! Every key is checked, in every profile, so a typo is an error that names the
//! key, the profile and the file instead of a setting silently ignored. Errors
//! give a line and column but never quote the line, which may hold a secret.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap_complete::engine::CompletionCandidate;

use serde::Deserialize;

use zuora_token::{Error, Result, Secret};

use crate::cli::files;

use super::origin::Origin;
use super::table::{self, Kind, Setting};
use super::values::{FromValue, Values};

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

/// One `[profiles.NAME]` table: any of the keys of the settings table
/// (`table::profile_keys`), each checked for its type as the file is read.
/// Flags and environment variables can supply or override each of them.
#[derive(Debug, Default)]
pub struct Profile {
    values: BTreeMap<&'static str, Value>,
}

/// The value of one key of a profile.
#[derive(Debug, Clone)]
enum Value {
    /// Text, or a whole number as its digits.
    Text(String),
    Secret(Secret),
    /// Resolved against the config file's directory.
    Path(PathBuf),
    Bool(bool),
}

impl Profile {
    /// The value of `setting`'s key, read as its flag would be.
    pub fn get<T: FromValue>(&self, setting: Setting) -> Option<T> {
        match self.values.get(setting.profile_key()?)? {
            Value::Text(text) => T::from_value(OsStr::new(text)),
            Value::Path(path) => T::from_value(path.as_os_str()),
            Value::Secret(_) | Value::Bool(_) => None,
        }
    }

    /// The text of a profile-only key (`client_secret_command`).
    pub fn text(&self, key: &str) -> Option<String> {
        match self.values.get(key)? {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        }
    }

    /// `client_secret`, given inline.
    pub fn secret(&self) -> Option<Secret> {
        match self.values.get(Setting::ClientSecret.profile_key()?)? {
            Value::Secret(secret) => Some(secret.clone()),
            _ => None,
        }
    }

    /// The value of a `true`/`false` key (`client_secret_keyring`).
    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.values.get(key)? {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// Whether the profile gives `key`.
    pub fn has(&self, key: &str) -> bool {
        self.values.contains_key(key)
    }

    /// The profile in `table`, each key checked against the settings table;
    /// paths resolved against `dir`. An error never quotes a value.
    fn parse(table: toml::Value, dir: &Path) -> Result<Profile, String> {
        let toml::Value::Table(table) = table else {
            return Err(format!(
                "invalid type: {}, expected a table",
                table.type_str()
            ));
        };
        let keys = table::profile_keys();
        let mut values = BTreeMap::new();
        for (key, value) in table {
            let Some(&(key, kind)) = keys.iter().find(|(k, _)| *k == key) else {
                let names: Vec<String> = keys.iter().map(|(k, _)| format!("`{k}`")).collect();
                return Err(format!(
                    "unknown field `{key}`, expected one of {}",
                    names.join(", ")
                ));
            };
            let wrong = |expected: &str| {
                format!(
                    "invalid type: {} for `{key}`, expected {expected}",
                    value.type_str()
                )
            };
            let value = match (kind, &value) {
                (Kind::Secret, toml::Value::String(s)) => Value::Secret(Secret::new(s.as_str())),
                (Kind::Path, toml::Value::String(s)) => Value::Path(resolve(dir, Path::new(s))),
                (Kind::Text, toml::Value::String(s)) => Value::Text(s.clone()),
                (Kind::WholeSeconds, toml::Value::Integer(n)) if *n >= 0 => {
                    Value::Text(n.to_string())
                }
                (Kind::WholeSeconds, toml::Value::Integer(_)) => {
                    return Err(format!("`{key}` must be 0 or more"));
                }
                (Kind::Bool, toml::Value::Boolean(b)) => Value::Bool(*b),
                (Kind::WholeSeconds, _) => return Err(wrong("a whole number of seconds")),
                (Kind::Bool, _) => return Err(wrong("true or false")),
                _ => return Err(wrong("a string")),
            };
            values.insert(key, value);
        }
        Ok(Profile { values })
    }
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
        file.exposes_secret = shared && file.profiles.values().any(|p| p.secret().is_some());
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
                let profile = Profile::parse(table, dir)
                    .map_err(|why| invalid(format!("profile '{name}': {why}")))?;
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
        assert!(p["prod"].has("client_secret_command"));
        assert!(p["sandbox"].has("client_secret_file"));
        assert!(p["local"].secret().is_some());
    }

    #[test]
    fn relative_secret_files_are_relative_to_the_config_file() {
        let file = parse("[profiles.a]\nclient_secret_file = \"secret.txt\"\n").unwrap();
        let path: PathBuf = file.profiles["a"].get(Setting::ClientSecretFile).unwrap();
        assert_eq!(path, Path::new("/etc/zt/secret.txt"));
    }

    #[test]
    fn errors_say_what_is_wrong_but_never_quote_the_secret() {
        for (text, says, secret) in [
            (
                "[profiles.a]\nclient_secret = 123456789\n",
                "invalid type: integer for `client_secret`, expected a string",
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
