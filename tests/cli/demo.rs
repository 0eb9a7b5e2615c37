//! The demo shell (`fake_zuora -- bash`, the README's "try it"): it says
//! it is the demo, in a banner and its prompt, and holds what the README's
//! examples need, so that each of them runs there as written.

use std::path::Path;

use zuora_token_testkit::{HANG, Run, have, run};

use crate::readme::{blocks, readme};
use crate::{example, sandbox};

/// `fake_zuora -- ARGS` with the sandbox's `HOME` as the user's, and
/// `input` on standard input.
fn demo(home: &Path, args: &[&str], input: &str) -> Run {
    let mut cmd = assert_cmd::Command::new(example("fake_zuora"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .arg("--")
        .args(args)
        .timeout(HANG)
        .write_stdin(input);
    run(&mut cmd)
}

#[test]
fn the_demo_shell_says_it_is_the_demo_and_how_to_leave() {
    if !have("bash") {
        return;
    }
    let sb = sandbox();
    let out = demo(sb.home(), &["bash", "-i"], "pwd\nexit\n");
    out.ok()
        .stdout_has("zuora-token demo: a fake Zuora at http://127.0.0.1:")
        .stdout_has("Leave with `exit`")
        .stderr_has("(zuora-token demo) ~");
    // It starts in the demo's own home, not the user's.
    let pwd = out.stdout.lines().last().unwrap();
    assert!(!pwd.starts_with(&*sb.home().to_string_lossy()), "{pwd}");
    assert!(!Path::new(pwd).exists(), "{pwd} is left behind");
}

#[test]
fn every_tested_readme_example_runs_in_the_demo_shell() {
    if !have("bash") || !have("curl") || !have("jq") {
        return;
    }
    let examples = blocks(&readme(), "sh tested");
    assert!(!examples.is_empty(), "the README has no tested example");
    let sb = sandbox();
    for example in examples {
        // Run as the README's tests run them: a script with its #! line as
        // itself, any other by bash, strict; from the shell the demo starts.
        let script = sb.file("example.sh", &example);
        let runs = match example.starts_with("#!") {
            true => "chmod +x \"$1\" && \"$1\"",
            false => "bash -euo pipefail \"$1\"",
        };
        let out = demo(
            sb.home(),
            &["bash", "-i", "-c", runs, "bash", &script.to_string_lossy()],
            "",
        );
        assert_eq!(
            out.code, 0,
            "this README example failed in the demo shell:\n{example}\n{out:#?}"
        );
    }
}
