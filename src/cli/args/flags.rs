//! The settings' flags, made from the settings table: on the program, and
//! on each command that resolves settings, where a command's `-h` names
//! them in one paragraph and its `--help` describes them after its own
//! options. clap reads the flags only, never the environment.

use std::ffi::{OsStr, OsString};

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser, ValueParser};
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches};
use clap_complete::engine::ArgValueCandidates;
use zuora_token::Environment;

use crate::cli::settings::config_file::profile_candidates;
use crate::cli::settings::table::Setting;
use crate::cli::settings::values::Values;

/// The settings and the verbosity, on the program and on each command that
/// resolves settings, so that they can stand before or after the
/// subcommand. Each setting's flag is made from its entry in the settings
/// table, which also names its environment variable; the variables
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
                    .action(ArgAction::SetTrue)
                    .help("Print no warnings"),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

/// `command` (a subcommand of the program's) with the settings' flags, if
/// it resolves settings: not `curl` (everything after it is curl's), nor
/// `completions` and `man`; `cache` and its own commands.
pub(super) fn with_settings(command: clap::Command) -> clap::Command {
    match command.get_name() {
        "get" | "env" | "exec" | "api" | "agent" | "status" | "profiles" | "login" | "logout" => {
            settings_of_a_command(command)
        }
        "cache" => settings_of_a_command(command.mut_subcommands(settings_of_a_command)),
        _ => command,
    }
}

/// `command` with the settings' flags, which its `--help` lists after its
/// own options and its `-h` names in one paragraph (as `gh` keeps its
/// inherited flags out of the way): a command's short help is about the
/// command.
fn settings_of_a_command(command: clap::Command) -> clap::Command {
    let command = Setting::ALL.iter().fold(
        SettingsArgs::augment_args(command),
        // The long help set too: the man pages read only it of an argument
        // hidden from the short help.
        |command, setting| {
            command.mut_arg(setting.flag(), |arg| {
                arg.hide_short_help(true).long_help(setting.help())
            })
        },
    );
    let examples = command.get_after_help().map(ToString::to_string);
    let brief = match &examples {
        Some(examples) => format!("{}\n\n{examples}", settings_in_brief(command.get_name())),
        None => settings_in_brief(command.get_name()),
    };
    let command = command.after_help(brief);
    match examples {
        Some(examples) => command.after_long_help(examples),
        None => command,
    }
}

/// How the paragraph of [`settings_in_brief`] starts.
pub const MORE_SETTINGS: &str = "More settings,";

/// The paragraph that names the settings in a command's `-h`, wrapped to
/// fit 80 columns.
fn settings_in_brief(name: &str) -> String {
    let flags = Setting::ALL.map(|s| match s.short() {
        Some(short) => format!("-{short}"),
        None => format!("--{}", s.flag()),
    });
    let mut text = format!(
        "{MORE_SETTINGS} before or after `{name}` (each also an environment \
         variable; `--help` describes them): {}",
        flags.join(", ")
    );
    let mut wrapped = String::new();
    while text.chars().count() > 78 {
        let cut = text[..78].rfind(' ').unwrap_or(78);
        wrapped.push_str(&text[..cut]);
        wrapped.push('\n');
        text = text[cut + 1..].to_owned();
    }
    wrapped.push_str(&text);
    wrapped
}

impl FromArgMatches for SettingsArgs {
    /// The flags of the program and of its command (and the command's
    /// command, for `cache`): a flag given at both levels is the command's.
    fn from_arg_matches(matches: &ArgMatches) -> Result<SettingsArgs, clap::Error> {
        let mut levels = vec![matches];
        while let Some((_, sub)) = levels[levels.len() - 1].subcommand() {
            levels.push(sub);
        }
        let raw = |id: &str| {
            levels.iter().rev().find_map(|level| {
                let value = level.try_get_raw(id).ok()??.next()?;
                Some(value.to_owned())
            })
        };
        let flag = |id: &str| {
            levels
                .iter()
                .any(|level| level.try_get_one::<bool>(id).ok().flatten() == Some(&true))
        };
        let flags = Setting::ALL
            .into_iter()
            .filter_map(|setting| Some((setting, raw(setting.flag())?)))
            .collect();
        let (verbose, quiet) = (flag("verbose"), flag("quiet"));
        if verbose && quiet {
            return Err(clap::Error::raw(
                clap::error::ErrorKind::ArgumentConflict,
                "the argument '--verbose' cannot be used with '--quiet'",
            ));
        }
        Ok(SettingsArgs {
            flags: Values::from_flags(flags),
            verbose,
            quiet,
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
        .value_name(setting.value_name())
        .help(setting.help())
        .value_parser(match setting.is_path() {
            true => ValueParser::path_buf(),
            false => ValueParser::string(),
        });
    let arg = match setting.short() {
        Some(short) => arg.short(short),
        None => arg,
    };
    match setting {
        Setting::Profile => arg.add(ArgValueCandidates::new(profile_candidates)),
        Setting::Environment => arg.value_parser(EnvironmentName).hide_possible_values(true),
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

/// `args` with a `--` after the `curl` subcommand, if that is the
/// subcommand, so that clap takes none of what follows as a flag of ours.
pub(super) fn curl_args_kept(mut args: Vec<OsString>) -> Vec<OsString> {
    if let Some(at) = subcommand_at(&args)
        && args[at] == "curl"
        && args.get(at + 1).is_none_or(|next| next != "--")
    {
        args.insert(at + 1, "--".into());
    }
    args
}

/// Where the subcommand is in `args` (the program's name first): the first
/// word that is neither a flag of ours nor a setting's value.
pub(super) fn subcommand_at(args: &[OsString]) -> Option<usize> {
    let takes_value = |name: &str| {
        Setting::ALL.iter().any(|s| match name.chars().count() {
            1 => s.short().is_some_and(|c| name.starts_with(c)),
            _ => s.flag() == name,
        })
    };
    let mut at = 1;
    while let Some(arg) = args.get(at) {
        let arg = arg.to_str()?;
        let value_next = match (arg.strip_prefix("--"), arg.strip_prefix('-')) {
            (Some(""), _) => return None,
            (Some(long), _) => !long.contains('=') && takes_value(long),
            // A cluster (`-vp prod`): its last letter may take the next word.
            (None, Some(short)) if !short.is_empty() => short
                .char_indices()
                .find(|(_, c)| takes_value(&c.to_string()))
                .is_some_and(|(i, c)| i + c.len_utf8() == short.len()),
            _ => return Some(at),
        };
        at += if value_next { 2 } else { 1 };
    }
    None
}
