//! `zuora-token curl`: real curl against the fake, the token never in
//! curl's arguments, a path resolved against the base URL, and one new
//! token and one retry after a 401, however many wrappers meet it at once.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use zuora_token_testkit::{FakeZuora, Reply, Sandbox, have, run};

use crate::{held_burst, sandbox};

const PRODUCTS: &str = "/v1/catalog/products";

/// A `curl` first on PATH that records its arguments, one a line, in
/// `argv.txt` (appending) and its environment in `env.txt`, then runs the
/// real curl; the directory to put first on PATH.
fn recording_curl(sb: &Sandbox) -> PathBuf {
    let real = which("curl");
    let dir = sb.home().join("fake-bin");
    let log = sb.home().join("argv.txt");
    let script = format!(
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '{log}'\necho --- >> '{log}'\n\
         env > '{env}'\nexec '{real}' \"$@\"\n",
        log = log.display(),
        env = sb.home().join("env.txt").display(),
        real = real.display()
    );
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("curl");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn which(program: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("{program} is not on PATH"))
}

/// PATH with `dir` first.
fn path_with(dir: &std::path::Path) -> std::ffi::OsString {
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir.to_owned()).chain(std::env::split_paths(&rest)))
        .unwrap()
}

/// The token the fake issued last, as the cache hands it out.
fn cached_token(sb: &Sandbox) -> String {
    run(sb.authed().arg("get")).ok().stdout.trim().to_owned()
}

/// How many calls to `path` carried `token`.
fn calls_with(sb: &Sandbox, path: &str, token: &str) -> usize {
    let bearer = format!("Bearer {token}");
    sb.zuora
        .requests()
        .iter()
        .filter(|r| r.path == path && r.header("authorization") == Some(bearer.as_str()))
        .count()
}

#[test]
fn a_path_is_called_on_the_base_url_and_the_token_is_not_in_curls_arguments() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let bin = recording_curl(&sb);
    let out = run(sb.authed().env("PATH", path_with(&bin)).args([
        "--org-ids",
        "org-1",
        "--track-id",
        "t-1",
        "curl",
        "-fsS",
        PRODUCTS,
    ]));
    out.ok().stdout_has("\"products\"");
    assert_eq!(out.stderr, "");
    let token = cached_token(&sb);
    assert_eq!(calls_with(&sb, PRODUCTS, &token), 1);
    let call = sb
        .zuora
        .requests()
        .into_iter()
        .find(|r| r.path == PRODUCTS)
        .unwrap();
    assert_eq!(call.header("zuora-org-ids"), Some("org-1"));
    assert_eq!(call.header("zuora-track-id"), Some("t-1"));

    let env = std::fs::read_to_string(sb.home().join("env.txt")).unwrap();
    assert!(env.contains("ZUORA_CLIENT_ID="), "{env}");
    assert!(
        !env.contains("ZUORA_CLIENT_SECRET"),
        "curl has the secret:\n{env}"
    );
    let argv = std::fs::read_to_string(sb.home().join("argv.txt")).unwrap();
    assert!(
        !argv.contains(&token),
        "the token is in curl's argv:\n{argv}"
    );
    let lines: Vec<&str> = argv.lines().collect();
    // `-q` first, the only place curl honours it: no .curlrc is read.
    assert_eq!(lines[..2], ["-q", "--config"], "{argv}");
    assert!(lines[2].starts_with("/dev/fd/"), "{argv}");
    // Globbing off; no proxy for a plain-HTTP base URL.
    assert!(argv.contains("--globoff\n--noproxy\n*\n-fsS\n"), "{argv}");
    assert!(
        lines.contains(&format!("{}{PRODUCTS}", sb.zuora.url()).as_str()),
        "the path is not resolved: {argv}"
    );
}

