//! The command line, as clap derive types. The doc comments are the help text.
//!
//! Settings are global so that they can stand before or after the subcommand
//! (`zuora-token -p prod get` and `zuora-token get -p prod` both work), and each
//! one names its environment variable here, once: `settings.rs` asks clap where
//! a value came from and reads the flag and variable names back from these
//! definitions when it needs to name them in an error.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;

use crate::environments::ENVIRONMENTS;

const EXAMPLES: &str = "\
Examples:
  zuora-token get --profile prod
  eval \"$(zuora-token env --profile prod)\"
  curl -H @<(zuora-token get -o header) https://rest.zuora.com/v1/catalog/products
  zuora-token get -o header | curl -H @- https://rest.zuora.com/v1/catalog/products
  zuora-token exec --profile prod -- ./deploy.sh
  zuora-token env --shell github        # in a GitHub Actions step

Exit codes: 0 ok, 1 other failure, 2 usage or configuration error,
3 Zuora refused the request, 4 rate limited, 5 Zuora unreachable,
6 invalid response from Zuora.";

/// Fetch OAuth bearer tokens for Zuora's REST API and print them for shell
/// scripts, CI jobs and curl.
#[derive(Debug, Parser)]
#[command(name = "zuora-token", version, after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingsArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a token: raw (the default), as JSON, or as an Authorization header.
    #[command(after_help = "\
Examples:
  zuora-token get --profile prod
  zuora-token get -o json | jq .expires_at
  zuora-token get -o header | curl -H @- https://rest.zuora.com/v1/catalog/products")]
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
  zuora-token exec -- sh -c 'curl -H \"Authorization: Bearer $ZUORA_ACCESS_TOKEN\" \"$ZUORA_BASE_URL/v1/catalog/products\"'

The command replaces zuora-token (on Unix), so its exit status and signals are
its own; a command that is not found exits 127, one that cannot run 126.")]
    Exec {
        #[command(flatten)]
        cache: CacheUse,

        /// The command and its arguments.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "COMMAND"
        )]
        command: Vec<OsString>,
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

    /// Print a shell completion script (static; see the README for dynamic
    /// completion of profile names).
    #[command(after_help = "\
Examples:
  zuora-token completions bash > ~/.local/share/bash-completion/completions/zuora-token
  zuora-token completions zsh > ~/.zfunc/_zuora-token
  zuora-token completions fish > ~/.config/fish/completions/zuora-token.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff).
    #[command(after_help = "\
Example:
  zuora-token man > ~/.local/share/man/man1/zuora-token.1")]
    Man,
}

#[derive(Debug, Subcommand)]
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
#[derive(Debug, Args)]
#[command(next_help_heading = "Cache")]
pub struct CacheUse {
    /// Fetch a new token even if a valid one is cached, and cache it.
    #[arg(long, conflicts_with = "no_cache")]
    pub refresh: bool,

    /// Neither read nor write the cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// How `status` and `cache list` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Aligned lines for people.
    Text,
    /// One JSON object (or array), for scripts.
    Json,
}

/// How `get` prints the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The access token and a newline, nothing else.
    Token,
    /// One JSON object with the token and its metadata.
    Json,
    /// `Authorization: Bearer <token>`, for `curl -H @-`.
    Header,
}

/// Which syntax `env` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// POSIX shells: bash, zsh, dash, ksh (`export NAME='value';`).
    Sh,
    /// fish (`set -gx NAME 'value';`).
    Fish,
    /// PowerShell (`$env:NAME = 'value'`).
    Powershell,
    /// A .env file (`NAME=value`), e.g. for GitLab CI or docker compose.
    Dotenv,
    /// Windows cmd.exe (`set "NAME=value"`).
    Cmd,
    /// GitHub Actions: masks the token in the log and appends the variables
    /// to the file named by $GITHUB_ENV, for the job's later steps.
    Github,
}

/// Where the credentials come from. Each falls back to its environment
/// variable, then to the profile in the config file.
#[derive(Debug, Args)]
#[command(next_help_heading = "Settings")]
pub struct SettingsArgs {
    /// Profile to use from the config file [default: the file's `default_profile`].
    #[arg(
        short,
        long,
        global = true,
        env = "ZUORA_PROFILE",
        value_name = "NAME",
        add = ArgValueCandidates::new(crate::config_file::profile_candidates)
    )]
    pub profile: Option<String>,

    /// Config file [default: <user config dir>/zuora-token/config.toml].
    #[arg(long, global = true, env = "ZUORA_TOKEN_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// OAuth client id (36 characters, from Zuora's OAuth clients page).
    #[arg(long, global = true, env = "ZUORA_CLIENT_ID", value_name = "ID")]
    pub client_id: Option<String>,

    /// OAuth client secret. Other users can read it in the process list: prefer
    /// the environment variable, --client-secret-file or a profile.
    #[arg(
        long,
        global = true,
        env = "ZUORA_CLIENT_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub client_secret: Option<String>,

    /// Read the client secret from this file ('-' for standard input).
    #[arg(
        long,
        global = true,
        env = "ZUORA_CLIENT_SECRET_FILE",
        value_name = "PATH"
    )]
    pub client_secret_file: Option<PathBuf>,

    /// Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod].
    #[arg(
        short,
        long,
        global = true,
        env = "ZUORA_ENVIRONMENT",
        value_name = "NAME",
        value_parser = EnvironmentName,
        hide_possible_values = true
    )]
    pub environment: Option<String>,

    /// Base URL of Zuora's REST API; beats --environment given at the same level.
    #[arg(long, global = true, env = "ZUORA_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,

    /// Entity id (a hyphenated UUID) for multi-entity tenants.
    #[arg(long, global = true, env = "ZUORA_ENTITY_ID", value_name = "UUID")]
    pub entity_id: Option<String>,

    /// Zuora-Track-Id header to send, for tracing the request with Zuora.
    #[arg(long, global = true, env = "ZUORA_TRACK_ID", value_name = "ID")]
    pub track_id: Option<String>,

    /// Directory of the token cache [default: <user cache dir>/zuora-token].
    #[arg(
        long,
        global = true,
        env = "ZUORA_TOKEN_CACHE_DIR",
        value_name = "PATH"
    )]
    pub cache_dir: Option<PathBuf>,

    /// Hand out a cached token only while it has at least this long left
    /// [default: 300].
    #[arg(
        long,
        global = true,
        env = "ZUORA_TOKEN_MIN_TTL",
        value_name = "SECONDS"
    )]
    pub min_ttl: Option<String>,

    /// Give up after this long, waits for other processes included [default: 30].
    #[arg(
        long,
        global = true,
        env = "ZUORA_TOKEN_TIMEOUT",
        value_name = "SECONDS"
    )]
    pub timeout: Option<String>,

    /// Retry rate limits (429), gateway failures (502, 503, 504) and broken
    /// connections this many times [default: 3].
    #[arg(long, global = true, env = "ZUORA_TOKEN_RETRIES", value_name = "N")]
    pub retries: Option<String>,

    /// Trust exactly the PEM certificates in this file instead of the
    /// operating system's trust store.
    #[arg(long, global = true, env = "ZUORA_CA_BUNDLE", value_name = "PATH")]
    pub ca_bundle: Option<PathBuf>,

    /// Say on stderr where each setting came from and what was sent and received.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Print no warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// Takes any environment name as it is (settings.rs checks it and can say
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
        let names = ENVIRONMENTS.iter().flat_map(|e| {
            [
                PossibleValue::new(e.name).help(e.description),
                PossibleValue::new(e.alias).help(e.description),
            ]
        });
        Some(Box::new(names))
    }
}
