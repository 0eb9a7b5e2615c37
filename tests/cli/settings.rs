//! Where settings come from, end to end through the binary. The matrix of
//! settings and layers (each setting from flag, variable, profile and
//! default; which beats which; the profile chosen; the secret's sources at
//! one level; the origins messages name) is tested once, in process, by
//! the unit tests of `src/cli/settings`. Here: one smoke test of the layers
//! and their order through the binary, and what only the binary shows: the
//! config file read (or not) from disk, the secret's sources run, warnings,
//! and the -v trail. Each run passes --no-cache, so that every run makes
//! the request these tests inspect.

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, Sandbox, run};

use crate::sandbox;

/// Credentials without a base URL, so that the environment decides.
fn creds(sb: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sb.cmd();
    cmd.env("ZUORA_CLIENT_ID", CLIENT_ID)
        .env("ZUORA_CLIENT_SECRET", CLIENT_SECRET);
    cmd
}

#[test]
fn an_unknown_environment_is_an_error_listing_the_valid_ones() {
    let sb = sandbox();
    let out = run(creds(&sb).args(["get", "--no-cache", "-e", "prod-mars"]));
    out.code(2);
    out.stderr_has("unknown environment \"prod-mars\" from --environment");
    for name in [
        "prod-eu",
        "csbx-ap",
        "eu-api-sandbox",
        "https://rest.test.ap.zuora.com",
    ] {
        assert!(
            out.stderr.contains(name),
            "{name} not listed: {}",
            out.stderr
        );
    }
}

/// The smoke test of the layers: a profile, a variable over it, a flag
/// over that, as the request shows them.
#[test]
fn flags_beat_environment_variables_which_beat_the_profile() {
    let sb = sandbox();
    let url = sb.zuora.url();
    sb.config(&format!(
        "default_profile = \"p\"\n[profiles.p]\nbase_url = \"{url}\"\nclient_id = \"from-profile\"\n\
         client_secret = \"{CLIENT_SECRET}\"\ntrack_id = \"from-profile\"\n"
    ));
    let id = |sb: &Sandbox| sb.zuora.requests().pop().unwrap();
    let out = run(sb.cmd().args(["get", "--no-cache"]));
    out.code(3);
    assert_eq!(id(&sb).field("client_id"), Some("from-profile"));
    assert_eq!(id(&sb).header("zuora-track-id"), Some("from-profile"));
    out.stderr_has("client id (from `client_id` in profile 'p' of ");

    run(sb
        .cmd()
        .env("ZUORA_CLIENT_ID", "from-env")
        .env("ZUORA_TRACK_ID", "from-env")
        .args(["get", "--no-cache"]))
    .code(3);
    assert_eq!(id(&sb).field("client_id"), Some("from-env"));
    assert_eq!(id(&sb).header("zuora-track-id"), Some("from-env"));

    run(sb.cmd().env("ZUORA_CLIENT_ID", "from-env").args([
        "get",
        "--client-id",
        CLIENT_ID,
        "--track-id",
        "from-flag",
    ]))
    .ok();
    assert_eq!(id(&sb).field("client_id"), Some(CLIENT_ID));
    assert_eq!(id(&sb).header("zuora-track-id"), Some("from-flag"));
}

/// (An empty variable counts as unset: a unit test.)
#[test]
fn an_empty_flag_is_an_error() {
    let sb = sandbox();
    let out = run(sb.authed().args(["get", "--no-cache", "--client-id", ""]));
    out.code(2);
    out.stderr_has("the client id from --client-id is empty");
}