#[test]
fn after_a_revocation_one_401_one_token_request_and_one_retry() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let old = cached_token(&sb);
    sb.zuora.revoke_tokens();
    let out = run(sb.authed().args(["-v", "curl", "-fsS", PRODUCTS]));
    out.ok()
        .stderr_has("Zuora answered 401 Unauthorized; replacing the token");
    out.stderr_has("sending the request again with the new token");
    // The 401's body was dropped: what the user gets is the retry's.
    assert!(out.stdout.starts_with("{\"products\""), "{}", out.stdout);
    assert!(
        !out.stdout.contains("Authentication error"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stderr.contains("curl: (22)"),
        "curl's 401 message shows: {}",
        out.stderr
    );
    let new = cached_token(&sb);
    assert_ne!(new, old);
    out.never_shows(&old).never_shows(&new);
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2, "one new token");
    assert_eq!(calls_with(&sb, PRODUCTS, &old), 1, "one 401");
    assert_eq!(calls_with(&sb, PRODUCTS, &new), 1, "one retry");
}

#[test]
fn twenty_wrappers_after_a_revocation_make_one_token_request() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let old = cached_token(&sb);
    sb.zuora.revoke_tokens();
    // Held until every wrapper's first call has been made, so that none
    // has a new token before all have met the 401.
    for out in held_burst(&sb, 20, &["curl", "-fsS", PRODUCTS], &[], None, 20) {
        out.ok();
        assert!(out.stdout.starts_with("{\"products\""), "{out:#?}");
    }
    assert_eq!(
        sb.zuora.count_path("/oauth/token"),
        2,
        "one new token for all"
    );
    assert_eq!(calls_with(&sb, PRODUCTS, &old), 20, "each met one 401");
    assert_eq!(sb.zuora.count_path(PRODUCTS), 40, "and retried once");
}

#[test]
fn curls_exit_code_and_output_are_passed_on() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let missing = run(sb.authed().args(["curl", "-fsS", "/v1/accounts/A-404"]));
    missing.code(22).stderr_has("404");
    let plain = run(sb
        .authed()
        .args(["curl", "-sS", "-w", "%{http_code}", "/v1/accounts/A-404"]));
    plain.ok().stdout_has("404");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);
}

#[test]
fn a_body_from_stdin_is_not_sent_twice_but_the_token_is_replaced() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    cached_token(&sb);
    sb.zuora.revoke_tokens();
    let out = run(sb
        .authed()
        .args(["curl", "-sS", "-d", "@-", PRODUCTS])
        .write_stdin("{}"));
    out.ok()
        .stdout_has("Authentication error")
        .stderr_has("not sent again because its body was read from standard input");
    assert_eq!(
        sb.zuora.count_path("/oauth/token"),
        2,
        "replaced for next time"
    );
    assert_eq!(sb.zuora.count_path(PRODUCTS), 1, "sent once");
    let again = run(sb.authed().args(["curl", "-fsS", PRODUCTS]));
    again.ok().stdout_has("\"products\"");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
}

#[test]
fn a_url_off_the_base_url_is_refused_before_anything_is_sent() {
    let sb = sandbox();
    let out = run(sb.authed().args(["curl", "https://evil.example/v1/x"]));
    out.code(2)
        .stderr_has("refusing to send the token to \"https://evil.example/v1/x\"");
    assert_eq!(sb.zuora.count(), 0);
}

/// `host:port` of a fake.
fn authority(fake: &FakeZuora) -> String {
    fake.url().trim_start_matches("http://").to_owned()
}

/// Asserts that `elsewhere` (anyone but Zuora) saw no request at all.
fn saw_nothing(elsewhere: &FakeZuora) {
    assert_eq!(
        elsewhere.count(),
        0,
        "another origin was reached: {:#?}",
        elsewhere.requests()
    );
}

