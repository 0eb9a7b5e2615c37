//! The sections of the pages that clap_mangen does not make: more of the
//! main page's DESCRIPTION, EXIT STATUS, ENVIRONMENT (from the settings
//! table), FILES and SEE ALSO.

use clap_mangen::roff::{Roff, bold, italic, roman};
use zuora_token::ErrorKind;

use super::page_name;
use crate::cli::commands::api::HTTP_ERROR;
use crate::cli::report::exit_code;
use crate::cli::settings::table::{self, Setting};

/// More of the main page's DESCRIPTION: where settings come from.
pub(super) fn settings_description() -> Roff {
    let mut roff = Roff::new();
    roff.control("PP", []);
    roff.text([roman(
        "Each setting is taken from the first of: its flag, its environment \
         variable (see ENVIRONMENT), the profile in the config file (see FILES), \
         its default. Flags may stand before or after the subcommand. An \
         environment variable set to the empty string counts as unset.",
    )]);
    let mut keys: Vec<&str> = table::profile_keys().into_iter().map(|(k, _)| k).collect();
    let last = keys.pop().expect("profiles have keys");
    roff.control("PP", []);
    roff.text([roman(format!(
        "The config file is TOML: an optional top-level default_profile, and one \
         [profiles.NAME] table per profile, with the keys {} and {last}. Each \
         setting's key is named in ENVIRONMENT; these two a profile alone gives:",
        keys.join(", ")
    ))]);
    for key in table::PROFILE_ONLY {
        roff.control("TP", [])
            .text([bold(key.key)])
            .text([roman(format!("({}) {}.", key.kind.describe(), key.help))]);
    }
    roff
}

/// What an exit code means, for each kind of failure.
fn failure(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Other => {
            "Any other failure: a secret command failed, standard output was closed \
             or could not be written, the cache could not be used."
        }
        ErrorKind::Usage => {
            "Usage or configuration error: a bad flag or value, missing credentials, \
             a bad config file. Nothing was sent."
        }
        ErrorKind::Refused => {
            "Zuora refused the request (a 4xx other than 429): bad credentials, a bad \
             entity, no token endpoint at that URL."
        }
        ErrorKind::RateLimited => {
            "Rate limited (429) after every retry: Zuora allows 100 token requests a \
             minute per IP address."
        }
        ErrorKind::Unreachable => {
            "Zuora could not be reached (connection, DNS, TLS, the timeout), or \
             answered 5xx, after every retry."
        }
        ErrorKind::BadResponse => {
            "Zuora answered with something that is not a valid token response: a \
             redirect, a body over 1 MiB, a missing or malformed field."
        }
    }
}

/// The EXIT STATUS section of the command at `path`.
pub(super) fn exit_status(roff: &mut Roff, path: &[String]) {
    let command: Vec<&str> = path.iter().map(String::as_str).collect();
    let no_token = "no token with at least --min-ttl left is cached";
    let ok = match command[..] {
        [] => "Success; for status: a token with at least --min-ttl left is cached.",
        ["status"] => "A token with at least --min-ttl left is cached.",
        ["agent"] => "Stopped by SIGTERM or SIGINT, or the sinks written (--once).",
        _ => "Success.",
    };
    let kinds = match command[..] {
        [] | ["get" | "env" | "exec" | "api" | "curl" | "agent"] => &ErrorKind::ALL[..],
        _ => &ErrorKind::ALL[..2],
    };
    // exec's command replaces it, and curl's exit status is passed on:
    // zuora-token's own codes are its failures only.
    let mut codes = match command[..] {
        ["exec" | "curl"] => vec![],
        _ => vec![(0, ok.to_owned())],
    };
    for &kind in kinds {
        let meaning = match (&command[..], kind) {
            (["status"], ErrorKind::Other) => {
                format!("Otherwise: {no_token} for the resolved credentials.")
            }
            ([_, ..], ErrorKind::Other) if kinds.len() == 2 => {
                "A failure: a file could not be read or written, or standard output \
                 was closed."
                    .to_owned()
            }
            ([], ErrorKind::Other) => format!("{} For status: {no_token}.", failure(kind)),
            ([], ErrorKind::Usage) => format!("{} Also: no subcommand.", failure(kind)),
            _ => failure(kind).to_owned(),
        };
        codes.push((exit_code(kind), meaning));
    }
    if let [] | ["api"] = command[..] {
        codes.push((
            HTTP_ERROR,
            "api: Zuora answered with a status other than 2xx (after every retry); \
             the body is printed all the same, and a summary on stderr."
                .into(),
        ));
    }
    if let [] | ["exec"] = command[..] {
        codes.push((126, "exec: the command was found but cannot be run.".into()));
        codes.push((127, "exec: the command is not found.".into()));
    }
    if let [] | ["curl"] = command[..] {
        codes.push((126, "curl: curl was found but cannot be run.".into()));
        codes.push((127, "curl: curl is not installed.".into()));
    }
    roff.control("SH", ["EXIT STATUS"]);
    if command == ["exec"] {
        roff.text([roman(
            "Once the command runs it replaces zuora-token (on Unix), so the exit \
             status is the command's own. Before that:",
        )]);
    }
    if command == ["curl"] {
        roff.text([roman(
            "Once curl has run, the exit status is curl's own (22 for an HTTP \
             error with -f, and so on). Before that:",
        )]);
    }
    for (code, meaning) in codes {
        roff.control("TP", [])
            .text([bold(code.to_string())])
            .text([roman(meaning)]);
    }
}

