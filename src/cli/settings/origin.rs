//! Where a setting came from, so that every message about a value can say
//! which flag, environment variable or profile key to fix.

use std::fmt;
use std::path::PathBuf;

use super::table::Setting;

/// The source of one setting, highest precedence first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag.
    Flag(Setting),
    /// The environment variable of a setting.
    Env(Setting),
    /// A key of a profile in the config file. A profile named by the
    /// `--profile` flag means that profile: its keys beat environment
    /// variables (which may have been left by `eval "$(zuora-token env -p
    /// other)"`); one named by `ZUORA_PROFILE` or `default_profile` does
    /// not.
    Profile {
        key: &'static str,
        profile: String,
        file: PathBuf,
        named_by_flag: bool,
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
    /// How far down the precedence order this source is: flags, then the
    /// keys of a profile named by `--profile`, then environment variables,
    /// then the config file otherwise, then defaults.
    pub fn rank(&self) -> u8 {
        match self {
            Origin::Flag(_) => 0,
            Origin::Profile {
                named_by_flag: true,
                ..
            } => 1,
            Origin::Env(_) => 2,
            Origin::Profile { .. } | Origin::File { .. } => 3,
            Origin::Default => 4,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(setting) => write!(f, "--{}", setting.flag()),
            Origin::Env(setting) => write!(f, "environment variable {}", setting.env_var()),
            Origin::Profile {
                key, profile, file, ..
            } => {
                write!(f, "`{key}` in profile '{profile}' of {}", file.display())
            }
            Origin::File { key, file } => write!(f, "`{key}` in {}", file.display()),
            Origin::Default => f.write_str("the built-in default"),
        }
    }
}