#[test]
fn every_option_that_could_send_the_token_elsewhere_is_refused_before_anything_runs() {
    let sb = sandbox();
    let elsewhere = FakeZuora::start();
    let other = elsewhere.url();
    let host = authority(&elsewhere);
    let zuora = authority(&sb.zuora);
    let config = sb.file("curl.cfg", &format!("url = \"{other}/v1/leak\"\n"));
    let headers = sb.file("headers.txt", "Authorization: Bearer mine\n");
    let config = config.to_str().unwrap();
    let headers = format!("@{}", headers.display());
    let cases: &[(&[&str], &str)] = &[
        // A config file, on disk or on stdin, and variables.
        (
            &["-K", config],
            "-K is not allowed: it reads a curl config file",
        ),
        (&["--config", "-"], "--config is zuora-token's option"),
        (&["--variable", "u=x"], "--variable is not allowed"),
        (&["--expand-url", "{{u}}"], "--expand-url is not allowed"),
        // Redirects, trusted or not.
        (&["-L"], "-L is not allowed: following a redirect"),
        (&["--location-trusted"], "--location-trusted is not allowed"),
        // Re-routing the connection.
        (
            &["--connect-to", &format!("::{host}")],
            "--connect-to is not allowed",
        ),
        (
            &["--resolve", &format!("{zuora}:127.0.0.1")],
            "--resolve is not allowed",
        ),
        (&["--unix-socket", "/tmp/s"], "--unix-socket is not allowed"),
        (
            &["--doh-url", &format!("{other}/dns")],
            "--doh-url is not allowed",
        ),
        // Proxies.
        (&["-x", &other], "-x is not allowed: a proxy"),
        (&["--proxy", &other], "--proxy is not allowed"),
        (&["--socks5", &host], "--socks5 is not allowed"),
        (&["--preproxy", &other], "--preproxy is not allowed"),
        (&["--noproxy", ""], "--noproxy is not allowed"),
        // Credentials.
        (&["-u", "a:b"], "-u is not allowed"),
        (&["--oauth2-bearer", "t"], "--oauth2-bearer is not allowed"),
        (&["--netrc-file", config], "--netrc-file is not allowed"),
        (
            &["-H", "Authorization: Bearer mine"],
            "header \"Authorization\" is not allowed",
        ),
        (&["-H", &headers], "is not allowed: a header file"),
        // Other transfers, and options the list does not know.
        (&["-:", &format!("{other}/v1/leak")], "-: is not allowed"),
        (&["--next"], "--next is not allowed"),
        (&["--parallel"], "--parallel is not allowed"),
        (&["--no-globoff"], "--no-globoff is not allowed"),
        (&["--locat"], "--locat is not allowed"),
        // One of ours, written after `curl`.
        (
            &["--profile", "sandbox"],
            "--profile is zuora-token's option: put it before 'curl'",
        ),
    ];
    for (args, message) in cases {
        let out = run(sb
            .authed()
            .arg("curl")
            .args(*args)
            .arg(PRODUCTS)
            .write_stdin(format!("url = \"{other}/v1/leak\"\n")));
        out.code(2).stderr_has(message);
        assert!(out.stderr.starts_with("zuora-token: error: "), "{out:?}");
        assert_eq!(out.stdout, "");
        saw_nothing(&elsewhere);
        assert_eq!(sb.zuora.count(), 0, "{args:?}: something was sent");
    }
}

/// curl resolves a name itself, and one older than 7.78 asks the system,
/// whose hosts file may put `localhost` anywhere: it is told where the
/// name goes, the loopback address zuora-token checked, whatever the
/// spelling of the URL given.
#[test]
fn plain_http_localhost_is_pinned_for_curl_to_the_address_checked() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let bin = recording_curl(&sb);
    let port = sb.zuora.url().rsplit(':').next().unwrap().to_owned();
    let base = format!("http://localhost:{port}");
    let loud = format!("http://LOCALHOST:{port}{PRODUCTS}");
    let out = run(sb.authed().env("PATH", path_with(&bin)).args([
        "--base-url",
        &base,
        "curl",
        "-fsS",
        PRODUCTS,
        &loud,
    ]));
    out.ok().stdout_has("\"products\"");
    let calls = sb
        .zuora
        .requests()
        .iter()
        .filter(|r| r.path == PRODUCTS)
        .count();
    assert_eq!(calls, 2);
    let argv = std::fs::read_to_string(sb.home().join("argv.txt")).unwrap();
    let lines: Vec<&str> = argv.lines().collect();
    let at = lines.iter().position(|l| *l == "--resolve");
    let pin = at
        .map(|at| lines[at + 1])
        .unwrap_or_else(|| panic!("no --resolve: {argv}"));
    let ip = pin.strip_prefix(&format!("localhost:{port}:")).unwrap();
    let ip: std::net::IpAddr = ip.trim_matches(['[', ']']).parse().unwrap();
    assert!(ip.is_loopback(), "{pin}");
}

