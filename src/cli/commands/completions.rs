//! `completions`: a shell's completion script, generated from the command
//! line's definition.

use clap_complete::Shell;
use zuora_token::Result;

use crate::cli::args::Cli;
use crate::cli::output;

/// The name the scripts complete.
const BIN: &str = "zuora-token";

pub fn run(shell: Shell) -> Result<u8> {
    output::print(&script(shell))?;
    Ok(0)
}

/// The completion script for `shell`.
fn script(shell: Shell) -> String {
    let script = String::from_utf8(generated(shell)).expect("clap_complete writes UTF-8");
    match shell {
        Shell::Bash => respell_bash_states(&script),
        Shell::Fish => script + &fish_positional_values(&Cli::definition()),
        _ => script,
    }
}

/// The script as clap_complete generates it.
fn generated(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::definition(), BIN, &mut script);
    script
}

/// Works around clap-rs/clap#6421 (clap_complete 4.6): in the bash script
/// of a binary whose name has a hyphen, nothing completes after a
/// subcommand. The script reads the command line into a state, spelling
/// `zuora-token get` as `zuora__token__subcmd__get` (the name's hyphen
/// becomes `__`, each subcommand adds `__subcmd__<name>`), but its `case`
/// arms, one per state, spell the name's hyphen as a subcommand separator:
/// `zuora__subcmd__token__subcmd__get)`. No arm matches, so `get --<TAB>`
/// offers nothing. This respells the arms as the states are spelled. Once
/// clap_complete spells them alike it changes nothing, and the unit test
/// below says that the workaround can go.
fn respell_bash_states(script: &str) -> String {
    let wrong = format!("{}__subcmd__", BIN.replace('-', "__subcmd__"));
    let right = format!("{}__subcmd__", BIN.replace('-', "__"));
    script.replace(&wrong, &right)
}

/// The fish completions clap_complete (4.6) leaves out: the values of a
/// positional argument (`zuora-token completions <TAB>` offers files, not
/// the shells). One `complete` line per such argument, offered after its
/// subcommand, until one of the values is there. It uses the function of
/// clap_complete's script that tells the subcommand.
fn fish_positional_values(root: &clap::Command) -> String {
    let mut root = root.clone();
    root.build();
    let mut lines = String::new();
    let mut todo: Vec<(Vec<&str>, &clap::Command)> = vec![(Vec::new(), &root)];
    while let Some((path, command)) = todo.pop() {
        for arg in command.get_positionals() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if values.is_empty() || path.is_empty() {
                continue;
            }
            let values = values.join(" ");
            let mut condition = format!(
                "__fish_{}_using_subcommand {}",
                BIN.replace('-', "_"),
                path[0]
            );
            for word in &path[1..] {
                condition.push_str(&format!("; and __fish_seen_subcommand_from {word}"));
            }
            lines.push_str(&format!(
                "complete -c {BIN} -n \"{condition}; and not __fish_seen_subcommand_from {values}\" -f -a \"{values}\"\n"
            ));
        }
        for sub in command.get_subcommands() {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name());
            todo.push((sub_path, sub));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bash_workaround_respells_every_subcommand_arm_and_is_still_needed() {
        let raw = String::from_utf8(generated(Shell::Bash)).unwrap();
        assert!(
            raw.contains("        zuora__subcmd__token__subcmd__get)\n"),
            "clap_complete now spells the bash states alike (clap-rs/clap#6421 is fixed): \
             remove respell_bash_states"
        );
        let fixed = script(Shell::Bash);
        assert!(!fixed.contains("zuora__subcmd__token"), "{fixed}");
        // The loop's states, each with its arm.
        for state in [
            "zuora__token__subcmd__get",
            "zuora__token__subcmd__cache__subcmd__list",
            "zuora__token__subcmd__man",
        ] {
            assert!(fixed.contains(&format!("cmd=\"{state}\"\n")), "{state}");
            assert!(fixed.contains(&format!("        {state})\n")), "{state}");
        }
    }

    #[test]
    fn fish_gets_the_shells_after_completions_from_clap_completes_own_function() {
        let raw = String::from_utf8(generated(Shell::Fish)).unwrap();
        assert!(raw.contains("\nfunction __fish_zuora_token_using_subcommand\n"));
        assert!(
            !raw.contains("-a \"bash"),
            "clap_complete now completes positional values in fish: remove fish_positional_values"
        );
        assert_eq!(
            fish_positional_values(&Cli::definition()),
            "complete -c zuora-token -n \"__fish_zuora_token_using_subcommand completions; \
             and not __fish_seen_subcommand_from bash elvish fish powershell zsh\" \
             -f -a \"bash elvish fish powershell zsh\"\n"
        );
    }
}
