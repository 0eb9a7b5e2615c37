//! The command line, as clap derive types. The doc comments are the help text.
//!
//! Settings stand before or after the subcommand (`zuora-token -p prod get`
//! and `zuora-token get -p prod` both work): their flags are on the program
//! and on each command that resolves settings ([`Cli::definition`]). They
//! are not clap's global arguments, which clap clones into every command at
//! every parse; to parse, only the command named gets them
//! ([`Cli::try_parse_words`]). Their flags are made from the settings table
//! (`flags.rs`, from `settings/table.rs`); clap reads the flags only.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

mod fast;
mod flags;

pub use flags::{MORE_SETTINGS, SettingsArgs};
use flags::{curl_args_kept, subcommand_at, with_settings};

use super::agent::{SinkSpec, parse_duration, parse_sink};
pub use super::settings::CacheUse;
use crate::cli::output::{Format, Report, Shell};

const EXAMPLES: &str = "\
Examples:
  zuora-token get --profile prod
  eval \"$(zuora-token env --profile prod)\"
  curl -fsS -H @<(zuora-token get -o header) \"$ZUORA_BASE_URL/v1/accounts/A-1\"
  zuora-token api /v1/accounts/A-1
  zuora-token exec --profile prod -- ./deploy.sh
  zuora-token env --shell github        # in a GitHub Actions step

Exit codes: 0 ok, 1 other failure, 2 usage or configuration error,
3 Zuora refused the request, 4 rate limited, 5 Zuora unreachable,
6 invalid response from Zuora, 7 (api) Zuora answered an API call with an
HTTP error.";

/// Fetch OAuth bearer tokens for Zuora's REST API and print them for shell
/// scripts, CI jobs and curl.
#[derive(Debug, PartialEq, Eq, Parser)]
#[command(
    name = "zuora-token",
    version,
    after_help = EXAMPLES,
    arg_required_else_help = true
)]
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

    /// Call Zuora's REST API with the token. The request is made here, so the
    /// token goes to the base URL and nowhere else; a 401 gets a new token and
    /// the same request again, a 429 (and a 5xx where repeating is safe) is
    /// retried.
    #[command(after_help = "\
Examples:
  zuora-token api /v1/catalog/products
  zuora-token api /v1/accounts/A00000001 | jq .basicInfo
  zuora-token api -X POST /v1/accounts -f name=Acme -F autoPay=false -f currency=USD
  zuora-token api -X POST /v1/accounts --input account.json -H 'Idempotency-Key: run-42'
  zuora-token api --paginate /v1/subscriptions/accounts/A00000001 | jq -c '.subscriptions[]'
  zuora-token api --paginate -X POST /v1/action/query -f queryString='select Id from Account'
  zuora-token api --paginate '/object-query/accounts?pageSize=99' | jq -c '.data[]'

Fields (-f, -F) go in the query of a GET and in a JSON object body otherwise
(in the query with --input). -F reads numbers, true, false and null as JSON,
and @FILE as a file's text (@- standard input).

Output: the body, pretty-printed JSON on a terminal and as received
otherwise; with --paginate one line of JSON per page. Exit codes as for the
other commands, and 7 when Zuora answers with an HTTP status other than 2xx
(the body still goes to stdout, a one-line summary to stderr).")]
    Api(ApiArgs),

    /// Run curl with every header a Zuora call needs, the token off the
    /// command line; a path is resolved against the base URL. A 401 gets a
    /// new token and one retry.
    #[command(after_help = "\
Examples:
  zuora-token curl -fsS /v1/catalog/products
  zuora-token -p prod curl -fsS -X POST /v1/accounts -d @account.json
  zuora-token --org-ids o-1,o-2 curl -fsS /v1/accounts/A-1 | jq .basicInfo

