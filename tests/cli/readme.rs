//! The README's examples, run as written against the fake Zuora, so that
//! the README cannot drift from what the program does.
//!
//! A shell block whose fence says ```` ```sh tested ```` runs, in a fresh
//! sandbox each, in the fake's demo set-up (`demo_environment`: profiles
//! `prod`, the default, and `sandbox` pointing at the fake, and
//! `ZUORA_BASE_URL` set to it, which also beats the environment names the
//! examples use), with the binary under test first on `PATH`, `~/.secrets/
//! zuora` holding the demo secret, the README's example client ids
//! accepted, and a `./sync-accounts.sh` that calls the REST API with the
//! token. A block that starts with `#!` runs as the script it is; any
//! other with `bash -euo pipefail`. Each must exit 0; the README's `curl`s
//! use `-f`, so a call the fake refuses fails its block.
//!
//! The try-it block (```` ```sh try ````) runs its second command (the first
//! builds, which `cargo test` has done) with the example built beside this
//! test. The config file example (```` ```toml ````) must load.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use zuora_token_testkit::{CLIENT_SECRET, Sandbox, demo_environment, have, run};

use crate::{bin, example, sandbox};

/// The README, as committed.
pub(crate) fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The fenced blocks whose info string is `info`, in order.
pub(crate) fn blocks(readme: &str, info: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.strip_prefix("```") == Some(info) {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            found.push(body.join("\n") + "\n");
        }
    }
    found
}

/// The client ids the README's examples use; the fake accepts them with
/// the demo secret.
const README_CLIENTS: [&str; 2] = [
    "0b6d5f3c-9f39-4d6e-8a1b-5c2f7e4d9a10",
    "9a3e1f0c-4b2d-4e8f-a6c1-7d5b3e9f2a40",
];

/// A sandbox set up as the module's documentation says.
fn readme_sandbox() -> Sandbox {
    let sb = sandbox();
    for client in README_CLIENTS {
        sb.zuora.accept(client, CLIENT_SECRET);
    }
    sb.file(".secrets/zuora", CLIENT_SECRET);
    let script = sb.file(
        "sync-accounts.sh",
        "#!/bin/sh\nset -eu\ncurl -fsS -H \"Authorization: Bearer $ZUORA_ACCESS_TOKEN\" \"$ZUORA_BASE_URL/v1/accounts/A00000001\"\n",
    );
    std::fs::set_permissions(script, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir_all(sb.home().join("demo")).unwrap();
    sb
}

/// `script` run in `sb`'s demo set-up, in its home directory.
fn run_block(sb: &Sandbox, script: &str) -> zuora_token_testkit::Run {
    let file = sb.file("block.sh", script);
    let mut command = match script.starts_with("#!") {
        true => {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
            Command::new(&file)
        }
        false => {
            let mut bash = Command::new("bash");
            bash.arg("-euo").arg("pipefail").arg(&file);
            bash
        }
    };
    let bin_dir = Path::new(bin()).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap());
    command
        .current_dir(sb.home())
        .env_clear()
        .env("PATH", path)
        .env("HOME", sb.home())
        .env("XDG_CONFIG_HOME", sb.home().join(".config"))
        .env("XDG_CACHE_HOME", sb.home().join(".cache"))
        .envs(demo_environment(&sb.zuora, &sb.home().join("demo")));
    run(&mut assert_cmd::Command::from_std(command))
}

#[test]
fn every_tested_example_in_the_readme_runs_as_written() {
    let readme = readme();
    let examples = blocks(&readme, "sh tested");
    assert!(
        examples.len() >= 8,
        "found only {} tested examples",
        examples.len()
    );
    if !have("bash") || !have("curl") || !have("jq") {
        return;
    }
    for example in examples {
        let sb = readme_sandbox();
        let out = run_block(&sb, &example);
        assert_eq!(
            out.code, 0,
            "this README example failed:\n{example}\nstdout:\n{}\nstderr:\n{}",
            out.stdout, out.stderr
        );
        assert!(
            sb.zuora.count_path("/oauth/token") >= 1,
            "this README example asked for no token:\n{example}"
        );
    }
}

#[test]
fn the_try_it_commands_print_a_token_from_the_fake() {
    let try_it = blocks(&readme(), "sh try");
    let [block] = &try_it[..] else {
        panic!("the README has {} try-it blocks, not one", try_it.len());
    };
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    let [build, first_token] = &commands[..] else {
        panic!("the try-it block is not two commands: {block}");
    };
    assert!(build.starts_with("cargo build "), "{build}");
    let words: Vec<&str> = first_token.split_whitespace().collect();
    let ["target/debug/examples/fake_zuora", "--", rest @ ..] = &words[..] else {
        panic!("the second try-it command does not run the fake: {first_token}");
    };
    let sb = sandbox();
    let out = run(assert_cmd::Command::new(example("fake_zuora"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("HOME", sb.home())
        .arg("--")
        .args(rest));
    let token: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {} {}", out.stdout, out.stderr));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(token["access_token"].as_str().map(str::len), Some(32));
    assert!(out.stderr.contains("demo profiles"), "{}", out.stderr);
}

#[test]
fn the_readme_config_file_example_loads() {
    let [toml] = &blocks(&readme(), "toml")[..] else {
        panic!("the README should have one TOML example");
    };
    let sb = sandbox();
    let config = sb.config(toml);
    std::fs::set_permissions(config, std::fs::Permissions::from_mode(0o600)).unwrap();
    run(sb.cmd().arg("profiles"))
        .ok()
        .stdout_has("prod")
        .stdout_has("sandbox");
}
