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
use clap_mangen::roff::{Roff, roman};
use zuora_token::{Error, Result};

mod sections;

use sections::{environment, exit_status, files, see_also, settings_description};

use crate::cli::args::{Cli, MORE_SETTINGS};
use crate::cli::output;

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

#[cfg(test)]
mod tests {
    use super::*;

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
                "zuora-token-agent.1",
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
