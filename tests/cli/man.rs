//! The man pages: current in `man/`, complete, rendering without warnings
//! (groff, mandoc), and found by `man` where the README installs them.

use std::collections::BTreeMap;
use std::path::Path;

use zuora_token_testkit::{have, run, skip};

use crate::sandbox;

/// The committed pages, by file name.
fn committed() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    pages_in(&dir)
}

fn pages_in(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// A page's text without roff's font changes and escaped hyphens, for
/// searching.
fn plain(roff: &str) -> String {
    roff.replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\-", "-")
}

/// The text of a page's section `name`, up to the next one.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page
        .find(&format!("\n.SH {name}\n"))
        .or_else(|| page.find(&format!("\n.SH \"{name}\"\n")))
        .unwrap_or_else(|| panic!("no {name} section:\n{page}"));
    let rest = &page[start + 1..];
    let end = rest[1..].find("\n.SH ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn man_dir_writes_every_page_and_the_committed_pages_are_current() {
    let sb = sandbox();
    let dir = sb.home().join("pages/man1");
    let out = run(sb.cmd().arg("man").arg("--dir").arg(&dir));
    out.ok();
    let generated = pages_in(&dir);
    let listed: Vec<String> = generated
        .keys()
        .map(|name| format!("{}", dir.join(name).display()))
        .collect();
    let mut printed: Vec<&str> = out.stdout.lines().collect();
    printed.sort_unstable();
    assert_eq!(printed, listed, "man --dir prints the path of each page");
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        committed().keys().collect::<Vec<_>>(),
        "man/ does not hold the same pages; regenerate it with: zuora-token man --dir man"
    );
    for (name, page) in &committed() {
        assert!(
            *page == generated[name],
            "man/{name} is stale; regenerate man/ with: zuora-token man --dir man"
        );
    }
    // Without --dir, the main page.
    let main = run(sb.cmd().arg("man"));
    main.ok();
    assert_eq!(main.stdout, generated["zuora-token.1"]);
}

#[test]
fn there_is_a_page_for_every_command_and_the_pages_name_only_pages_that_exist() {
    let pages = committed();
    for command in [
        "get",
        "env",
        "exec",
        "status",
        "cache",
        "cache-list",
        "cache-clear",
        "profiles",
        "completions",
        "man",
    ] {
        let name = format!("zuora-token-{command}.1");
        assert!(pages.contains_key(&name), "no {name}");
        assert!(
            section(&plain(&pages["zuora-token.1"]), "SEE ALSO")
                .contains(&format!("zuora-token-{command}(1)")),
            "the main page does not name {name}"
        );
    }
    for (name, page) in &pages {
        let text = plain(page);
        let title = name.trim_end_matches(".1").to_uppercase();
        assert!(text.starts_with(".ie"), "{name}");
        assert!(text.contains(&format!("\n.TH {title} 1 ")), "{name}");
        for section_name in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS", "SEE ALSO"] {
            section(&text, section_name);
        }
        // Every `zuora-token...(1)` it names is a page.
        let mut rest = text.as_str();
        let mut named = 0;
        while let Some(at) = rest.find("zuora-token") {
            let reference = &rest[at..];
            let end = reference
                .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
                .unwrap_or(reference.len());
            if reference[end..].starts_with("(1)") {
                let page_name = format!("{}.1", &reference[..end]);
                assert!(pages.contains_key(&page_name), "{name} names {page_name}");
                named += 1;
            }
            rest = &reference[end..];
        }
        assert!(named > 0, "{name} names no other page");
        assert!(!text.contains("-help(1)"), "{name}");
    }
}

