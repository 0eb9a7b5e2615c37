//! Where a setting came from, so that every message about a value can say
//! which flag, environment variable or profile key to fix.

use std::fmt;
use std::path::PathBuf;

use super::setting::Setting;

/// The source of one setting, highest precedence first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag.
    Flag(Setting),
    /// The environment variable of a setting.
    Env(Setting),
    /// A key of a profile in the config file.
    Profile {
        key: &'static str,
        profile: String,
        file: PathBuf,
    },
    /// A top-level key of the config file (`default_profile`).
    File { key: &'static str, file: PathBuf },
    /// Nothing was given; the built-in default applies.
    Default,
}

/// A value together with where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Sourced<T> {
    pub fn new(value: T, origin: Origin) -> Self {
        Sourced { value, origin }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sourced<U> {
        Sourced::new(f(self.value), self.origin)
    }
}

impl Origin {
    /// How far down the precedence order this source is: flags beat
    /// environment variables, which beat the config file, which beats defaults.
    pub fn rank(&self) -> u8 {
        match self {
            Origin::Flag(_) => 0,
            Origin::Env(_) => 1,
            Origin::Profile { .. } | Origin::File { .. } => 2,
            Origin::Default => 3,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(setting) => write!(f, "--{}", setting.flag()),
            Origin::Env(setting) => write!(f, "environment variable {}", setting.env_var()),
            Origin::Profile { key, profile, file } => {
                write!(f, "`{key}` in profile '{profile}' of {}", file.display())
            }
            Origin::File { key, file } => write!(f, "`{key}` in {}", file.display()),
            Origin::Default => f.write_str("the built-in default"),
        }
    }
}