/// (A profile the file lacks: a unit test.)
#[test]
fn a_profile_without_a_config_file_is_an_error() {
    let sb = sandbox();
    let out = run(sb
        .authed()
        .env("ZUORA_PROFILE", "prod")
        .args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("profile 'prod' (from environment variable ZUORA_PROFILE) not found: there is no config file");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn default_profile_naming_no_profile_is_an_error() {
    let sb = sandbox();
    sb.config("default_profile = \"gone\"\n[profiles.prod]\n");
    let out = run(sb.authed().args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("profile 'gone' (from `default_profile` in ");
}

#[test]
fn a_missing_default_config_file_is_fine_but_a_named_one_is_an_error() {
    let sb = sandbox();
    run(sb.authed().args(["get", "--no-cache"])).ok();
    let missing = sb.home().join("nope.toml");
    let out = run(sb
        .authed()
        .args(["get", "--no-cache"])
        .arg("--config")
        .arg(&missing));
    out.code(2);
    out.stderr_has(&format!(
        "cannot read the config file {} (from --config)",
        missing.display()
    ));
    let out = run(sb
        .authed()
        .env("ZUORA_TOKEN_CONFIG", &missing)
        .args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("(from environment variable ZUORA_TOKEN_CONFIG)");
}

#[test]
fn config_and_profile_given_by_path_and_variable_are_used() {
    let sb = sandbox();
    let path = sb.file(
        "elsewhere.toml",
        &format!("[profiles.x]\nbase_url = \"{}\"\n", sb.zuora.url()),
    );
    let cmd = || {
        let mut cmd = sb.cmd();
        cmd.env("ZUORA_CLIENT_ID", CLIENT_ID)
            .env("ZUORA_CLIENT_SECRET", CLIENT_SECRET);
        cmd
    };
    run(cmd()
        .args(["get", "--no-cache", "-p", "x", "--config"])
        .arg(&path))
    .ok();
    run(cmd()
        .env("ZUORA_TOKEN_CONFIG", &path)
        .env("ZUORA_PROFILE", "x")
        .args(["get", "--no-cache"]))
    .ok();
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn an_unknown_key_names_the_key_the_profile_and_the_file() {
    let sb = sandbox();
    let path = sb.config("[profiles.prod]\nclient_id = \"x\"\nclient_secert = \"oops\"\n");
    let out = run(sb.authed().args(["get", "--no-cache"]));
    out.code(2);
    let err = &out.stderr;
    assert!(
        err.contains(&format!(
            "invalid config file {}: profile 'prod': unknown field `client_secert`",
            path.display()
        )),
        "{err}"
    );

    sb.config("defualt_profile = \"prod\"\n");
    let out = run(sb.authed().args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("line 1, column 1: unknown field `defualt_profile`");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn the_secret_can_come_from_a_file_stdin_a_command_or_a_profile() {
    let sb = sandbox();
    let file = sb.file("secret.txt", &format!("{CLIENT_SECRET}\n"));
    let cmd = || sb.without_secret();
    run(cmd()
        .args(["get", "--no-cache"])
        .arg("--client-secret-file")
        .arg(&file))
    .ok();
    run(cmd()
        .env("ZUORA_CLIENT_SECRET_FILE", &file)
        .args(["get", "--no-cache"]))
    .ok();
    run(cmd()
        .args(["get", "--no-cache", "--client-secret-file", "-"])
        .write_stdin(format!("{CLIENT_SECRET}\r\n")))
    .ok();
    sb.file(".config/zuora-token/s.txt", CLIENT_SECRET);
    for source in [
        "client_secret_file = \"s.txt\"".to_owned(),
        "client_secret_file = \"~/.config/zuora-token/s.txt\"".to_owned(),
        format!("client_secret_command = \"printf '%s\\\\n' '{CLIENT_SECRET}'\""),
        format!("client_secret = \"{CLIENT_SECRET}\""),
    ] {
        sb.config(&format!(
            "default_profile = \"p\"\n[profiles.p]\n{source}\n"
        ));
        let out = run(cmd().args(["get", "--no-cache"]));
        assert_eq!(out.code, 0, "{source}: {out:#?}");
    }
    let requests = sb.zuora.requests();
    assert_eq!(requests.len(), 7);
    assert!(
        requests
            .iter()
            .all(|r| r.field("client_secret") == Some(CLIENT_SECRET))
    );
}

#[test]
fn empty_or_failing_secret_sources_are_errors() {
    let sb = sandbox();
    let cmd = || sb.without_secret();
    // (A file that cannot be read: a unit test, and hostile.rs.)
    let empty = sb.file("empty.txt", "\n");
    let out = run(cmd()
        .args(["get", "--no-cache"])
        .arg("--client-secret-file")
        .arg(&empty));
    out.code(2);
    out.stderr_has("the client secret from --client-secret-file is empty");

    sb.config("default_profile = \"p\"\n[profiles.p]\nclient_secret_command = \"echo leaked-secret; exit 3\"\n");
    let out = run(cmd().args(["get", "--no-cache"]));
    out.code(1).never_shows("leaked-secret");
    out.stderr_has("the client secret command from `client_secret_command` in profile 'p'");
    out.stderr_has("failed (exit status: 3)");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn a_secret_on_the_command_line_gets_a_warning_unless_quiet() {
    let sb = sandbox();
    let cmd = || sb.without_secret();
    let out = run(cmd().args(["get", "--no-cache", "--client-secret", CLIENT_SECRET]));
    out.ok().never_shows(CLIENT_SECRET);
    assert!(
        out.stderr.starts_with(
            "zuora-token: warning: --client-secret puts the secret in the process list"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
    let out = run(cmd().args(["get", "--no-cache", "-q", "--client-secret", CLIENT_SECRET]));
    out.ok();
    assert_eq!(out.stderr, "");
    let out = run(sb.authed().args(["get", "--no-cache"]));
    assert_eq!(out.stderr, "", "no warning for the environment variable");
}

#[test]
fn verbose_says_where_each_setting_came_from_but_not_the_secret() {
    let sb = sandbox();
    let out = run(sb.authed().args(["get", "--no-cache", "-v"]));
    out.ok().never_shows(CLIENT_SECRET);
    let err = &out.stderr;
    assert!(
        err.contains(&format!(
            "base URL {} (from environment variable ZUORA_BASE_URL)",
            sb.zuora.url()
        )),
        "{err}"
    );
    assert!(
        err.contains("client secret given inline (from environment variable ZUORA_CLIENT_SECRET)"),
        "{err}"
    );
    assert!(err.contains("-> 200 OK"), "{err}");
    assert!(
        !err.contains(out.stdout.trim()),
        "the token is not in -v output: {err}"
    );
}

#[test]
fn the_example_configs_local_profile_works_against_the_fake() {
    let sb = sandbox();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/zuora-token.example.toml");
    let out = run(sb.cmd().args([
        "get",
        "--config",
        example,
        "--profile",
        "local",
        "--base-url",
        &sb.zuora.url(),
    ]));
    out.ok();
    assert_eq!(
        sb.zuora.only_request().field("client_secret"),
        Some(CLIENT_SECRET)
    );
}

/// `eval "$(zuora-token env -p sandbox)"` leaves `ZUORA_BASE_URL` in the
/// shell; a later `get -p prod` must go to prod, say that it ignores the
/// variable, and not warn where a variable agrees with the profile.
#[test]
fn a_named_profile_means_that_profile_after_env_of_another() {
    let sb = sandbox();
    if !zuora_token_testkit::have("bash") {
        return;
    }
    let prod = zuora_token_testkit::FakeZuora::start();
    sb.config(&format!(
        "[profiles.sandbox]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\n\
         [profiles.prod]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\n",
        sb.zuora.url(),
        prod.url()
    ));
    let out = sb.shell(
        "bash",
        "set -e; unset ZUORA_BASE_URL; eval \"$($ZT env -p sandbox)\"; \
         $ZT get -p prod --no-cache >/dev/null; $ZT get -p sandbox --no-cache",
    );
    out.ok();
    assert_eq!((sb.zuora.count(), prod.count()), (2, 1));
    let warnings: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        warnings,
        ["zuora-token: warning: ignoring ZUORA_BASE_URL: --profile prod sets `base_url`"]
    );
}
