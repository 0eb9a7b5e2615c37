//! Every failure: its exit code, its message on stderr, nothing on stdout,
//! and never the secret or a backtrace. Runs pass --retries 0, so that each
//! failure is final; retries are tested in resilience.rs.

use zuora_token_testkit::{CLIENT_SECRET, Reply, Run, Sandbox, percent_encode, run};

use crate::sandbox;

/// Runs `get` against a fake that answers `reply` once.
fn get_with(reply: Reply) -> (Sandbox, Run) {
    let sb = sandbox();
    sb.zuora.then(reply);
    let out = run(sb
        .authed()
        .args(["get", "--retries", "0"])
        .env("RUST_BACKTRACE", "1"));
    (sb, out)
}

/// The checks every failure must pass.
fn failed(out: &Run, code: i32, needles: &[&str]) {
    out.code(code).never_shows(CLIENT_SECRET);
    assert_eq!(out.stdout, "", "stdout carries only what was asked for");
    let errors = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("zuora-token: error: "));
    assert_eq!(errors.count(), 1, "one error line: {}", out.stderr);
    assert!(
        !out.stderr.contains("backtrace") && !out.stderr.contains("panicked"),
        "{}",
        out.stderr
    );
    for needle in needles {
        assert!(
            out.stderr.contains(needle),
            "{needle:?} missing: {}",
            out.stderr
        );
    }
}

#[test]
fn bad_credentials_exit_3_with_zuoras_message_and_request_id() {
    let sb = sandbox();
    let out = run(sb
        .authed()
        .arg("get")
        .env("ZUORA_CLIENT_SECRET", "wrong-secret"));
    failed(
        &out,
        3,
        &[
            "HTTP 401 Unauthorized: Authentication error (Zuora-Request-Id: ",
            "hint: check the client id",
        ],
    );
    out.never_shows("wrong-secret");
}

#[test]
fn refusals_show_the_message_whatever_its_shape() {
    for (status, body, message) in [
        (
            400,
            r#"{"success":false,"reasons":[{"code":5,"message":"Invalid entity"},{"message":"Try again"}]}"#,
            "HTTP 400 Bad Request: Invalid entity: Try again",
        ),
        (
            403,
            r#"{"error":"access_denied","error_description":"Client disabled"}"#,
            "HTTP 403 Forbidden: access_denied: Client disabled",
        ),
        (
            400,
            r#"{"code":50000040,"message":"Bad request"}"#,
            "HTTP 400 Bad Request: Bad request",
        ),
        (404, "", "HTTP 404 Not Found"),
    ] {
        let (_, out) = get_with(
            Reply::status(status, body)
                .header("Zuora-Request-Id", "8b2e6c1a-0000-4000-8000-000000000001"),
        );
        failed(
            &out,
            3,
            &[
                message,
                "(Zuora-Request-Id: 8b2e6c1a-0000-4000-8000-000000000001)",
            ],
        );
    }
}