#[test]
fn the_main_page_has_every_variable_exit_code_and_file() {
    let sb = sandbox();
    let pages = committed();
    let page = plain(&pages["zuora-token.1"]);

    // Every variable that --help names, and the ones read besides.
    let help = run(sb.cmd().arg("--help"));
    help.ok();
    let help = help.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut variables: Vec<&str> = help
        .split("[env: ")
        .skip(1)
        .map(|rest| rest.split(']').next().unwrap())
        .collect();
    assert!(variables.len() >= 14, "{help}");
    variables.extend([
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "GITHUB_ENV",
    ]);
    let environment = section(&page, "ENVIRONMENT");
    for variable in variables {
        assert!(
            environment.contains(&format!("\n{variable}\n"))
                || environment.contains(&format!("{variable},")),
            "ENVIRONMENT lacks {variable}:\n{environment}"
        );
    }
    assert!(environment.contains("ZUORA_TOKEN_CONFIG"));

    let exit_status = section(&page, "EXIT STATUS");
    for code in ["0", "1", "2", "3", "4", "5", "6", "126", "127"] {
        assert!(
            exit_status.contains(&format!(".TP\n{code}\n")),
            "EXIT STATUS lacks {code}:\n{exit_status}"
        );
    }
    let files = section(&page, "FILES");
    assert!(files.contains("zuora-token/config.toml"), "{files}");
    assert!(
        files.contains("${XDG_CACHE_HOME:-~/.cache}/zuora-token/"),
        "{files}"
    );
    let examples = section(&page, "EXAMPLES");
    assert!(
        examples.contains("zuora-token get --profile prod"),
        "{examples}"
    );

    // A subcommand's page: its examples (those of its --help) and its exit
    // status.
    let exec = plain(&pages["zuora-token-exec.1"]);
    assert!(
        section(&exec, "EXAMPLES")
            .contains("zuora-token exec --profile prod -- ./sync-accounts.sh")
    );
    for code in ["126", "127"] {
        assert!(section(&exec, "EXIT STATUS").contains(&format!(".TP\n{code}\n")));
    }
    let status = plain(&pages["zuora-token-status.1"]);
    assert!(!section(&status, "EXIT STATUS").contains(".TP\n3\n"));
}

/// The pages, each rendered by `program` with `args`, which must say nothing
/// on either stream but the page, and succeed.
fn renders_without_warnings(program: &str, args: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    for name in committed().keys() {
        let out = std::process::Command::new(program)
            .args(args)
            .arg(dir.join(name))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "{program} {} man/{name}: {:?}\n{stderr}",
            args.join(" "),
            out.status
        );
        if args.contains(&"lint") {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.is_empty(), "mandoc -T lint man/{name}:\n{stdout}");
        }
    }
}

#[test]
fn every_page_renders_without_warnings() {
    if have("groff") {
        // -ww: every warning; -z: no output, only the warnings.
        renders_without_warnings("groff", &["-ww", "-z", "-man", "-Tutf8"]);
    }
    if have("mandoc") {
        // Warnings and errors; mandoc's style suggestions are left out.
        renders_without_warnings("mandoc", &["-T", "lint", "-W", "warning"]);
    }
}

/// The README's man block (```` ```sh man ````): its lines, as written.
fn readme_man_block() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = readme
        .split("```sh man\n")
        .nth(1)
        .expect("the README has a ```sh man block");
    block.split("```").next().unwrap().to_owned()
}

#[test]
fn the_readme_lists_exactly_the_pages_that_man_dir_writes() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut listed: Vec<String> = readme
        .split("zuora-token")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            rest[name.len()..]
                .starts_with("(1)")
                .then(|| format!("zuora-token{name}.1"))
        })
        .collect();
    listed.sort();
    listed.dedup();
    let written: Vec<String> = committed().into_keys().collect();
    assert_eq!(listed, written, "the README's list of man pages");
}

#[cfg(target_os = "linux")]
#[test]
fn man_finds_the_pages_where_the_readme_installs_them() {
    if !have("man") {
        skip("man is not installed");
        return;
    }
    let version = std::process::Command::new("man")
        .arg("--version")
        .output()
        .unwrap();
    if !String::from_utf8_lossy(&version.stdout).contains("man ") {
        skip("man is not man-db");
        return;
    }
    let sb = sandbox();
    // The binary where `cargo install` puts it, that directory on PATH and
    // no MANPATH, then the README's lines as written.
    let script = format!(
        "set -e\n\
         mkdir -p ~/.cargo/bin && cp \"$ZT\" ~/.cargo/bin/zuora-token\n\
         export PATH=\"$HOME/.cargo/bin:$PATH\" MANPAGER=cat MANWIDTH=80\n\
         if man -w zuora-token 2>/dev/null; then echo 'found before' >&2; exit 1; fi\n\
         {}\
         man -w zuora-token-cache-list\n",
        readme_man_block()
    );
    let out = sb.shell("sh", &script);
    out.ok();
    assert_eq!(out.stderr, "", "man said something");
    let man1 = sb.home().join(".cargo/share/man/man1");
    // `man --dir` says what it wrote, then the page.
    let lines: Vec<&str> = out.stdout.lines().collect();
    let start = lines.iter().position(|l| l.starts_with("ZUORA-TOKEN(1)"));
    let page = &lines[start.unwrap_or_else(|| panic!("no page: {lines:?}"))..];
    let listed = page[page.len() - 1];
    assert_eq!(
        std::fs::canonicalize(listed).unwrap(),
        std::fs::canonicalize(man1.join("zuora-token-cache-list.1")).unwrap()
    );
    let page = page.join("\n");
    for heading in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "SEE ALSO",
    ] {
        assert!(
            page.contains(&format!("\n{heading}\n")),
            "{heading}:\n{page}"
        );
    }
}
