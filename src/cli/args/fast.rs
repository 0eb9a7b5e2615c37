//! The command lines that scripts run thousands of times a day (`get`,
//! `env` and `status`, with their flags and the settings), read without
//! clap. To parse any command line, clap builds its whole definition of all
//! of them, which was most of the cost of a cached `get`. Weighed again on
//! the ordinary build of issue 20, with the settings only on the command
//! named: a cached `get` is 1.17x `cat` with this reader, 1.39x with clap
//! alone, over the 1.3x target (BENCHMARKS.md, "An ordinary build").
//!
//! This reads a strict subset of what clap reads, and nothing differently:
//! anything else (help, `exec`, an unknown, repeated or conflicting flag, a
//! value that looks like a flag, combined short flags, `--`) is left to
//! clap, which also makes every message. A test holds the two to the same
//! result for every command line this reads.

use std::ffi::OsString;

use clap::ValueEnum;

use super::{CacheUse, Cli, Command, SettingsArgs};
use crate::cli::output::{Format, Report, Shell};
use crate::cli::settings::table::Setting;
use crate::cli::settings::values::Values;

impl Cli {
    /// The process's command line, if it is one of the common ones; `None`
    /// leaves it to clap.
    pub fn parse_fast() -> Option<Cli> {
        parse(std::env::args_os().skip(1))
    }
}

/// The subcommand and its own flags, as read so far.
enum Sub {
    Get(Option<Format>, CacheUse),
    Env(Option<Shell>, CacheUse),
    Status(Option<Report>),
}

/// `args` (without the program's name) as clap would read them, if they
/// are a command line this reads.
fn parse(args: impl IntoIterator<Item = OsString>) -> Option<Cli> {
    let mut args = args.into_iter();
    let mut flags: Vec<(Setting, OsString)> = Vec::new();
    let (mut verbose, mut quiet) = (false, false);
    let mut sub: Option<Sub> = None;
    while let Some(arg) = args.next() {
        let arg = arg.into_string().ok()?;
        let (name, inline) = match arg.strip_prefix("--") {
            Some(long) => match long.split_once('=') {
                Some((name, value)) => (Name::Long(name.to_owned()), Some(OsString::from(value))),
                None => (Name::Long(long.to_owned()), None),
            },
            None => match arg.strip_prefix('-') {
                Some(short) if short.chars().count() == 1 => (Name::Short(short.to_owned()), None),
                Some(_) => return None,
                None => (Name::Positional(arg), None),
            },
        };
        let mut value = || match inline.clone() {
            Some(value) => Some(value),
            None => args
                .next()
                .filter(|v| !v.to_string_lossy().starts_with('-')),
        };
        match name {
            Name::Positional(word) => {
                if sub.is_some() {
                    return None;
                }
                sub = Some(match word.as_str() {
                    "get" => Sub::Get(None, CacheUse::default()),
                    "env" => Sub::Env(None, CacheUse::default()),
                    "status" => Sub::Status(None),
                    _ => return None,
                });
            }
            Name::Long(long) => {
                let flag = long.as_str();
                match (flag, &mut sub) {
                    ("verbose", _) if inline.is_none() => set_once(&mut verbose)?,
                    ("quiet", _) if inline.is_none() => set_once(&mut quiet)?,
                    ("refresh", Some(Sub::Get(_, cache) | Sub::Env(_, cache)))
                        if inline.is_none() =>
                    {
                        set_once(&mut cache.refresh)?
                    }
                    ("no-cache", Some(Sub::Get(_, cache) | Sub::Env(_, cache)))
                        if inline.is_none() =>
                    {
                        set_once(&mut cache.no_cache)?
                    }
                    ("output", Some(Sub::Get(output, _))) => set_enum(output, value()?)?,
                    ("output", Some(Sub::Status(output))) => set_enum(output, value()?)?,
                    ("shell", Some(Sub::Env(shell, _))) => set_enum(shell, value()?)?,
                    (flag, _) => {
                        let setting = Setting::ALL.into_iter().find(|s| s.flag() == flag)?;
                        add(&mut flags, setting, value()?)?;
                    }
                }
            }
            Name::Short(short) => match (short.as_str(), &mut sub) {
                ("v", _) => set_once(&mut verbose)?,
                ("q", _) => set_once(&mut quiet)?,
                ("o", Some(Sub::Get(output, _))) => set_enum(output, value()?)?,
                ("o", Some(Sub::Status(output))) => set_enum(output, value()?)?,
                ("s", Some(Sub::Env(shell, _))) => set_enum(shell, value()?)?,
                // A setting's short flag, from the table (`-p`, `-e`).
                (letter, _) => {
                    let short = |s: &Setting| s.short().is_some_and(|c| c.to_string() == letter);
                    let setting = Setting::ALL.into_iter().find(short)?;
                    add(&mut flags, setting, value()?)?;
                }
            },
        }
    }
    if verbose && quiet {
        return None;
    }
    let command = match sub? {
        Sub::Get(output, cache) => Command::Get {
            output: output.unwrap_or(Format::Token),
            cache: no_conflict(cache)?,
        },
        Sub::Env(shell, cache) => Command::Env {
            shell: shell.unwrap_or(Shell::Sh),
            cache: no_conflict(cache)?,
        },
        Sub::Status(output) => Command::Status {
            output: output.unwrap_or(Report::Text),
        },
    };
    flags.sort_by_key(|(setting, _)| Setting::ALL.iter().position(|s| s == setting));
    Some(Cli {
        settings: SettingsArgs {
            flags: Values::from_flags(flags),
            verbose,
            quiet,
        },
        command,
    })
}