#[test]
fn a_long_message_is_cut_short() {
    let long = "x".repeat(5000);
    let (_, out) = get_with(Reply::status(400, format!(r#"{{"message":"{long}"}}"#)));
    failed(&out, 3, &["..."]);
    assert!(out.stderr.len() < 1000, "{}", out.stderr.len());
}

#[test]
fn an_echoed_secret_is_scrubbed_from_the_message() {
    let sb = sandbox();
    // What a proxy or a careless server might send back: the form as received.
    let echo = format!(
        r#"{{"message":"bad request body: client_id=x&client_secret={}&grant_type=client_credentials; parsed secret {}"}}"#,
        percent_encode(CLIENT_SECRET),
        CLIENT_SECRET
    );
    sb.zuora.then(Reply::status(400, echo));
    let out = run(sb.authed().args(["get", "-v"]));
    failed(
        &out,
        3,
        &[
            "client_secret=<redacted>&grant_type",
            "parsed secret <redacted>",
        ],
    );
    sb.zuora
        .then(Reply::status(502, format!("gateway saw {CLIENT_SECRET}")));
    let out = run(sb.authed().args(["get", "--retries", "0"]));
    failed(&out, 5, &["gateway saw <redacted>"]);
}

#[test]
fn rate_limiting_exits_4() {
    let (_, out) = get_with(Reply::status(429, r#"{"message":"Too many requests"}"#));
    failed(
        &out,
        4,
        &[
            "HTTP 429 Too Many Requests: Too many requests",
            "100 token requests a minute",
        ],
    );
}

#[test]
fn server_errors_exit_5() {
    for status in [500, 502, 503] {
        let (_, out) = get_with(Reply::status(status, "<html><body>down</body></html>"));
        failed(&out, 5, &[&format!("HTTP {status}")]);
        assert!(!out.stderr.contains("<html>"), "{}", out.stderr);
    }
}

#[test]
fn an_unreachable_server_exits_5() {
    let sb = sandbox();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let url = format!("http://{closed}");
    let out = run(sb
        .authed()
        .args(["get", "--retries", "0", "--base-url", &url]));
    failed(&out, 5, &[&format!("cannot talk to {url}/oauth/token")]);
}

#[test]
fn a_redirect_is_not_followed() {
    let sb = sandbox();
    let elsewhere = "http://127.0.0.2:9/oauth/token";
    sb.zuora
        .then(Reply::status(307, "").header("Location", elsewhere));
    let out = run(sb.authed().arg("get"));
    failed(
        &out,
        6,
        &[
            "HTTP 307 Temporary Redirect",
            &format!("to {elsewhere}; redirects are not followed"),
        ],
    );
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn an_invalid_token_response_exits_6_without_printing_the_bad_value() {
    let ok = r#""token_type":"bearer","expires_in":3599"#;
    for (body, why) in [
        ("<html>hello</html>".to_owned(), "the response is not JSON"),
        ("[1,2]".to_owned(), "not a JSON object"),
        (format!("{{{ok}}}"), "has no access_token"),
        (
            format!(r#"{{"access_token":"",{ok}}}"#),
            "access_token is empty or holds characters",
        ),
        (
            format!(r#"{{"access_token":"EVIL'$(touch x)",{ok}}}"#),
            "access_token is empty or holds characters",
        ),
        (
            format!(r#"{{"access_token":"EVIL\r\nX-Injected: 1",{ok}}}"#),
            "holds characters",
        ),
        (
            r#"{"access_token":"t","token_type":"mac","expires_in":3599}"#.to_owned(),
            "token_type is not \"bearer\"",
        ),
        (
            r#"{"access_token":"t","token_type":"bearer","expires_in":"3599"}"#.to_owned(),
            "expires_in is not a positive number",
        ),
        (
            r#"{"access_token":"t","token_type":"bearer","expires_in":0}"#.to_owned(),
            "expires_in is not a positive number",
        ),
        (
            r#"{"access_token":"t","token_type":"bearer","expires_in":-1}"#.to_owned(),
            "expires_in is not a positive number",
        ),
    ] {
        let (_, out) = get_with(Reply::status(200, body.clone()));
        failed(&out, 6, &["is not a valid token response", why]);
        assert!(!out.stderr.contains("EVIL"), "{}", out.stderr);
    }
}

#[test]
fn a_response_that_is_not_http_exits_6() {
    let (_, out) = get_with(Reply::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec()));
    failed(&out, 6, &["did not answer with valid HTTP"]);
}

#[test]
fn usage_errors_exit_2() {
    let sb = sandbox();
    for (args, stdout) in [
        (&["get", "--bogus"][..], ""),
        (&["get", "-o", "yaml"], ""),
        // What `eval` runs must fail too, even for a bad command line.
        (&["env", "--shell", "tcsh"], "false\n"),
        (&["frobnicate"], ""),
    ] {
        let out = run(sb.authed().args(args));
        out.code(2);
        assert_eq!(out.stdout, stdout, "{args:?}");
        // clap's messages in the format of every other error.
        assert!(
            out.stderr.starts_with("zuora-token: error: "),
            "{args:?}: {}",
            out.stderr
        );
        out.stderr_has("For more information, try '--help'.");
    }
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn listings_and_missing_files_say_what_they_looked_at() {
    let sb = sandbox();
    let cache_dir = sb.home().join(".cache/zuora-token");
    let out = run(sb.cmd().args(["cache", "list"]));
    out.ok();
    assert_eq!(out.stdout, "");
    out.stderr_has(&format!("no cached tokens in {}", cache_dir.display()));
    let out = run(sb.cmd().args(["cache", "list", "-o", "json"]));
    assert_eq!(out.stdout, "[]\n");
    run(sb.cmd().args(["cache", "clear"]))
        .code(2)
        .stderr_has("no client id given")
        .stderr_has(
            "hint: to clear every cached token, whoever it is for: zuora-token cache clear --all",
        );
    let config = sb.home().join(".config/zuora-token/config.toml");
    run(sb.authed().args(["get", "-p", "prod"]))
        .code(2)
        .stderr_has(&format!(
            "profile 'prod' (from --profile) not found: there is no config file at {}",
            config.display()
        ));
    // exec's command is an argument, not a cache flag.
    let help = run(sb.cmd().args(["exec", "--help"])).ok().stdout.clone();
    let arguments = help.find("Arguments:\n  <COMMAND>...").expect(&help);
    assert!(arguments < help.find("Cache:").expect(&help), "{help}");
}

#[test]
fn no_subcommand_shows_help_with_the_three_uses() {
    let sb = sandbox();
    let out = run(&mut sb.cmd());
    out.code(2);
    for example in [
        "zuora-token get --profile prod",
        "eval \"$(zuora-token env --profile prod)\"",
        "curl -fsS -H @<(zuora-token get -o header)",
    ] {
        assert!(out.stderr.contains(example), "{example}: {}", out.stderr);
    }
    let help = run(sb.cmd().arg("--help"));
    help.ok();
    help.stdout_has("eval \"$(zuora-token env --profile prod)\"");
    let version = run(sb.cmd().arg("--version"));
    version.ok();
    assert_eq!(
        version.stdout,
        format!("zuora-token {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_does_not_show_the_secret_from_the_environment() {
    let sb = sandbox();
    let out = run(sb.authed().args(["get", "--help"]));
    out.ok().never_shows(CLIENT_SECRET);
    out.stdout_has("[env: ZUORA_CLIENT_SECRET]");
}