#[test]
fn no_proxy_from_the_environment_sees_a_plain_http_request() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let proxy = FakeZuora::start();
    let variables = [
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ];
    // The proof that the proxy would be used: curl on its own goes there.
    let mut bare = assert_cmd::Command::new("curl");
    bare.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("http_proxy", proxy.url())
        .args(["-sS", "-o", "/dev/null"])
        .arg(format!("{}{PRODUCTS}", sb.zuora.url()));
    run(&mut bare);
    assert_eq!(proxy.count(), 1, "curl does not use http_proxy here");
    let proxy_seen = proxy.count();
    let out = run(sb
        .authed()
        .envs(variables.map(|v| (v, proxy.url())))
        .args(["curl", "-fsS", PRODUCTS]));
    out.ok().stdout_has("\"products\"");
    assert_eq!(proxy.count(), proxy_seen, "{:#?}", proxy.requests());
    assert_eq!(calls_with(&sb, PRODUCTS, &cached_token(&sb)), 1);
}

#[test]
fn the_users_curlrc_is_not_read() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let elsewhere = FakeZuora::start();
    let curlrc = format!(
        "proxy = \"{other}\"\nurl = \"{other}/v1/leak\"\nheader = \"X-From: curlrc\"\n",
        other = elsewhere.url()
    );
    // Where curl looks: $CURL_HOME, $XDG_CONFIG_HOME, $HOME.
    sb.file(".curlrc", &curlrc);
    sb.file(".config/.curlrc", &curlrc);
    sb.file("curl-home/.curlrc", &curlrc);
    let curl_home = sb.home().join("curl-home");
    // The proof that curl would read it: curl on its own does.
    let mut bare = assert_cmd::Command::new("curl");
    bare.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", sb.home())
        .args(["-s", "-o", "/dev/null"]);
    run(&mut bare);
    assert!(elsewhere.count() > 0, "curl did not read the .curlrc");
    let seen = elsewhere.count();
    for home in [None, Some(&curl_home)] {
        let mut cmd = sb.authed();
        if let Some(home) = home {
            cmd.env("CURL_HOME", home);
        }
        let out = run(cmd.args(["curl", "-fsS", PRODUCTS]));
        out.ok().stdout_has("\"products\"");
        assert_eq!(elsewhere.count(), seen, "{:#?}", elsewhere.requests());
    }
    let calls = sb.zuora.requests();
    let products: Vec<_> = calls.iter().filter(|r| r.path == PRODUCTS).collect();
    assert_eq!(products.len(), 2);
    assert!(products.iter().all(|r| r.header("x-from").is_none()));
}

