//! `man`: the man pages, in roff, generated from the command line's
//! definition: `zuora-token.1`, and one page per subcommand
//! (`zuora-token-get.1`, `zuora-token-cache-list.1`, ...).
//!
//! clap_mangen writes each page's NAME, SYNOPSIS, DESCRIPTION, options and
//! SUBCOMMANDS; the sections it does not make are added here: EXAMPLES
//! (the examples of the command's `--help`), NOTES (the rest of that text),
//! EXIT STATUS, ENVIRONMENT (from the settings table), FILES and SEE ALSO.

use std::path::Path;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use zuora_token::{Error, ErrorKind, Result};

use crate::cli::args::{Cli, MORE_SETTINGS};
use crate::cli::output;
use crate::cli::report::exit_code;
use crate::cli::settings::table::{self, Setting};

/// The date in the pages' footers: the last time their text changed. Set it
/// to the day when regenerating `man/` changes more than the version.
const DATE: &str = "2026-11-25";

/// The manual the pages belong to (section 1's usual title).
const MANUAL: &str = "User Commands";

/// `zuora-token man` prints the main page; `--dir DIR` writes every page
/// into DIR (created if missing) and prints each file's path.
pub fn run(dir: Option<&Path>) -> Result<u8> {
    let pages = pages();
    let Some(dir) = dir else {
        return output::print(&pages[0].roff).map(|()| 0);
    };
    let failed = |what: &str, path: &Path, e: std::io::Error| {
        Error::other(format!("cannot {what} {}: {e}", path.display()))
    };
    std::fs::create_dir_all(dir).map_err(|e| failed("create", dir, e))?;
    let mut written = String::new();
    for page in &pages {
        let path = dir.join(page.file_name());
        std::fs::write(&path, &page.roff).map_err(|e| failed("write", &path, e))?;
        written.push_str(&format!("{}\n", path.display()));
    }
    output::print(&written)?;
    Ok(0)
}

/// A man page: the command it documents and its roff.
struct Page {
    /// The command's words after `zuora-token` (none for the main page).
    path: Vec<String>,
    roff: String,
}

impl Page {
    /// `zuora-token`, `zuora-token-cache-list`, ...
    fn name(&self) -> String {
        page_name(&self.path)
    }

    fn file_name(&self) -> String {
        format!("{}.1", self.name())
    }
}

fn page_name(path: &[String]) -> String {
    std::iter::once("zuora-token")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// Every page: the main page first, then each subcommand's, depth first.
/// There is no page for `help`, so the pages name none.
fn pages() -> Vec<Page> {
    let mut root = Cli::definition().disable_help_subcommand(true);
    root.build();
    let mut commands = Vec::new();
    collect(&root, Vec::new(), &mut commands);
    let paths: Vec<Vec<String>> = commands.iter().map(|(path, _)| path.clone()).collect();
    commands
        .into_iter()
        .map(|(path, command)| Page {
            roff: render(&command, &path, &paths),
            path,
        })
        .collect()
}

/// `command` and its subcommands (but `help`), with their paths.
fn collect(
    command: &clap::Command,
    path: Vec<String>,
    into: &mut Vec<(Vec<String>, clap::Command)>,
) {
    into.push((path.clone(), command.clone()));
    for sub in command.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let mut sub_path = path.clone();
        sub_path.push(sub.get_name().to_owned());
        collect(sub, sub_path, into);
    }
}

/// The page of `command` (at `path`), among the pages at `all`.
fn render(command: &clap::Command, path: &[String], all: &[Vec<String>]) -> String {
    let title = page_name(path).to_uppercase();
    let man = Man::new(command.clone())
        .title(title)
        .date(DATE)
        .source(format!("zuora-token {}", env!("CARGO_PKG_VERSION")))
        .manual(MANUAL);
    let mut page = String::new();
    let mut add = |section: fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>| {
        let mut out = Vec::new();
        section(&man, &mut out).expect("writing to a Vec always works");
        let out = String::from_utf8(out).expect("roff is UTF-8");
        // Each part starts with the preamble that defines \*(Aq; the page
        // needs it once.
        let out = if page.is_empty() {
            &out
        } else {
            without_preamble(&out)
        };
        page.push_str(&with_space_before_possible_values(out));
    };
    add(Man::render_title);
    add(Man::render_name_section);
    add(Man::render_synopsis_section);
    add(Man::render_description_section);
    if path.is_empty() {
        add(|_, out| out.write_all(settings_description().to_roff().as_bytes()));
    }
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        add(Man::render_options_section);
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        add(Man::render_subcommands_section);
    }

    let mut roff = Roff::new();
    let (examples, notes) = after_help(command);
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        for (i, example) in examples.into_iter().enumerate() {
            if i > 0 {
                roff.control("PP", []);
            }
            roff.control("RS", ["4"]).control("nf", []);
            roff.text([roman(example)]);
            roff.control("fi", []).control("RE", []);
        }
    }
    if !notes.is_empty() {
        roff.control("SH", ["NOTES"]);
        for (i, note) in notes.into_iter().enumerate() {
            if i > 0 {
                roff.control("PP", []);
            }
            roff.text([roman(note)]);
        }
    }
    exit_status(&mut roff, path);
    environment(&mut roff, path);
    if path.is_empty() {
        files(&mut roff);
    }
    see_also(&mut roff, path, all);
    page.push_str(&roff.to_roff());
    page
}

