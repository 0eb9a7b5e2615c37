//! The values of settings from one layer, the flags or the environment.
//!
//! clap parses the flags only; the variables are read here, so that every
//! one follows the same rules (an empty value counts as unset) and the
//! resolution of settings can be tested with an environment of its own.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use zuora_token::Error;

use super::table::Setting;

/// Values of settings from one layer: the flags given, or the environment.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Values(Vec<(Setting, OsString)>);

impl Values {
    /// The flags given, as clap parsed them (text values are UTF-8 there).
    pub fn from_flags(values: Vec<(Setting, OsString)>) -> Values {
        Values(values)
    }

    /// The settings' environment variables, as they are now. A variable
    /// set to the empty string counts as unset, as CI systems set a missing
    /// secret to "".
    ///
    /// # Errors
    ///
    /// A variable of a text setting is not UTF-8.
    pub fn from_env() -> Result<Values, Error> {
        Values::from_env_pairs(
            Setting::ALL
                .iter()
                .filter_map(|s| Some((*s, std::env::var_os(s.env_var())?))),
        )
    }

    /// The given variables, checked as the process's are.
    pub fn from_env_pairs(
        pairs: impl IntoIterator<Item = (Setting, OsString)>,
    ) -> Result<Values, Error> {
        let mut vars = Vec::new();
        for (setting, value) in pairs {
            if !setting.is_path() && value.to_str().is_none() {
                return Err(Error::usage(format!(
                    "environment variable {} is not valid UTF-8",
                    setting.env_var()
                )));
            }
            if !value.is_empty() {
                vars.push((setting, value));
            }
        }
        Ok(Values(vars))
    }

    /// The value of `setting`, if this layer has one.
    pub fn get<T: FromValue>(&self, setting: Setting) -> Option<T> {
        let (_, value) = self.0.iter().find(|(s, _)| *s == setting)?;
        T::from_value(value)
    }
}

/// A value a flag or an environment variable can hold.
pub trait FromValue: Sized {
    fn from_value(value: &OsStr) -> Option<Self>;
}

impl FromValue for String {
    fn from_value(value: &OsStr) -> Option<String> {
        value.to_str().map(str::to_owned)
    }
}

impl FromValue for PathBuf {
    fn from_value(value: &OsStr) -> Option<PathBuf> {
        Some(PathBuf::from(value))
    }
}