#[test]
fn a_run_of_several_transfers_is_not_sent_again_after_a_401() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    cached_token(&sb);
    // The first transfer succeeds, the second meets a 401.
    sb.zuora
        .then(Reply::Zuora)
        .then(Reply::status(401, r#"{"message":"Authentication error"}"#));
    let account = "/v1/accounts/A00000001";
    let out = run(sb.authed().args(["curl", "-sS", PRODUCTS, account]));
    out.ok()
        .stdout_has("\"products\"")
        .stdout_has("Authentication error")
        .stderr_has("not sent again because the run made several transfers");
    assert_eq!(
        sb.zuora.count_path(PRODUCTS),
        1,
        "the success is not repeated"
    );
    assert_eq!(sb.zuora.count_path(account), 1);
    assert_eq!(
        sb.zuora.count_path("/oauth/token"),
        2,
        "replaced for next time"
    );
}

#[test]
fn a_body_from_stdin_in_any_spelling_is_not_sent_again() {
    if !have("curl") {
        return;
    }
    for args in [
        &["--json", "@-"][..],
        &["--data-binary", "@-"],
        &["--data-urlencode", "name@-"],
        &["-F", "file=<-"],
        &["-Ffile=@-;type=text/plain"],
        &["-T", "-"],
        &["-X", "POST", "-w", "@-"],
    ] {
        let sb = sandbox();
        cached_token(&sb);
        sb.zuora.revoke_tokens();
        let out = run(sb
            .authed()
            .arg("curl")
            .args(args)
            .arg(PRODUCTS)
            .write_stdin("{\"name\":\"stdin body\"}"));
        out.ok()
            .stderr_has("not sent again because its body was read from standard input");
        let calls: Vec<_> = sb
            .zuora
            .requests()
            .into_iter()
            .filter(|r| r.path.starts_with(PRODUCTS))
            .collect();
        assert_eq!(calls.len(), 1, "{args:?}: sent again");
        assert_eq!(sb.zuora.count_path("/oauth/token"), 2, "{args:?}");
    }
}

#[test]
fn curls_messages_are_passed_on_whatever_the_outcome() {
    if !have("curl") {
        return;
    }
    // A connection refused, on a single transfer that could be retried.
    let sb = sandbox();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = run(sb
        .authed()
        .env("ZUORA_BASE_URL", &base)
        .env("ZUORA_TOKEN_URL", format!("{}/oauth/token", sb.zuora.url()))
        .args(["curl", "-sS", "-w", "[%{http_code}]", PRODUCTS]));
    out.code(7).stderr_has("curl: (7)").stdout_has("[000]");
    // A 401 dropped for the retry: curl's -v trace of both exchanges is
    // passed on, but not -f's message about the 401.
    let sb = sandbox();
    cached_token(&sb);
    sb.zuora.revoke_tokens();
    let out = run(sb.authed().args(["curl", "-fsS", "-v", PRODUCTS]));
    out.ok().stdout_has("\"products\"");
    assert!(out.stderr.contains("< HTTP/1.1 401"), "{}", out.stderr);
    assert!(out.stderr.contains("< HTTP/1.1 200"), "{}", out.stderr);
    assert!(!out.stderr.contains("curl: (22)"), "{}", out.stderr);
    assert_eq!(sb.zuora.count_path(PRODUCTS), 2);
}

#[test]
fn a_missing_curl_is_a_clear_error() {
    let sb = sandbox();
    let empty = sb.home().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(sb.authed().env("PATH", &empty).args(["curl", PRODUCTS]));
    out.code(127)
        .stderr_has("zuora-token: error: command not found: curl")
        .stderr_has("install curl");
}

#[test]
fn after_a_revocation_an_output_file_holds_the_retrys_answer() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    cached_token(&sb);
    sb.zuora.revoke_tokens();
    let file = sb.home().join("products.json");
    let out = run(sb
        .authed()
        .args(["curl", "-fsS", "-i", "-o"])
        .arg(&file)
        .arg(PRODUCTS));
    out.ok();
    assert_eq!(out.stdout, "");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.starts_with("HTTP/1.1 200"), "{saved}");
    assert!(saved.contains("\"products\""), "{saved}");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
}

#[test]
fn with_the_users_own_dump_header_a_401_is_passed_on() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    cached_token(&sb);
    sb.zuora.revoke_tokens();
    let headers = sb.home().join("headers.txt");
    let out = run(sb
        .authed()
        .args(["curl", "-sS", "-D"])
        .arg(&headers)
        .arg(PRODUCTS));
    out.ok().stdout_has("Authentication error");
    let dumped = std::fs::read_to_string(&headers).unwrap();
    assert!(dumped.starts_with("HTTP/1.1 401"), "{dumped}");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1, "nothing replaced");
    assert_eq!(sb.zuora.count_path(PRODUCTS), 1, "nothing retried");
}

#[test]
fn a_401_to_a_token_just_replaced_costs_no_further_token_request() {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    cached_token(&sb);
    sb.zuora.revoke_tokens();
    run(sb.authed().args(["curl", "-fsS", PRODUCTS])).ok();
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
    // Refused again within a minute: as a call that Zuora refuses whatever
    // the token. Passed on, and no third token.
    sb.zuora.revoke_tokens();
    for _ in 0..3 {
        let out = run(sb.authed().args(["curl", "-fsS", PRODUCTS]));
        out.code(22)
            .stderr_has("curl: (22)")
            .stderr_has("not asking for another: Zuora refuses this call, not the token");
    }
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
    assert_eq!(sb.zuora.count_path(PRODUCTS), 2 + 3);
}