/// `part` without the lines that define `\*(Aq`, which every rendering
/// from clap_mangen starts with.
fn without_preamble(part: &str) -> &str {
    let mut rest = part;
    for line in [".ie \\n(.g .ds Aq \\(aq\n", ".el .ds Aq '\n"] {
        rest = rest.strip_prefix(line).unwrap_or(rest);
    }
    rest
}

/// `part` with the space clap_mangen puts between an option's help and its
/// list of values, `.br`, an empty line and `.br` again, as `.sp`: the same
/// space, without the line breaks around it that do nothing (mandoc's lint
/// warns of them).
fn with_space_before_possible_values(part: &str) -> String {
    part.replace("\n.br\n\n.br\n", "\n.sp\n")
}

/// The examples and the other paragraphs of the command's `--help` text
/// after the options: a paragraph headed `Examples:` (or `Example:`) gives
/// one example per indented line; one headed `Exit codes:` is left out for
/// the EXIT STATUS section, and the short help's list of settings for the
/// SETTINGS section; any other is a note.
fn after_help(command: &clap::Command) -> (Vec<String>, Vec<String>) {
    let (mut examples, mut notes) = (Vec::new(), Vec::new());
    // The long help's: the short one names the settings, which the page
    // lists in full.
    let Some(text) = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
    else {
        return (examples, notes);
    };
    let text = text.to_string();
    for paragraph in text.split("\n\n") {
        let mut lines = paragraph.lines().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.clone().next() else {
            continue;
        };
        if matches!(first.trim(), "Examples:" | "Example:") {
            examples.extend(lines.skip(1).map(|l| l.trim().to_owned()));
        } else if !first.starts_with("Exit codes:") && !first.starts_with(MORE_SETTINGS) {
            notes.push(lines.by_ref().map(str::trim).collect::<Vec<_>>().join(" "));
        }
    }
    (examples, notes)
}

/// More of the main page's DESCRIPTION: where settings come from.
fn settings_description() -> Roff {
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
fn exit_status(roff: &mut Roff, path: &[String]) {
    let command: Vec<&str> = path.iter().map(String::as_str).collect();
    let no_token = "no token with at least --min-ttl left is cached";
    let ok = match command[..] {
        [] => "Success; for status: a token with at least --min-ttl left is cached.",
        ["status"] => "A token with at least --min-ttl left is cached.",
        _ => "Success.",
    };
    let kinds = match command[..] {
        [] | ["get" | "env" | "exec" | "api" | "curl"] => &ErrorKind::ALL[..],
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
            super::api::HTTP_ERROR,
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
fn environment(roff: &mut Roff, path: &[String]) {
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
fn files(roff: &mut Roff) {
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
fn see_also(roff: &mut Roff, path: &[String], all: &[Vec<String>]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_exit_code_from_1_to_6_is_one_kind() {
        let codes: Vec<u8> = ErrorKind::ALL.into_iter().map(exit_code).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn there_is_a_page_per_command_and_none_for_help() {
        let names: Vec<String> = pages().iter().map(Page::file_name).collect();
        assert_eq!(
            names,
            [
                "zuora-token.1",
                "zuora-token-get.1",
                "zuora-token-env.1",
                "zuora-token-exec.1",
                "zuora-token-api.1",
                "zuora-token-curl.1",
                "zuora-token-status.1",
                "zuora-token-cache.1",
                "zuora-token-cache-list.1",
                "zuora-token-cache-clear.1",
                "zuora-token-profiles.1",
                "zuora-token-login.1",
                "zuora-token-logout.1",
                "zuora-token-completions.1",
                "zuora-token-man.1",
            ]
        );
    }

    #[test]
    fn the_help_texts_examples_become_the_pages_examples() {
        let mut root = Cli::definition();
        root.build();
        let (examples, notes) = after_help(&root);
        assert!(examples.contains(&"zuora-token get --profile prod".to_owned()));
        assert!(notes.is_empty(), "{notes:?}");
        let exec = root.find_subcommand("exec").unwrap();
        let (examples, notes) = after_help(exec);
        assert_eq!(examples.len(), 2, "{examples:?}");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("The command replaces zuora-token"));
    }
}