Everything after `curl` is curl's: put zuora-token's own flags (-p, -v, ...)
before it. Only curl options that cannot change where the request goes or
what credentials it carries are passed on (output, verbosity, method, body,
headers but Authorization, timeouts, --fail, ...); any other (-K, -L, -x,
--connect-to, -u, ...) is refused with exit 2. curl reads no .curlrc, and
uses no proxy for a plain-HTTP base URL. A run of one transfer whose body
is not read from stdin is retried after a 401. The exit code is curl's; 127
if curl is not installed.")]
    Curl {
        /// curl's arguments: options, and URLs or paths (/v1/...) on the
        /// base URL.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "CURL ARGS"
        )]
        args: Vec<OsString>,
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

    /// Keep the token fresh in files (sinks) for other programs to read, in
    /// the foreground until SIGTERM or SIGINT; SIGHUP reads the config file
    /// again.
    ///
    /// A new token is asked for when less than the lead is left (by default 5
    /// minutes or a fifth of its life, whichever is less), through the cache
    /// that every `get` shares. A sink is replaced whole (a reader sees the
    /// old content or the new, never a part), keeps its mode, and is written
    /// only when the token changes. When Zuora fails, the token in the sinks
    /// is kept until it expires, with retries meanwhile.
    #[command(after_help = "\
Examples:
  zuora-token agent -p prod --sink file=/run/zuora/token
  zuora-token agent --sink file=/shared/zuora.json,format=json,mode=0640 \\
                    --sink file=/shared/zuora.env,format=dotenv
  zuora-token agent --once --sink file=$HOME/.zuora-token   # from cron

Formats: token (the token and a newline), json (as get -o json), header
(Authorization: Bearer ...), env (export statements to source), dotenv
(NAME=value lines). The mode is octal (default: the existing file's if it
is yours, else 0600). A sink is refused if its path is a symbolic link, a directory or
anything but a regular file, or if its directory is missing or another
user's.

Exit codes: 0 when stopped by SIGTERM or SIGINT (or after --once), 2 for a
bad sink; when the token has expired and no other can be had, or Zuora
rejects the credentials even after they are read again, the exit code of
that failure.")]
    Agent(AgentArgs),

    /// List or clear cached tokens.
    #[command(after_help = "\
Examples:
  zuora-token cache list
  zuora-token cache clear --profile prod
  zuora-token cache clear --all")]
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
    },

    /// List the config file's profiles: endpoint, client id and where the
    /// secret comes from (never the secret).
    #[command(after_help = "\
Examples:
  zuora-token profiles
  zuora-token profiles -o json | jq -r '.profiles[].name'

