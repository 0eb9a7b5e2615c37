//! The command line, as clap derive types. The doc comments are the help text.
//!
//! Settings are global so that they can stand before or after the subcommand
//! (`zuora-token -p prod get` and `zuora-token get -p prod` both work). Their
//! flags are made from the settings table (`setting.rs`); clap reads the
//! flags only, never the environment.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser, ValueParser};
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;
use zuora_token::Environment;

mod fast;

use super::config_file::profile_candidates;
use super::setting::{Setting, Values};
use crate::output::{Format, Report, Shell};

const EXAMPLES: &str = "\
Examples:
  zuora-token get --profile prod
  eval \"$(zuora-token env --profile prod)\"
  curl -fsS -H @<(zuora-token get -o header) \"$ZUORA_BASE_URL/v1/accounts/A-1\"
  zuora-token exec --profile prod -- ./deploy.sh
  zuora-token env --shell github        # in a GitHub Actions step

Exit codes: 0 ok, 1 other failure, 2 usage or configuration error,
3 Zuora refused the request, 4 rate limited, 5 Zuora unreachable,
6 invalid response from Zuora.";

/// Fetch OAuth bearer tokens for Zuora's REST API and print them for shell
/// scripts, CI jobs and curl.
#[derive(Debug, PartialEq, Eq, Parser)]
#[command(name = "zuora-token", version, after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingsArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Print a token: raw (the default), as JSON, or as an Authorization header.
    #[command(after_help = "\
Examples:
  zuora-token get --profile prod
  zuora-token get -o json | jq .expires_at
  zuora-token get -o header | curl -fsS -H @- \"$ZUORA_BASE_URL/v1/accounts/A-1\"")]
    Get {
        /// What to print.
        #[arg(short, long, value_enum, default_value_t = Format::Token)]
        output: Format,

        #[command(flatten)]
        cache: CacheUse,
    },

    /// Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and
    /// ZUORA_BASE_URL in a shell.
    #[command(after_help = "\
Examples:
  eval \"$(zuora-token env --profile prod)\"
  zuora-token env --shell fish | source
  zuora-token env --shell powershell | Invoke-Expression
  zuora-token env --shell dotenv > zuora.env
  zuora-token env --shell github            # in a GitHub Actions step")]
    Env {
        /// The shell (or file format) to write for.
        #[arg(short, long, value_enum, default_value_t = Shell::Sh)]
        shell: Shell,

        #[command(flatten)]
        cache: CacheUse,
    },

    /// Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT,
    /// ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The
    /// token never appears in any process's arguments.
    #[command(after_help = "\
Examples:
  zuora-token exec --profile prod -- ./sync-accounts.sh
  zuora-token exec -- python3 report.py     # it reads ZUORA_ACCESS_TOKEN

The command replaces zuora-token (on Unix), so its exit status and signals are
its own; a command that is not found exits 127, one that cannot run 126.")]
    Exec {
        // Declared before the cache flags, whose help heading would
        // otherwise be its heading too.
        /// The command and its arguments.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "COMMAND"
        )]
        command: Vec<OsString>,

        #[command(flatten)]
        cache: CacheUse,
    },

    /// Show the cached token for the resolved credentials, without network
    /// access: expiry, scope, cache file. Never the token. Exits 0 if a token
    /// with at least --min-ttl left is cached, 1 otherwise.
    #[command(after_help = "\
Examples:
  zuora-token status --profile prod
  zuora-token status -q -o json | jq .expires_in
  zuora-token status >/dev/null || echo 'no usable token cached'")]
    Status {
        /// What to print.
        #[arg(short, long, value_enum, default_value_t = Report::Text)]
        output: Report,
    },

    /// List or clear cached tokens.
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
    },

    /// List the config file's profiles: endpoint, client id and where the
    /// secret comes from (never the secret).
    Profiles {
        /// What to print.
        #[arg(short, long, value_enum, default_value_t = Report::Text)]
        output: Report,
    },

    /// Store the client secret in the OS keyring, for the base URL and client
    /// id the settings name.
    ///
    /// The secret is read without echo from the terminal, or from standard
    /// input when that is not one; never from the command line. `get`, `env`
    /// and `exec` use it when no flag, variable or profile names a secret.
    #[command(after_help = "\
Examples:
  zuora-token login --profile prod          # prompts: Client secret for ...
  pass show zuora/prod | zuora-token login -e prod-eu --client-id ID

