//! Every output format, checked byte for byte and, for the shell formats, by
//! running the real shells (each test skips, saying so, where its shell is
//! not installed; CI installs them all).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use zuora_token_testkit::{EXPIRES_IN, Reply, Run, Sandbox, have, run};

use crate::sandbox;

/// A token with every character RFC 6750 allows, so quoting is exercised.
const TOKEN: &str = "tok-1.a_b~c+d/e==";

fn canned(sb: &Sandbox, token_type: &str) {
    sb.zuora.then(Reply::status(
        200,
        format!(
            r#"{{"access_token":"{TOKEN}","expires_in":3599,"jti":"j-1","scope":"tenant.19","token_type":"{token_type}"}}"#
        ),
    ));
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Seconds since the epoch of an RFC 3339 UTC timestamp as printed, read
/// by GNU `date` rather than by arithmetic of the test's own.
fn epoch_of(text: &str) -> u64 {
    let shape = text.len() == 20 && text.ends_with('Z') && &text[10..11] == "T";
    assert!(shape, "not an RFC 3339 UTC timestamp: {text}");
    let out = std::process::Command::new("date")
        .args(["-u", "-d", text, "+%s"])
        .output()
        .expect("run date");
    assert!(out.status.success(), "date cannot read {text}");
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn token_is_the_token_and_a_newline_and_nothing_else() {
    let sb = sandbox();
    canned(&sb, "bearer");
    let out = run(sb.authed().arg("get"));
    out.ok();
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(out.stderr, "");
}

#[test]
fn a_real_token_from_the_fake_is_printed() {
    let sb = sandbox();
    let out = run(sb.authed().args(["get", "-o", "token"]));
    out.ok();
    let token = out.stdout.trim_end();
    assert_eq!(token.len(), 32);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
}

#[test]
fn header_is_an_authorization_line_with_capital_bearer() {
    let sb = sandbox();
    canned(&sb, "bearer");
    let out = run(sb.authed().args(["get", "-o", "header"]));
    out.ok();
    assert_eq!(out.stdout, format!("Authorization: Bearer {TOKEN}\n"));
}

#[test]
fn json_has_every_field_with_the_time_left_now() {
    let sb = sandbox();
    canned(&sb, "BEARER");
    let before = now();
    let out = run(sb.authed().args(["get", "--output", "json"]));
    out.ok();
    assert_eq!(out.stdout.lines().count(), 1);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // In the documented order (the test's JSON keeps the order received).
    let expected = [
        "access_token",
        "token_type",
        "expires_in",
        "expires_at",
        "scope",
        "tenant",
        "user",
        "entities",
        "jti",
        "base_url",
        "entity_id",
        "org_ids",
        "track_id",
        "zuora_version",
    ];
    assert_eq!(keys, expected);
    assert_eq!(json["access_token"], TOKEN);
    assert_eq!(
        json["token_type"], "BEARER",
        "token_type is as Zuora sent it"
    );
    assert_eq!(json["scope"], "tenant.19");
    assert_eq!(json["tenant"], "19");
    assert_eq!(json["entities"], serde_json::json!([]));
    assert_eq!(json["jti"], "j-1");
    assert_eq!(json["base_url"], sb.zuora.url());
    let after = now();
    let left = json["expires_in"].as_u64().unwrap();
    let expires_at = epoch_of(json["expires_at"].as_str().unwrap());
    assert!(
        expires_at >= before + 3599 - 1 && expires_at <= after + 3599,
        "{expires_at}"
    );
    // The time left when it was printed, some moment of the run (whole
    // seconds either way, hence the second's slack).
    assert!(
        left <= 3599 && left + after + 1 >= expires_at && left + before <= expires_at + 1,
        "expires_in {left}, expires_at {expires_at}, run from {before} to {after}"
    );
}

/// The fake holds the request until the test has seen it arrive (so it
/// was sent before `sent`), then answers 3 s after it lets it go (its own
/// delay: the time that must pass between a request and its answer).
#[test]
fn expiry_counts_from_when_the_request_was_sent() {
    use std::process::Stdio;
    let sb = sandbox();
    sb.zuora.delay(Duration::from_secs(3));
    sb.zuora.hold();
    let child = sb
        .spawnable()
        .args(["get", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    sb.zuora.wait_for_requests(1);
    let sent = now();
    sb.zuora.release();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expires_at = epoch_of(json["expires_at"].as_str().unwrap());
    // Counted from the answer, it would be at least sent + 3 + 3599 (less
    // a second for whole seconds).
    assert!(
        expires_at <= sent + EXPIRES_IN + 1,
        "expires_at {expires_at}, sent {sent}"
    );
    assert!(
        json["expires_in"].as_u64().unwrap() <= EXPIRES_IN - 2,
        "{}",
        json["expires_in"]
    );
}

#[test]
fn env_prints_one_statement_a_variable_for_each_shell() {
    let sb = sandbox();
    let url = sb.zuora.url();
    // Fetched once, then every format prints the cached token.
    canned(&sb, "bearer");
    for (shell, expected) in [
        (
            "sh",
            format!(
                "export ZUORA_ACCESS_TOKEN='{TOKEN}';\nexport ZUORA_TOKEN_EXPIRES_AT='@';\nexport ZUORA_BASE_URL='{url}';\n"
            ),
        ),
        (
            "fish",
            format!(
                "set -gx ZUORA_ACCESS_TOKEN '{TOKEN}';\nset -gx ZUORA_TOKEN_EXPIRES_AT '@';\nset -gx ZUORA_BASE_URL '{url}';\n"
            ),
        ),
        (
            "powershell",
            format!(
                "$env:ZUORA_ACCESS_TOKEN = '{TOKEN}'\n$env:ZUORA_TOKEN_EXPIRES_AT = '@'\n$env:ZUORA_BASE_URL = '{url}'\n"
            ),
        ),
        (
            "dotenv",
            format!("ZUORA_ACCESS_TOKEN={TOKEN}\nZUORA_TOKEN_EXPIRES_AT=@\nZUORA_BASE_URL={url}\n"),
        ),
    ] {
        let out = run(sb.authed().args(["env", "--shell", shell]));
        out.ok();
        let expires = out.stdout.lines().nth(1).unwrap();
        let stamp = &expires[expires.find("20").unwrap()..][..20];
        epoch_of(stamp);
        assert_eq!(out.stdout, expected.replace('@', stamp), "{shell}");
    }
    let out = run(sb.authed().arg("env"));
    assert!(
        out.stdout.starts_with("export "),
        "sh is the default: {}",
        out.stdout
    );
}

/// Prints the three variables, one a line, from inside the shell.
const SHOW: &str =
    r#"printf '%s\n' "$ZUORA_ACCESS_TOKEN" "$ZUORA_TOKEN_EXPIRES_AT" "$ZUORA_BASE_URL""#;

fn assert_shows_variables(out: &Run, sb: &Sandbox) {
    out.ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:#?}");
    assert_eq!(lines[0], TOKEN);
    epoch_of(lines[1]);
    assert_eq!(lines[2], sb.zuora.url());
}

#[test]
fn posix_shells_eval_the_output_quoted_and_unquoted() {
    for shell in ["sh", "bash", "dash", "zsh"] {
        if !have(shell) {
            continue;
        }
        for eval in [r#"eval "$("$ZT" env)""#, r#"eval $("$ZT" env)"#] {
            let sb = sandbox();
            canned(&sb, "bearer");
            // Files that a glob in the output would match must not change it.
            std::fs::write(sb.home().join("ZUORA_ACCESS_TOKEN=x"), "").unwrap();
            let script = format!("cd \"$HOME\" && {eval} && {SHOW}");
            assert_shows_variables(&sb.shell(shell, &script), &sb);
        }
    }
}

#[test]
fn fish_sources_the_output() {
    if !have("fish") {
        return;
    }
    let sb = sandbox();
    canned(&sb, "bearer");
    let out = sb.shell(
        "fish",
        &format!("\"$ZT\" env --shell fish | source; and {SHOW}"),
    );
    assert_shows_variables(&out, &sb);
}

#[test]
fn powershell_invokes_the_output() {
    if !have("pwsh") {
        return;
    }
    let sb = sandbox();
    canned(&sb, "bearer");
    let script = "& $env:ZT env --shell powershell | Out-String | Invoke-Expression; \
        $env:ZUORA_ACCESS_TOKEN; $env:ZUORA_TOKEN_EXPIRES_AT; $env:ZUORA_BASE_URL";
    let out = sb.shell("pwsh", script);
    assert_shows_variables(&out, &sb);
}

#[test]
fn dotenv_output_loads_in_a_posix_shell() {
    if !have("bash") {
        return;
    }
    let sb = sandbox();
    canned(&sb, "bearer");
    let script = format!("\"$ZT\" env --shell dotenv > zt.env && set -a && . ./zt.env && {SHOW}");
    let out = sb.shell("bash", &format!("cd \"$HOME\" && {script}"));
    assert_shows_variables(&out, &sb);
}

#[test]
fn curl_takes_the_header_from_stdin_and_from_process_substitution() {
    if !have("curl") || !have("bash") {
        return;
    }
    let sb = sandbox();
    let api = format!("{}/v1/catalog/products", sb.zuora.url());
    for script in [
        format!("\"$ZT\" get -o header | curl -s -o /dev/null -H @- {api}"),
        format!("curl -s -o /dev/null -H @<(\"$ZT\" get -o header) {api}"),
    ] {
        sb.shell("bash", &script).ok();
    }
    // One token, fetched once and then taken from the cache.
    let requests = sb.zuora.requests();
    let paths: Vec<&str> = requests.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/oauth/token",
            "/v1/catalog/products",
            "/v1/catalog/products"
        ]
    );
    let auth = requests[1]
        .header("authorization")
        .expect("curl sent the header");
    assert!(
        auth.starts_with("Bearer ") && auth.len() == "Bearer ".len() + 32,
        "{auth}"
    );
    assert_eq!(requests[2].header("authorization"), Some(auth));
}

/// A script of the README's idiom: stop on the first failure, and say so
/// if it carries on.
const IDIOM: &str = r#"set -e; eval "$("$ZT" env --no-cache)"; echo reached"#;

#[test]
fn a_failing_env_stops_the_scripts_that_eval_it() {
    let sb = sandbox();
    let with_wrong_secret = |shell: &str, script: &str| {
        let export = match shell {
            "fish" => "set -gx ZUORA_CLIENT_SECRET wrong;",
            _ => "ZUORA_CLIENT_SECRET=wrong; export ZUORA_CLIENT_SECRET;",
        };
        sb.shell(shell, &format!("{export} {script}"))
    };
    let wrong = |shell: &str, script: &str| {
        let out = with_wrong_secret(shell, script);
        assert!(
            !out.stdout.contains("reached"),
            "{shell}: {script}: {out:#?}"
        );
        assert_ne!(out.code, 0, "{shell}: {script}");
        out.stderr_has("zuora-token: error: Zuora refused the token request");
    };
    for shell in ["sh", "bash", "dash", "zsh"]
        .into_iter()
        .filter(|s| have(s))
    {
        wrong(shell, IDIOM);
        wrong(
            shell,
            r#"set -e; eval $("$ZT" env --no-cache); echo reached"#,
        );
        // In a terminal, no `set -e`: the eval itself returns non-zero.
        let out = with_wrong_secret(
            shell,
            r#"eval "$("$ZT" env --no-cache)" || echo "status $?""#,
        );
        out.stdout_has("status 1");
    }
    if have("fish") {
        wrong(
            "fish",
            "$ZT env --no-cache --shell fish | source; or exit 1; echo reached",
        );
    }
    // What each shell format prints on failure.
    for (shell, statement) in [
        ("sh", "false\n"),
        ("fish", "false\n"),
        (
            "powershell",
            "throw 'zuora-token could not get a token (its error is above)'\n",
        ),
        ("dotenv", ""),
        ("cmd", ""),
    ] {
        let out = run(sb.authed().env("ZUORA_CLIENT_SECRET", "wrong").args([
            "env",
            "--no-cache",
            "--shell",
            shell,
        ]));
        out.code(3);
        assert_eq!(out.stdout, statement, "{shell}");
    }
}

/// A stdout that cannot be written is a failure; the token is cached all
/// the same. A stdout closed at the start (`get >&-`) is not one of them:
/// Rust's runtime gives a closed standard stream /dev/null before `main`
/// runs (so that no file opened later takes its number), and a program can
/// no longer tell it from `>/dev/null`, which warms the cache.
#[test]
fn a_full_stdout_is_a_failure_a_closed_one_is_dev_null_and_the_token_is_cached() {
    let sb = sandbox();
    if !have("sh") {
        return;
    }
    if std::path::Path::new("/dev/full").exists() {
        sb.shell("sh", r#""$ZT" get >/dev/full"#)
            .code(1)
            .stderr_has("cannot write to standard output");
        assert_eq!(sb.zuora.count(), 1, "fetched before the write failed");
    }
    let closed = sb.shell("sh", r#""$ZT" get --refresh >&-"#);
    closed.ok();
    assert_eq!(
        closed.stderr, "",
        "nothing to say: the token went to /dev/null"
    );
    run(sb.authed().arg("get")).ok();
    assert_eq!(
        sb.zuora.count(),
        if std::path::Path::new("/dev/full").exists() {
            2
        } else {
            1
        },
        "the token fetched with stdout closed was cached"
    );
}

#[test]
fn github_output_opens_github_env_before_it_fetches_or_masks() {
    let sb = sandbox();
    let out = run(sb
        .authed()
        .env("GITHUB_ENV", sb.home())
        .args(["env", "--shell", "github"]));
    out.code(1).stderr_has("cannot append to $GITHUB_ENV");
    assert_eq!(
        out.stdout, "",
        "no mask line for variables that cannot be set"
    );
    assert_eq!(sb.zuora.count(), 0, "nothing fetched");
}