A column marked (overridden) is one that a flag or environment variable given
now replaces with another value for that profile.")]
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

    /// Print a shell completion script (static; `COMPLETE=SHELL zuora-token`
    /// prints a dynamic one, which also completes profile names).
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
  bin=$(dirname \"$(command -v zuora-token)\")   # beside it, man finds them
  zuora-token man --dir \"$bin/../share/man/man1\"
  zuora-token man | man -l -     # read it at once (man-db)")]
    Man {
        /// Write every page into this directory (made if missing) instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum CacheCommand {
    /// List the cached tokens: base URL, client id, entity, expiry (never the tokens).
    #[command(after_help = "\
Examples:
  zuora-token cache list
  zuora-token cache list -o json | jq '.[] | .expires_at'")]
    List {
        /// What to print.
        #[arg(short, long, value_enum, default_value_t = Report::Text)]
        output: Report,
    },
    /// Remove the cached token for the resolved credentials, or every one.
    #[command(after_help = "\
Examples:
  zuora-token cache clear --profile prod
  zuora-token cache clear --all")]
    Clear {
        /// Remove every cached token, whoever's credentials it was for.
        #[arg(long)]
        all: bool,
    },
}

/// What `agent` writes, and when.
#[derive(Debug, PartialEq, Eq, Args)]
pub struct AgentArgs {
    /// A file to keep the token in: file=PATH[,format=token|json|header|env|dotenv][,mode=0600]
    /// (repeatable).
    #[arg(long = "sink", value_name = "SPEC", required = true, value_parser = parse_sink)]
    pub sinks: Vec<SinkSpec>,

    /// Ask for a new token when less than this is left: seconds, or with
    /// m or h (10m) [default: 5 minutes or a fifth of the token's life,
    /// whichever is less].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub renew_before: Option<Duration>,

    /// Write the sinks once and exit (for cron).
    #[arg(long)]
    pub once: bool,
}

/// What `api` sends, and how it shows the answer.
#[derive(Debug, PartialEq, Eq, Args)]
pub struct ApiArgs {
    /// A path on the base URL (/v1/accounts/A-1), or a URL on it.
    #[arg(value_name = "PATH")]
    pub path: String,

    /// The HTTP method [default: GET, or POST with --input].
    #[arg(short = 'X', long, value_name = "METHOD")]
    pub method: Option<String>,

    /// A field, its value a string (repeatable).
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<String>,

    /// A field, its value typed: a number, true, false, null, or @FILE
    /// for a file's text (@- standard input) (repeatable).
    #[arg(short = 'F', long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,

    /// The request body, read from FILE ('-' for standard input).
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Another header, 'Name: value' (repeatable); never Authorization.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,

    /// Print the status line and the headers before the body.
    #[arg(short, long)]
    pub include: bool,

    /// Follow Zuora's pagination to the last page: nextPage links,
    /// Object Query cursors, and queryLocator through queryMore.
    #[arg(long)]
    pub paginate: bool,
}

impl Cli {
    /// The whole command line's definition, for help, completion and the
    /// man pages: the settings' flags on the program and on each command
    /// that resolves settings. (The derived `Cli::command()` has them on
    /// the program only: use this.)
    pub fn definition() -> clap::Command {
        Cli::command().mut_subcommands(with_settings)
    }

    /// The process's command line as clap reads it (see
    /// [`Cli::try_parse_words`]).
    pub fn try_parse_args() -> Result<Cli, clap::Error> {
        Cli::try_parse_words(std::env::args_os())
    }

    /// `args` (the program's name first) as clap reads them, but with
    /// everything after the `curl` subcommand left to curl: `zuora-token
    /// curl -v URL` is curl's `-v`, not ours. Of the commands, only the one
    /// named gets the settings' flags: clap builds the definition it
    /// parses with, and every flag of it, at each run.
    pub fn try_parse_words(
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Result<Cli, clap::Error> {
        let args = curl_args_kept(args.into_iter().map(Into::into).collect());
        let named = subcommand_at(&args).and_then(|at| args[at].to_str());
        let mut command = match named {
            // `help get` shows `get` as `get --help` does.
            Some("help") => Cli::definition(),
            Some(name) => {
                let command = Cli::command();
                match command.find_subcommand(name).is_some() {
                    true => command.mut_subcommand(name, with_settings),
                    false => command,
                }
            }
            None => Cli::command(),
        };
        let matches = command.try_get_matches_from_mut(args)?;
        Cli::from_arg_matches(&matches).map_err(|error| error.format(&mut command))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::settings::table::Setting;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::definition().debug_assert();
    }

    #[test]
    fn a_commands_short_help_is_about_the_command_and_names_the_settings_briefly() {
        for name in ["get", "env", "exec", "api", "status", "profiles", "login"] {
            let mut command = Cli::definition();
            let command = command.find_subcommand_mut(name).unwrap();
            let short = command.render_help().to_string();
            let long = command.render_long_help().to_string();
            assert!(short.contains(MORE_SETTINGS), "{name}: {short}");
            assert!(!short.contains("--client-id <ID>"), "{name}: {short}");
            assert!(short.lines().count() < 60, "{name}: {short}");
            // The long help lists every setting, after the command's own
            // options.
            let own = long.find("-h, --help").unwrap();
            for setting in Setting::ALL {
                let flag = format!("--{} <{}>", setting.flag(), setting.value_name());
                let at = long.find(&flag).unwrap_or_else(|| panic!("{name}: {flag}"));
                assert!(own < at, "{name}: {flag} before the command's options");
            }
            assert!(!long.contains(MORE_SETTINGS), "{name}: {long}");
        }
    }

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn everything_after_curl_is_curls() {
        for (line, kept) in [
            ("zt curl -v /v1", "zt curl -- -v /v1"),
            (
                "zt -p prod -v curl -e x /v1",
                "zt -p prod -v curl -- -e x /v1",
            ),
            ("zt --profile curl get", "zt --profile curl get"),
            ("zt -vp curl curl -o x", "zt -vp curl curl -- -o x"),
            ("zt --base-url=u curl -- -v", "zt --base-url=u curl -- -v"),
            ("zt get -o json", "zt get -o json"),
            ("zt exec curl -v", "zt exec curl -v"),
            ("zt -- curl", "zt -- curl"),
        ] {
            assert_eq!(curl_args_kept(words(line)), words(kept), "{line}");
        }
        let cli = Cli::try_parse_words(words("zt -v curl -v -p x /v1")).unwrap();
        assert!(cli.settings.verbose);
        assert_eq!(
            cli.command,
            Command::Curl {
                args: words("-v -p x /v1")
            }
        );
    }
}
