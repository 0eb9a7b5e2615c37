//! Shell and CI integration: exec, GitHub Actions, cmd.exe, completions, the
//! man page, profiles and the config file permission warning. Tests that
//! need bash, zsh or fish skip (saying so) where it is missing.

use std::path::Path;

use serde_json::Value;
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, have, run};

use crate::sandbox;

/// The program sees its arguments, whatever C library and start-up it was
/// built with: on musl and the BSDs the standard library learns them only
/// from an ordinary Rust `main` (CI runs this against the static musl
/// build, `ZUORA_TOKEN_BIN`).
#[test]
fn the_binary_under_test_sees_its_arguments() {
    let sb = sandbox();
    let version = run(sb.cmd().arg("--version"));
    version.ok();
    assert_eq!(
        version.stdout,
        format!("zuora-token {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = run(sb.authed().args(["get", "--no-cache", "-o", "json"]));
    out.ok();
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON, as -o json asks");
    assert!(json["access_token"].is_string(), "{json}");
    assert_eq!(sb.zuora.count(), 1);
    // A setting before the command and after it.
    for args in [["-p", "nowhere", "get"], ["get", "-p", "nowhere"]] {
        run(sb.authed().args(args))
            .code(2)
            .stderr_has("profile 'nowhere' (from --profile)");
    }
}

#[cfg(target_os = "linux")] // It reads the child's command line from /proc.
#[test]
fn exec_passes_the_variables_and_never_the_token_in_argv() {
    let sb = sandbox();
    let entity = "11e643f4-a3ee-8bad-b061-0025904c756d";
    // The child prints its variables and its own command line, read back
    // from /proc, then the pid it runs as.
    let script = r#"printf '%s\n' "$ZUORA_ACCESS_TOKEN" "$ZUORA_TOKEN_EXPIRES_AT" "$ZUORA_BASE_URL" "$ZUORA_ENTITY_ID"; tr '\0' ' ' < /proc/$$/cmdline; echo; echo $$"#;
    let mut cmd = sb.spawnable();
    cmd.args(["exec", "--entity-id", entity, "--", "sh", "-c", script]);
    let child = cmd.stdout(std::process::Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let token = lines[0];
    assert_eq!(token.len(), 32, "{stdout}");
    assert!(lines[1].ends_with('Z'), "{stdout}");
    assert_eq!(lines[2], sb.zuora.url());
    assert_eq!(lines[3], entity);
    assert!(lines[4].starts_with("sh -c "), "{stdout}");
    assert!(!lines[4].contains(token), "the token is in argv: {stdout}");
    assert_eq!(
        lines[5],
        pid.to_string(),
        "the command replaced zuora-token"
    );
    let cached = run(sb.authed().args(["get", "--entity-id", entity]));
    assert_eq!(
        cached.stdout.trim_end(),
        token,
        "exec goes through the cache"
    );
}

#[test]
fn exec_passes_exit_codes_on_as_shells_do() {
    let sb = sandbox();
    let not_executable = sb.file("script.sh", "echo hi\n");
    for (args, code) in [
        (vec!["true".to_owned()], 0),
        (vec!["sh".into(), "-c".into(), "exit 7".into()], 7),
        (vec![not_executable.display().to_string()], 126),
        (vec!["no-such-command-zt".into()], 127),
    ] {
        let out = run(sb.authed().arg("exec").arg("--").args(&args));
        out.code(code);
        if code == 127 {
            out.stderr_has("command not found: no-such-command-zt");
        }
    }
    let out = run(sb
        .authed()
        .args(["exec", "sh", "-c", "echo \"$1\"", "sh", "-v"]));
    out.ok();
    assert_eq!(
        out.stdout, "-v\n",
        "arguments after the command are the command's"
    );
    assert_eq!(sb.zuora.count(), 1);
    run(sb.authed().arg("exec")).code(2);
}

#[test]
fn github_actions_get_the_mask_line_and_the_variables_in_github_env() {
    let sb = sandbox();
    let github_env = sb.file("github_env", "EARLIER=kept\n");
    let out = run(sb
        .authed()
        .env("GITHUB_ENV", &github_env)
        .args(["env", "--shell", "github"]));
    out.ok();
    let token = run(sb.authed().arg("get")).stdout.trim_end().to_owned();
    assert_eq!(out.stdout, format!("::add-mask::{token}\n"));
    let written = std::fs::read_to_string(&github_env).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines.len(), 4, "{written}");
    assert_eq!(lines[0], "EARLIER=kept");
    assert_eq!(lines[1], format!("ZUORA_ACCESS_TOKEN={token}"));
    assert!(
        lines[2].starts_with("ZUORA_TOKEN_EXPIRES_AT=20") && lines[2].ends_with('Z'),
        "{written}"
    );
    assert_eq!(lines[3], format!("ZUORA_BASE_URL={}", sb.zuora.url()));
}

#[test]
fn github_without_github_env_is_a_usage_error_and_fetches_nothing() {
    let sb = sandbox();
    for value in [None, Some("")] {
        let mut cmd = sb.authed();
        if let Some(value) = value {
            cmd.env("GITHUB_ENV", value);
        }
        let out = run(cmd.args(["env", "--shell", "github"]));
        out.code(2);
        out.stderr_has("GITHUB_ENV is not set");
        assert_eq!(out.stdout, "");
    }
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn cmd_gets_set_statements() {
    let sb = sandbox();
    let out = run(sb.authed().args(["env", "--shell", "cmd"]));
    out.ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("set \"ZUORA_ACCESS_TOKEN=") && lines[0].ends_with('"'),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with("set \"ZUORA_TOKEN_EXPIRES_AT="),
        "{}",
        out.stdout
    );
    assert_eq!(
        lines[2],
        format!("set \"ZUORA_BASE_URL={}\"", sb.zuora.url())
    );
}

const COMPLETIONS: [(&str, &str); 5] = [
    ("bash", "zuora-token.bash"),
    ("zsh", "_zuora-token"),
    ("fish", "zuora-token.fish"),
    ("powershell", "_zuora-token.ps1"),
    ("elvish", "zuora-token.elv"),
];

#[test]
fn the_committed_completion_scripts_are_what_the_binary_generates() {
    let sb = sandbox();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in COMPLETIONS {
        let out = run(sb.cmd().args(["completions", shell]));
        out.ok();
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "completions/{file} is stale; regenerate it with: zuora-token completions {shell} > completions/{file}"
        );
        // clap_complete's PowerShell and elvish scripts complete commands and
        // flags only; the others complete values too.
        if ["bash", "zsh", "fish"].contains(&shell) {
            for candidate in ["csbx-eu", "us-cloud1-production", "header", "dotenv"] {
                assert!(
                    out.stdout.contains(candidate),
                    "{shell} does not complete {candidate}"
                );
            }
        }
    }
}

#[test]
fn the_completion_scripts_are_valid_for_their_shells() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in &COMPLETIONS[..3] {
        if !have(shell) {
            continue;
        }
        let out = std::process::Command::new(shell)
            .arg("-n")
            .arg(dir.join(file))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{shell} -n {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn man_prints_a_man_page() {
    let sb = sandbox();
    let out = run(sb.cmd().arg("man"));
    out.ok();
    assert!(
        out.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &out.stdout[..100]
    );
    assert!(out.stdout.contains(".TH ZUORA-TOKEN 1"));
    for command in ["get", "env", "exec", "status", "profiles"] {
        assert!(
            out.stdout
                .contains(&format!("zuora\\-token\\-{command}(1)")),
            "{command}"
        );
    }
}

#[test]
fn each_command_has_examples_in_its_help_that_fit_80_columns() {
    let sb = sandbox();
    for (command, example) in [
        ("get", "curl -fsS -H @-"),
        ("env", "eval \"$(zuora-token env --profile prod)\""),
        ("env", "--shell github"),
        ("exec", "zuora-token exec --profile prod -- "),
        ("status", "zuora-token status"),
        ("completions", "zuora-token completions bash"),
        ("man", "zuora-token man --dir"),
    ] {
        let out = run(sb.cmd().args([command, "--help"]));
        out.ok();
        assert!(out.stdout.contains(example), "{command}: {}", out.stdout);
        // Not wrapped mid-command in a terminal of 80 columns.
        let examples = out.stdout.lines().skip_while(|l| *l != "Examples:");
        for line in examples.take_while(|l| !l.is_empty()) {
            assert!(line.chars().count() <= 80, "{command}: {line}");
        }
    }
}

#[test]
fn profiles_lists_each_profile_and_where_its_secret_comes_from() {
    let sb = sandbox();
    let path = sb.config(&format!(
        "default_profile = \"prod\"\n\
         [profiles.prod]\nenvironment = \"prod-eu\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret_command = \"pass show z\"\n\
         [profiles.sbx]\nenvironment = \"sbx\"\nclient_secret_file = \"secret.txt\"\n\
         [profiles.local]\nbase_url = \"http://127.0.0.1:8080/\"\nclient_secret = \"{CLIENT_SECRET}\"\n\
         [profiles.bare]\n"
    ));
    restrict(&path);
    let out = run(sb.cmd().arg("profiles"));
    out.ok().never_shows(CLIENT_SECRET);
    assert_eq!(out.stderr, "");
    let text = &out.stdout;
    assert!(
        text.starts_with(&format!("config file: {}\n", path.display())),
        "{text}"
    );
    let row = |name: &str| {
        text.lines()
            .find(|l| l[2..].starts_with(name))
            .unwrap_or_else(|| panic!("{name}: {text}"))
    };
    assert!(row("prod").starts_with("* prod"), "{text}");
    assert!(
        row("prod").contains("prod-eu (https://rest.eu.zuora.com)")
            && row("prod").ends_with("command"),
        "{text}"
    );
    let secret_file = path.parent().unwrap().join("secret.txt");
    assert!(
        row("sbx").ends_with(&format!("file {}", secret_file.display())),
        "{text}"
    );
    assert!(
        row("local").contains("http://127.0.0.1:8080") && row("local").ends_with("inline"),
        "{text}"
    );
    assert!(
        row("bare").contains("prod (https://rest.zuora.com, the default)")
            && row("bare").ends_with(
                match cfg!(all(
                    feature = "keyring",
                    any(target_os = "linux", target_os = "macos", windows)
                )) {
                    true => "keyring (none named)",
                    false => "none",
                }
            ),
        "{text}"
    );

    let json = run(sb.cmd().args(["profiles", "-o", "json"]));
    json.ok().never_shows(CLIENT_SECRET);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["default_profile"], "prod");
    assert_eq!(json["exposes_secret"], false);
    assert_eq!(json["profiles"].as_array().unwrap().len(), 4);

    // What the environment and the flags override now is marked.
    let overridden = run(sb
        .cmd()
        .env("ZUORA_CLIENT_SECRET", "x")
        .env("ZUORA_BASE_URL", "http://127.0.0.1:9")
        .args(["profiles", "--client-id", "other"]));
    let text = &overridden.ok().stdout;
    let prod = text.lines().find(|l| l.starts_with("* prod")).unwrap();
    assert!(
        prod.contains("prod-eu (https://rest.eu.zuora.com) (overridden)")
            && prod.contains(&format!("{CLIENT_ID} (overridden)"))
            && prod.ends_with("command (overridden)"),
        "{text}"
    );
    for line in [
        "overridden: endpoint, by environment variable ZUORA_BASE_URL (unless --profile names the profile)",
        "overridden: client id, by --client-id",
        "overridden: secret, by environment variable ZUORA_CLIENT_SECRET (unless --profile names the profile)",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }

    // The same value from the environment overrides nothing.
    let same = run(sb
        .cmd()
        .env("ZUORA_CLIENT_ID", CLIENT_ID)
        .env("ZUORA_ENVIRONMENT", "prod-eu")
        .args(["profiles"]));
    let text = &same.ok().stdout;
    let prod = text.lines().find(|l| l.starts_with("* prod")).unwrap();
    assert!(!prod.contains("(overridden)"), "{text}");

    let sb = sandbox();
    let out = run(sb.cmd().arg("profiles"));
    out.ok();
    out.stdout_has("(not found)");
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[cfg(not(unix))]
fn restrict(_: &Path) {}

#[cfg(unix)]
#[test]
fn an_inline_secret_in_a_file_others_can_read_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let sb = sandbox();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let inline = format!(
        "default_profile = \"p\"\n[profiles.p]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret = \"{CLIENT_SECRET}\"\n",
        sb.zuora.url()
    );
    let path = sb.config(&inline);
    mode(&path, 0o644);
    let out = run(sb.cmd().arg("get"));
    out.ok().never_shows(CLIENT_SECRET);
    let warning = format!(
        "zuora-token: warning: {} holds a client secret and other users can read it; run: chmod 600 {}\n",
        path.display(),
        path.display()
    );
    assert_eq!(out.stderr, warning);
    assert_eq!(run(sb.cmd().args(["get", "-q"])).stderr, "");
    let profiles = run(sb.cmd().arg("profiles"));
    assert!(
        profiles
            .stdout
            .contains("inline (the file is readable by others: chmod 600 it)"),
        "{}",
        profiles.stdout
    );

    mode(&path, 0o600);
    assert_eq!(run(sb.cmd().arg("get")).stderr, "");

    let secret = sb.file("secret.txt", CLIENT_SECRET);
    for source in [
        format!("client_secret_file = \"{}\"", secret.display()),
        format!("client_secret_command = \"cat {}\"", secret.display()),
    ] {
        let path =
            sb.config(&inline.replace(&format!("client_secret = \"{CLIENT_SECRET}\""), &source));
        mode(&path, 0o644);
        let out = run(sb.cmd().args(["get", "--no-cache"]));
        out.ok();
        assert_eq!(out.stderr, "", "{source}");
    }
}
