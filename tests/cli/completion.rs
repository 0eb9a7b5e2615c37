//! Shell completion, in the real shells: bash (its completion function
//! called as bash calls it, with COMP_WORDS and COMP_CWORD set, loaded by
//! bash-completion where that is installed), zsh (an interactive zsh in a
//! pseudo-terminal, zpty, that is sent the command line and a TAB, with
//! `compadd` recording what the completion system offers) and fish
//! (`complete -C`). The scripts are installed as docs/platforms.md says, and
//! every command line is completed after its subcommand. A shell that is
//! not installed is skipped, saying so.

use std::collections::BTreeSet;

use zuora_token_testkit::{Run, Sandbox, have, skip};

use crate::sandbox;

/// What the candidates at the end of a command line must be.
enum Want {
    /// Exactly these, in any order.
    Exactly(&'static [&'static str]),
    /// These among them, and none of the others.
    Has(&'static [&'static str], &'static [&'static str]),
}

use Want::{Exactly, Has};

/// Command lines typed up to the cursor: after each subcommand, its flags
/// and the values of its flags, and the values of the settings.
const STATIC: &[(&str, Want)] = &[
    (
        "zuora-token ",
        Has(
            &[
                "get",
                "env",
                "exec",
                "status",
                "cache",
                "profiles",
                "completions",
                "man",
            ],
            &["list"],
        ),
    ),
    (
        "zuora-token get -",
        Has(
            &[
                "--output",
                "-o",
                "--refresh",
                "--no-cache",
                "--profile",
                "--environment",
                "--help",
            ],
            &["--shell", "--all", "--dir"],
        ),
    ),
    (
        "zuora-token get -o ",
        Exactly(&["token", "json", "header", "headers", "curl"]),
    ),
    ("zuora-token get --output j", Exactly(&["json"])),
    (
        "zuora-token get --environment csbx",
        Exactly(&["csbx", "csbx-eu", "csbx-ap"]),
    ),
    (
        "zuora-token get -e prod-",
        Exactly(&["prod-na", "prod-eu", "prod-ap"]),
    ),
    ("zuora-token -p prod get --no", Exactly(&["--no-cache"])),
    (
        "zuora-token env -",
        Has(
            &["--shell", "-s", "--refresh", "--no-cache", "--profile"],
            &["--output", "--all"],
        ),
    ),
    (
        "zuora-token env --shell ",
        Exactly(&["sh", "fish", "powershell", "dotenv", "cmd", "github"]),
    ),
    (
        "zuora-token exec -",
        Has(
            &["--refresh", "--no-cache", "--profile"],
            &["--output", "--shell"],
        ),
    ),
    (
        "zuora-token status -",
        Has(
            &["--output", "--profile", "--min-ttl"],
            &["--refresh", "--shell"],
        ),
    ),
    ("zuora-token status -o ", Exactly(&["text", "json"])),
    (
        "zuora-token profiles --",
        Has(&["--output", "--config"], &["--refresh", "--all"]),
    ),
    ("zuora-token profiles --output ", Exactly(&["text", "json"])),
    (
        "zuora-token cache ",
        Has(&["list", "clear"], &["get", "token"]),
    ),
    (
        "zuora-token cache list -",
        Has(&["--output", "--cache-dir"], &["--all", "--refresh"]),
    ),
    ("zuora-token cache list -o ", Exactly(&["text", "json"])),
    (
        "zuora-token cache clear --",
        Has(&["--all", "--profile"], &["--output", "--refresh"]),
    ),
    (
        "zuora-token completions ",
        Has(
            &["bash", "zsh", "fish", "powershell", "elvish"],
            &["get", "token"],
        ),
    ),
    (
        "zuora-token man --",
        Has(&["--dir", "--help"], &["--output", "--all"]),
    ),
];

/// Command lines for dynamic completion (`COMPLETE=<shell> zuora-token`),
/// with a config file whose profiles are `prod` and `staging`.
const DYNAMIC: &[(&str, Want)] = &[
    ("zuora-token --profile ", Exactly(&["prod", "staging"])),
    ("zuora-token get --profile s", Exactly(&["staging"])),
    ("zuora-token exec -p p", Exactly(&["prod"])),
    (
        "zuora-token cache clear --profile ",
        Exactly(&["prod", "staging"]),
    ),
    (
        "zuora-token get -o ",
        Exactly(&["token", "json", "header", "headers", "curl"]),
    ),
    ("zuora-token env --shell f", Exactly(&["fish"])),
    (
        "zuora-token get --",
        Has(&["--output", "--profile"], &["--shell", "--all"]),
    ),
    ("zuora-token cache ", Has(&["list", "clear"], &["get"])),
];

/// The config file of the dynamic cases.
const PROFILES: &str = "[profiles.prod]\n[profiles.staging]\n";