The keyring is the Secret Service (GNOME Keyring, KWallet) on Linux, the
Keychain on macOS, the Credential Manager on Windows. --timeout bounds its
answer, not the typing.")]
    Login,

    /// Remove the client secret that `login` stored for the base URL and
    /// client id the settings name.
    ///
    /// A token cached with it stays valid until it expires; `cache clear`
    /// removes it.
    #[command(after_help = "\
Examples:
  zuora-token logout --profile prod
  zuora-token logout --profile prod && zuora-token cache clear --profile prod")]
    Logout,

    /// Print a shell completion script (static; see the README for dynamic
    /// completion of profile names).
    #[command(after_help = "\
Examples:
  d=~/.local/share/bash-completion/completions
  mkdir -p $d && zuora-token completions bash > $d/zuora-token
  mkdir -p ~/.config/fish/completions
  zuora-token completions fish > ~/.config/fish/completions/zuora-token.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), or write every page (one per command)
    /// into a directory.
    #[command(after_help = "\
Examples:
  zuora-token man --dir ~/.local/share/man/man1
  zuora-token man > ~/.local/share/man/man1/zuora-token.1")]
    Man {
        /// Write every page into this directory (made if missing) instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum CacheCommand {
    /// List the cached tokens: base URL, client id, entity, expiry (never the tokens).
    List {
        /// What to print.
        #[arg(short, long, value_enum, default_value_t = Report::Text)]
        output: Report,
    },
    /// Remove the cached token for the resolved credentials, or every one.
    Clear {
        /// Remove every cached token, whoever's credentials it was for.
        #[arg(long)]
        all: bool,
    },
}

/// How a command that fetches uses the cache.
#[derive(Debug, Default, PartialEq, Eq, Args)]
#[command(next_help_heading = "Cache")]
pub struct CacheUse {
    /// Fetch a new token even if a valid one is cached, and cache it.
    #[arg(long, conflicts_with = "no_cache")]
    pub refresh: bool,

    /// Neither read nor write the cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// The settings and the verbosity, global so that they can stand before or
/// after the subcommand. Each setting's flag is made from its entry in the
/// settings table, which also names its environment variable; the variables
/// themselves are read by the settings' resolution, not by clap.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SettingsArgs {
    /// The value of each setting flag given.
    pub flags: Values,
    /// Say on stderr where each setting came from and what was sent and received.
    pub verbose: bool,
    /// Print no warnings.
    pub quiet: bool,
}

impl Args for SettingsArgs {
    fn augment_args(command: clap::Command) -> clap::Command {
        command
            .next_help_heading("Settings")
            .args(Setting::ALL.map(setting_arg))
            .arg(
                Arg::new("verbose")
                    .short('v')
                    .long("verbose")
                    .global(true)
                    .action(ArgAction::SetTrue)
                    .conflicts_with("quiet")
                    .help(
                        "Say on stderr where each setting came from and what was sent and received",
                    ),
            )
            .arg(
                Arg::new("quiet")
                    .short('q')
                    .long("quiet")
                    .global(true)
                    .action(ArgAction::SetTrue)
                    .help("Print no warnings"),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for SettingsArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<SettingsArgs, clap::Error> {
        let flags = Setting::ALL
            .into_iter()
            .filter_map(|setting| {
                let value = matches.get_raw(setting.flag())?.next()?;
                Some((setting, value.to_owned()))
            })
            .collect();
        Ok(SettingsArgs {
            flags: Values::from_flags(flags),
            verbose: matches.get_flag("verbose"),
            quiet: matches.get_flag("quiet"),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = SettingsArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

/// The flag of `setting`: `--<flag> <VALUE>`, text checked to be UTF-8.
fn setting_arg(setting: Setting) -> Arg {
    let arg = Arg::new(setting.flag())
        .long(setting.flag())
        .global(true)
        .value_name(setting.value_name())
        .help(setting.help())
        .value_parser(match setting.is_path() {
            true => ValueParser::path_buf(),
            false => ValueParser::string(),
        });
    match setting {
        Setting::Profile => arg
            .short('p')
            .add(ArgValueCandidates::new(profile_candidates)),
        Setting::Environment => arg
            .short('e')
            .value_parser(EnvironmentName)
            .hide_possible_values(true),
        _ => arg,
    }
}

/// Takes any environment name as it is (resolution checks it and can say
/// where a bad one came from), while offering Zuora's names and aliases to
/// shell completion.
#[derive(Debug, Clone, Copy)]
struct EnvironmentName;

impl TypedValueParser for EnvironmentName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let names = Environment::ALL.iter().flat_map(|e| {
            [
                PossibleValue::new(e.name).help(e.description),
                PossibleValue::new(e.alias).help(e.description),
            ]
        });
        Some(Box::new(names))
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