/// What a word of the command line is.
enum Name {
    Long(String),
    Short(String),
    Positional(String),
}

/// Sets a flag that may be given once.
fn set_once(flag: &mut bool) -> Option<()> {
    (!*flag).then(|| *flag = true)
}

/// Sets a subcommand's choice, given once, to a value clap knows.
fn set_enum<T: ValueEnum>(choice: &mut Option<T>, value: OsString) -> Option<()> {
    if choice.is_some() {
        return None;
    }
    *choice = Some(T::from_str(value.to_str()?, false).ok()?);
    Some(())
}

/// Adds a setting given once. An empty value (which clap refuses for a
/// path) is left to clap, and a text setting's value must be UTF-8.
fn add(flags: &mut Vec<(Setting, OsString)>, setting: Setting, value: OsString) -> Option<()> {
    let repeated = flags.iter().any(|(s, _)| *s == setting);
    if repeated || value.is_empty() || (!setting.is_path() && value.to_str().is_none()) {
        return None;
    }
    flags.push((setting, value));
    Some(())
}

/// `--refresh` and `--no-cache` conflict.
fn no_conflict(cache: CacheUse) -> Option<CacheUse> {
    (!(cache.refresh && cache.no_cache)).then_some(cache)
}

#[cfg(test)]
mod tests {

    use super::*;

    fn fast(args: &[&str]) -> Option<Cli> {
        parse(args.iter().map(OsString::from))
    }

    fn clap(args: &[&str]) -> Option<Cli> {
        Cli::try_parse_words(std::iter::once("zuora-token").chain(args.iter().copied())).ok()
    }

    #[test]
    fn the_common_command_lines_are_read_without_clap() {
        for args in [
            &["get"][..],
            &["get", "-o", "header"],
            &["get", "--output=json", "--profile", "prod", "-v"],
            &["--profile", "prod", "get", "--refresh"],
            &["env", "--shell", "fish", "--no-cache", "-q"],
            &["status", "-o", "json", "--client-id=x", "-e", "prod-eu"],
            &[
                "get",
                "--token-url",
                "https://login.example.com/t",
                "-o",
                "json",
            ],
            &[
                "get",
                "--client-secret-file",
                "/run/secret",
                "--timeout",
                "5",
            ],
        ] {
            let read = fast(args);
            assert!(read.is_some(), "{args:?}");
            assert_eq!(read, clap(args), "{args:?}");
        }
    }

    #[test]
    fn what_it_does_not_read_exactly_as_clap_is_left_to_clap() {
        for args in [
            &[][..],
            &["--help"],
            &["get", "-h"],
            &["exec", "--", "env"],
            &["get", "--refresh", "--no-cache"],
            &["get", "-v", "-q"],
            &["get", "-vq"],
            &["get", "-ojson"],
            &["get", "--client-id", "-x"],
            &["get", "--client-id", "a", "--client-id", "b"],
            &["get", "--bogus"],
            &["get", "extra"],
            &["--refresh", "get"],
            &["env", "--shell", "tcsh"],
            &["status", "--no-cache"],
            &["get", "--profile"],
        ] {
            assert_eq!(fast(args), None, "{args:?}");
        }
    }

    /// Every command line of up to three words from a pool of the words
    /// that matter, and a few thousand longer ones: wherever this reads
    /// one, clap reads the same.
    #[test]
    fn it_agrees_with_clap_on_every_command_line_it_reads() {
        const WORDS: &[&str] = &[
            "get",
            "env",
            "status",
            "exec",
            "cache",
            "-o",
            "--output",
            "json",
            "header",
            "text",
            "--output=json",
            "-s",
            "--shell",
            "fish",
            "--shell=github",
            "-p",
            "--profile",
            "prod",
            "--profile=",
            "-e",
            "sbx",
            "--client-id",
            "--client-id=x",
            "--cache-dir",
            "/tmp/c",
            "--min-ttl",
            "5",
            "-v",
            "--verbose",
            "-q",
            "--quiet",
            "--refresh",
            "--no-cache",
            "--verbose=true",
            "--",
            "-",
            "",
            "-x",
            "--bogus",
            "--timeout=2.5",
            "--client-id=-x",
            "--entity-id=",
            "-ofish",
        ];
        let check = |args: &[&str]| {
            if let Some(read) = fast(args) {
                assert_eq!(Some(read), clap(args), "{args:?}");
            }
        };
        for a in WORDS {
            check(&[a]);
            for b in WORDS {
                check(&[a, b]);
                for c in WORDS {
                    check(&[a, b, c]);
                }
            }
        }
        // A fixed pseudo-random walk (xorshift) over longer command lines.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap()
        };
        for _ in 0..5000 {
            let len = 4 + next(5);
            let args: Vec<&str> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
            check(&args);
        }
    }
}