/// Installs the completion scripts with the docs' own lines (the first
/// `sh` block that has `zuora-token completions bash`), `zuora-token`
/// being on `PATH` as `$HOME/bin/zuora-token`.
fn install_as_the_readme_says(sb: &Sandbox) {
    let readme = include_str!("../../docs/platforms.md");
    let block = readme
        .split("```sh\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .find(|block| block.contains("zuora-token completions bash"))
        .expect("docs/platforms.md has the install lines");
    let script = format!("set -eu\n{ON_PATH}\n{block}");
    sb.shell("sh", &script).ok();
}

/// Puts the binary on `PATH` as `zuora-token`.
const ON_PATH: &str =
    r#"mkdir -p "$HOME/bin" && ln -sf "$ZT" "$HOME/bin/zuora-token" && PATH="$HOME/bin:$PATH""#;

/// `line` in single quotes, for sh, zsh and fish alike.
fn quoted(line: &str) -> String {
    assert!(!line.contains(['\'', '\\']), "{line}");
    format!("'{line}'")
}

/// The candidates the shell offered, one line per case (tab-separated), as
/// sets; checked against the cases.
fn check(shell: &str, what: &str, cases: &[(&str, Want)], out: &Run) {
    out.ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        cases.len(),
        "{shell} ({what}): one line per case expected: {out:#?}"
    );
    for ((line, want), got) in cases.iter().zip(lines) {
        let got: BTreeSet<&str> = got.split('\t').filter(|c| !c.is_empty()).collect();
        let context = format!("{shell} ({what}) completing {line:?} offered {got:?}");
        match want {
            Exactly(expected) => {
                let expected: BTreeSet<&str> = expected.iter().copied().collect();
                assert_eq!(got, expected, "{context}");
            }
            Has(present, absent) => {
                for candidate in *present {
                    assert!(got.contains(candidate), "{context}: no {candidate}");
                }
                for candidate in *absent {
                    assert!(!got.contains(candidate), "{context}: {candidate}");
                }
            }
        }
    }
}