/// Variables read besides the settings': name and meaning.
const OTHER_VARIABLES: [(&str, &str); 7] = [
    (
        "SSL_CERT_FILE",
        "A PEM bundle to trust instead of the distribution's bundle (as curl and \
         OpenSSL read it). Not read with --ca-bundle, nor on macOS and Windows, \
         which ask the system.",
    ),
    (
        "SSL_CERT_DIR",
        "Directories of certificates named by subject hash, as update-ca-certificates \
         and c_rehash make them, separated by ':' and read as OpenSSL reads them.",
    ),
    (
        "ALL_PROXY, HTTPS_PROXY, HTTP_PROXY",
        "The proxy for HTTPS requests, the first set of these (each in upper or \
         lower case): http:// for a CONNECT tunnel, socks5h://, socks5://, \
         socks4a:// or socks4://. Plain-HTTP requests to loopback never use a proxy.",
    ),
    (
        "NO_PROXY",
        "Hosts that bypass the proxy (either case): localhost, .example.com, *.",
    ),
    (
        "GITHUB_ENV",
        "The file env --shell github appends the variables to, in a GitHub Actions \
         step.",
    ),
    (
        "XDG_CONFIG_HOME, XDG_CACHE_HOME, HOME",
        "Where the config file and the cache are by default (see FILES).",
    ),
    (
        "COMPLETE",
        "COMPLETE=bash, zsh or fish makes zuora-token print a dynamic completion \
         script instead of running, which completes --profile with the config \
         file's profiles.",
    ),
];

/// The ENVIRONMENT section: on the main page each variable read, the
/// settings' from the settings table; on the others, where to find them.
pub(super) fn environment(roff: &mut Roff, path: &[String]) {
    if let [command] = path
        && (command == "completions" || command == "man")
    {
        return;
    }
    roff.control("SH", ["ENVIRONMENT"]);
    if !path.is_empty() {
        roff.text([
            roman(
                "Each setting can also be given by its environment variable, named in \
                   its option above; ",
            ),
            bold("zuora-token"),
            roman("(1) lists them, and the variables for TLS and proxies."),
        ]);
        return;
    }
    roff.text([roman(
        "The settings' variables. A flag beats its variable, a variable beats \
         the config file, and a variable set to the empty string counts as unset.",
    )]);
    for setting in Setting::ALL {
        let help = setting.help();
        let help = help
            .strip_suffix(&format!(" [env: {}]", setting.env_var()))
            .unwrap_or(&help);
        let mut line = vec![
            roman("As "),
            bold(format!("--{}", setting.flag())),
            roman(" "),
            italic(setting.value_name()),
            roman(format!(": {help}")),
        ];
        if let Some(key) = setting.profile_key() {
            line.extend([roman(". In a profile: "), bold(key)]);
        }
        roff.control("TP", [])
            .text([bold(setting.env_var())])
            .text(line);
    }
    roff.control("PP", []);
    roff.text([roman("Also read:")]);
    for (name, meaning) in OTHER_VARIABLES {
        roff.control("TP", [])
            .text([bold(name)])
            .text([roman(meaning)]);
    }
}

/// The FILES section of the main page.
pub(super) fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (file, meaning) in [
        (
            "${XDG_CONFIG_HOME:-~/.config}/zuora-token/config.toml",
            "The config file, unless --config or ZUORA_TOKEN_CONFIG names another (on \
             macOS ~/Library/Application Support/zuora-token/config.toml). A missing \
             default file is fine. It should be readable by its owner only (chmod 600) \
             if it holds a client_secret.",
        ),
        (
            "${XDG_CACHE_HOME:-~/.cache}/zuora-token/",
            "The token cache, unless --cache-dir or ZUORA_TOKEN_CACHE_DIR names another \
             (on macOS ~/Library/Caches/zuora-token). Mode 0700, its files 0600: per \
             credentials, <key>.json holds the token, <key>.failed.json the last \
             failure and <key>.lock is the lock that lets parallel processes share \
             one request. Never a secret.",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(file)])
            .text([roman(meaning)]);
    }
}

/// The SEE ALSO section: the pages related to the one at `path`, all of
/// them among `all`.
pub(super) fn see_also(roff: &mut Roff, path: &[String], all: &[Vec<String>]) {
    let related: Vec<&Vec<String>> = all
        .iter()
        .filter(|other| other.as_slice() != path)
        .filter(|other| {
            // The main page names every page; the others name the main
            // page, their parent and their siblings.
            path.is_empty()
                || other.is_empty()
                || (other.len() == path.len() && other[..other.len() - 1] == path[..path.len() - 1])
                || other.as_slice() == &path[..path.len() - 1]
        })
        .collect();
    roff.control("SH", ["SEE ALSO"]);
    // Page names are not hyphenated.
    roff.control("nh", []);
    let mut line = Vec::new();
    for (i, other) in related.iter().enumerate() {
        if i > 0 {
            line.push(roman(", "));
        }
        line.push(bold(page_name(other)));
        line.push(roman("(1)"));
    }
    roff.text(line);
    roff.control("hy", []);
}