/// A bash function `complete_line LINE` that completes LINE as bash does
/// at a TAB: it splits the line into COMP_WORDS, sets COMP_CWORD, COMP_LINE
/// and COMP_POINT, calls the function `complete -p` names for the command,
/// and prints COMPREPLY on one line, tab-separated.
const BASH_COMPLETE_LINE: &str = r#"
complete_line() {
    local -a words
    read -ra words <<< "$1"
    [[ $1 == *' ' ]] && words+=("")
    local spec; spec=$(complete -p "${words[0]}") || return 1
    local fn=${spec##* -F }; fn=${fn%% *}
    COMP_WORDS=("${words[@]}"); COMP_CWORD=$(( ${#words[@]} - 1 ))
    COMP_LINE=$1; COMP_POINT=${#1}; COMP_TYPE=9; COMP_KEY=9; COMPREPLY=()
    "$fn" "${words[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    local IFS=$'\t'; printf '%s\n' "${COMPREPLY[*]}"
}
"#;

fn bash_script(setup: &str, cases: &[(&str, Want)]) -> String {
    let calls: Vec<String> = cases
        .iter()
        .map(|(line, _)| format!("complete_line {}", quoted(line)))
        .collect();
    format!(
        "set -e\n{BASH_COMPLETE_LINE}\n{setup}\n{}\n",
        calls.join("\n")
    )
}

/// Where bash-completion's loader is, if installed.
const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

#[test]
fn bash_completes_after_every_subcommand() {
    if !have("bash") {
        return;
    }
    let sb = sandbox();
    install_as_the_readme_says(&sb);
    let user_dir = r#""${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions""#;
    // With bash-completion, as in an interactive shell: nothing is loaded
    // until the first TAB on the command, when the default completion
    // (`complete -D`) finds the script in the user's directory.
    let setup = if std::path::Path::new(BASH_COMPLETION).exists() {
        format!(
            r#"source {BASH_COMPLETION}
            if complete -p zuora-token 2>/dev/null; then exit 92; fi
            loader=$(complete -p -D); loader=${{loader##* -F }}; loader=${{loader%% *}}
            "$loader" zuora-token "" "" || [ $? = 124 ]
            complete -p zuora-token >/dev/null"#
        )
    } else {
        skip("bash-completion is not installed: the script is sourced by hand");
        format!("source {user_dir}/zuora-token")
    };
    let out = sb.shell("bash", &bash_script(&setup, STATIC));
    check("bash", "static", STATIC, &out);
}

#[test]
fn zsh_completes_after_every_subcommand() {
    if !have("zsh") {
        return;
    }
    let sb = sandbox();
    install_as_the_readme_says(&sb);
    // The line docs/platforms.md gives for ~/.zshrc, then compinit.
    let out = sb.shell("zsh", &zsh_script(&sb, "fpath=(~/.zfunc $fpath)", STATIC));
    check("zsh", "static", STATIC, &out);
}

#[test]
fn fish_completes_after_every_subcommand() {
    if !have("fish") {
        return;
    }
    let sb = sandbox();
    install_as_the_readme_says(&sb);
    // fish loads ~/.config/fish/completions/zuora-token.fish by itself,
    // for a command on PATH.
    let out = sb.shell("fish", &fish_script("set -gx PATH $HOME/bin $PATH", STATIC));
    check("fish", "static", STATIC, &out);
}

#[test]
fn dynamic_completion_offers_the_config_files_profiles_after_every_subcommand() {
    let sb = sandbox();
    sb.config(PROFILES);
    if have("bash") {
        let setup = r#"source <(COMPLETE=bash "$ZT")"#;
        let out = sb.shell("bash", &bash_script(setup, DYNAMIC));
        check("bash", "dynamic", DYNAMIC, &out);
    }
    if have("zsh") {
        let setup = r#"source <(COMPLETE=zsh "$ZT")"#;
        let out = sb.shell("zsh", &zsh_script(&sb, setup, DYNAMIC));
        check("zsh", "dynamic", DYNAMIC, &out);
    }
    if have("fish") {
        let out = sb.shell("fish", &fish_script("COMPLETE=fish $ZT | source", DYNAMIC));
        check("fish", "dynamic", DYNAMIC, &out);
    }
}

/// fish: `complete -C LINE` for each case, the candidates without their
/// descriptions on one line.
fn fish_script(setup: &str, cases: &[(&str, Want)]) -> String {
    let mut script = format!("{setup}\n");
    for (line, _) in cases {
        script.push_str(&format!(
            "set -l c (complete -C {} | string replace -r '\\t.*' '')\n\
             if set -q c[1]; string join \\t -- $c; else; echo; end\n",
            quoted(line)
        ));
    }
    script
}

/// The `.zshrc` of the interactive zsh that completes: `setup` (which
/// makes the completion known), compinit, and a `compadd` that records
/// each candidate the completion system adds (as `compadd -O` reports
/// them: the ones that match what is typed) before adding it. After the
/// completion, the shell writes a marker, says so on the FIFO `done` (which
/// the test's script waits on) and exits, before listing anything.
const ZSHRC: &str = r#"
PS1='' RPS1=''
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"
compadd() {
    local arg
    for arg in "$@"; do
        [[ $arg == -- ]] && break
        # A call that only asks which words match adds nothing.
        [[ $arg == -[OAD]* ]] && { builtin compadd "$@"; return }
    done
    local -a hits
    builtin compadd -O hits "$@"
    (( $#hits )) && print -rl -- "${hits[@]}" >> "$HOME/candidates"
    builtin compadd "$@"
}
zt_done() { print -r -- '__done__' >> "$HOME/candidates"; print >"$HOME/done"; exit }
comppostfuncs=(zt_done)
"#;

/// zsh: for each case, an interactive zsh in a pseudo-terminal (zpty),
/// with `setup` before compinit in its `.zshrc`, is sent the line and a
/// TAB; when it says on the FIFO that it is done (the read's timeout is a
/// hang guard), what its `compadd` recorded is printed on one line.
fn zsh_script(sb: &Sandbox, setup: &str, cases: &[(&str, Want)]) -> String {
    // A dynamic script registers itself with compdef, after compinit; a
    // static one is found in fpath by compinit.
    let zshrc = if setup.starts_with("fpath") {
        format!("{setup}\n{ZSHRC}")
    } else {
        format!("{ZSHRC}\n{setup}\n")
    };
    sb.file("zdotdir/.zshrc", &zshrc);
    let lines: Vec<String> = cases.iter().map(|(line, _)| quoted(line)).collect();
    format!(
        r#"
zmodload zsh/zpty || exit 90
rm -f "$HOME/done"; mkfifo "$HOME/done" || exit 90
# Open for reading and writing: never blocks, and the shell's own writes
# never do either.
exec {{done}}<>"$HOME/done"
for line in {}; do
    rm -f "$HOME/candidates"
    zpty z 'ZDOTDIR=$HOME/zdotdir zsh -d -i'
    zpty -w -n z "$line"$'\t'
    # A word on the FIFO may be left from an earlier line: the marker
    # says whether this one is done.
    until [[ -f $HOME/candidates && $(<$HOME/candidates) == *'__done__' ]]; do
        read -t 120 -u $done _ || break
    done
    zpty -d z
    [[ $(<$HOME/candidates) == *'__done__' ]] || {{ print -u2 "no completion for $line"; exit 91 }}
    print -r -- ${{(pj:\t:)${{(f)"$(<$HOME/candidates)"}}:#__done__}}
done
"#,
        lines.join(" ")
    )
}
