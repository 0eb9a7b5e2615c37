//! Retries, the deadline, the size cap, plain HTTP, proxies and TLS. Runs
//! pass --no-cache where they count requests, so that each makes one.

use std::time::{Duration, Instant};

use zuora_token_testkit::{CLIENT_SECRET, FakeZuora, Reply, Run, Sandbox, TestCa, run};

use crate::herd::MISSED;
use crate::{held_burst, sandbox};

fn rate_limited(wait: &str) -> Reply {
    Reply::status(429, r#"{"message":"Too many requests"}"#).header("Retry-After", wait)
}

/// `get --no-cache` with `args`, timed: what a wait a test sees in the
/// -v trail lasted at least (a lower bound only: a loaded machine is
/// slower, never faster).
fn timed_get(sb: &Sandbox, args: &[&str]) -> (Run, Duration) {
    let started = Instant::now();
    let out = get(sb, args);
    (out, started.elapsed())
}

/// `get --no-cache` with `args`.
fn get(sb: &Sandbox, args: &[&str]) -> Run {
    run(sb.authed().args(["get", "--no-cache"]).args(args))
}

/// The seconds of each `retrying in S s` that -v wrote on stderr.
fn retry_waits(out: &Run) -> Vec<f64> {
    out.stderr
        .lines()
        .filter_map(|line| {
            line.split_once("retrying in ")?
                .1
                .split_once(" s")?
                .0
                .parse()
                .ok()
        })
        .collect()
}

#[test]
fn a_429_is_retried_after_the_wait_zuora_asks_for() {
    let sb = sandbox();
    sb.zuora.then(rate_limited("1"));
    let (out, took) = timed_get(&sb, &["-v"]);
    out.ok();
    assert_eq!(sb.zuora.count(), 2);
    assert!(took >= Duration::from_secs(1), "{took:?}");
    assert!(
        out.stderr
            .contains("retrying in 1.0 s (HTTP 429; retry 1 of 3)"),
        "{}",
        out.stderr
    );
}

#[test]
fn ratelimit_reset_and_http_dates_are_honoured_too() {
    let sb = sandbox();
    sb.zuora
        .then(Reply::status(429, "").header("RateLimit-Reset", "1"));
    let (out, took) = timed_get(&sb, &["-v"]);
    out.ok();
    assert!(took >= Duration::from_secs(1), "{took:?}");
    out.stderr_has("retrying in 1.0 s");

    sb.zuora.then(rate_limited("Sun, 06 Nov 1994 08:49:37 GMT"));
    let out = get(&sb, &["-v"]);
    out.ok();
    assert!(
        out.stderr.contains("retrying in 0.0 s"),
        "a date in the past: {}",
        out.stderr
    );
    assert_eq!(sb.zuora.count(), 4);
}

#[test]
fn rate_limited_every_time_exits_4_after_retries_plus_one_requests() {
    let sb = sandbox();
    for _ in 0..3 {
        sb.zuora.then(rate_limited("0"));
    }
    let out = get(&sb, &["--retries", "2"]);
    out.code(4).never_shows(CLIENT_SECRET);
    out.stderr_has("HTTP 429 Too Many Requests: Too many requests");
    out.stderr_has("(gave up after 3 attempts)");
    assert_eq!(sb.zuora.count(), 3);
    sb.zuora.then(rate_limited("0"));
    run(sb
        .authed()
        .env("ZUORA_TOKEN_RETRIES", "0")
        .args(["get", "--no-cache"]))
    .code(4);
    assert_eq!(sb.zuora.count(), 4, "ZUORA_TOKEN_RETRIES=0: one request");
}

#[test]
fn gateway_failures_are_retried() {
    for status in [502, 503, 504] {
        let sb = sandbox();
        sb.zuora
            .then(Reply::status(status, "").header("Retry-After", "0"));
        get(&sb, &[]).ok();
        assert_eq!(sb.zuora.count(), 2, "{status}");
    }
}

#[test]
fn other_failures_are_never_retried() {
    for status in [400, 401, 403, 404, 500] {
        let sb = sandbox();
        sb.zuora
            .then(Reply::status(status, r#"{"message":"no"}"#).header("Retry-After", "0"));
        let out = get(&sb, &[]);
        assert!(out.code == 3 || out.code == 5, "{out:#?}");
        assert_eq!(sb.zuora.count(), 1, "{status} was retried");
        assert!(!out.stderr.contains("attempts"), "{}", out.stderr);
    }
}

/// The wait is not started: the 429 is the answer, as the error says (had
/// it waited, its retry would have got a token).
#[test]
fn a_wait_that_would_pass_the_deadline_is_not_started() {
    let sb = sandbox();
    sb.zuora.then(rate_limited("60"));
    let out = get(&sb, &["--timeout", "5", "-v"]);
    out.code(4);
    assert_eq!(retry_waits(&out), Vec::<f64>::new(), "{}", out.stderr);
    out.stderr_has("not retried: waiting 60.0 s would pass the --timeout of 5 s");
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn a_refused_connection_is_retried_then_exits_5() {
    let sb = sandbox();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = get(
        &sb,
        &[
            "-v",
            "--retries",
            "1",
            "--base-url",
            &format!("http://{closed}"),
        ],
    );
    out.code(5);
    out.stderr_has("Connection refused");
    out.stderr_has("(gave up after 2 attempts)");
    // One wait, the first backoff's: at most a second, with jitter.
    let waits = retry_waits(&out);
    assert!(waits.len() == 1 && waits[0] <= 1.0, "{}", out.stderr);
}

#[test]
fn a_server_that_never_answers_times_out_at_the_deadline() {
    let sb = sandbox();
    sb.zuora.then(Reply::Hang);
    let (out, took) = timed_get(&sb, &["--timeout", "2"]);
    out.code(5);
    // It waited for the deadline, and the error says which one ended it.
    out.stderr_has("timed out after 2 s");
    assert!(took >= Duration::from_millis(1900), "{took:?}");
    sb.zuora.then(Reply::Hang);
    run(sb
        .authed()
        .env("ZUORA_TOKEN_TIMEOUT", "0.5")
        .args(["get", "--no-cache"]))
    .code(5)
    .stderr_has("timed out after 0.5 s");
}

#[test]
fn a_huge_body_is_refused_without_reading_it() {
    let sb = sandbox();
    sb.zuora.then(Reply::Large(50 << 20));
    let out = get(&sb, &[]);
    out.code(6);
    assert!(
        out.stderr
            .contains("larger than 1024 KiB; refusing to read it"),
        "{}",
        out.stderr
    );
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn plain_http_is_refused_unless_the_host_is_this_machine() {
    let sb = sandbox();
    let proxy = sb.zuora.url();
    for url in [
        "http://example.com",
        "http://10.0.0.1:8080",
        "http://localhost.example.com",
    ] {
        let out = run(sb
            .authed()
            .env("HTTP_PROXY", &proxy)
            .env("HTTPS_PROXY", &proxy)
            .env("ALL_PROXY", &proxy)
            .args(["get", "--base-url", url]));
        out.code(2);
        let expected =
            format!("refusing to send the client secret in clear text to {url} (from --base-url)");
        out.stderr_has(&expected);
    }
    assert_eq!(sb.zuora.count(), 0, "nothing was sent, not even to a proxy");
    let localhost = sb.zuora.url().replace("127.0.0.1", "localhost");
    get(&sb, &["--base-url", &localhost]).ok();
}

#[test]
fn plain_http_to_loopback_never_goes_through_a_proxy() {
    let sb = sandbox();
    let dead = "http://127.0.0.1:9";
    let out = run(sb
        .authed()
        .env("HTTP_PROXY", dead)
        .env("http_proxy", dead)
        .env("ALL_PROXY", dead)
        .args(["get", "--no-cache"]));
    out.ok();
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn an_untrusted_certificate_fails_with_exit_5_and_names_the_fix() {
    let ca = TestCa::generate();
    let sb = sandbox();
    let https = FakeZuora::start_tls(&ca);
    let out = run(sb
        .authed()
        .args(["get", "--retries", "0", "--base-url", &https.url()]));
    out.code(5).never_shows(CLIENT_SECRET);
    out.stderr_has("TLS failed with");
    out.stderr_has("certificate");
    out.stderr_has("--ca-bundle");
    assert_eq!(
        https.count(),
        0,
        "nothing was sent over the untrusted connection"
    );
}

#[test]
fn a_ca_bundle_from_flag_variable_or_profile_is_trusted() {
    let ca = TestCa::generate();
    let sb = sandbox();
    let https = FakeZuora::start_tls(&ca);
    let bundle = sb.file(".config/zuora-token/test-ca.pem", &ca.ca_pem);
    let get = |cmd: &mut assert_cmd::Command| {
        run(cmd.args(["get", "--no-cache", "--base-url", &https.url()]))
    };
    get(sb.authed().arg("--ca-bundle").arg(&bundle)).ok();
    get(sb.authed().env("ZUORA_CA_BUNDLE", &bundle)).ok();
    sb.config("default_profile = \"p\"\n[profiles.p]\nca_bundle = \"test-ca.pem\"\n");
    get(&mut sb.authed()).ok();
    assert_eq!(https.count(), 3);
    assert_eq!(
        https.requests()[0].field("client_secret"),
        Some(CLIENT_SECRET)
    );
}

#[test]
fn a_bad_or_missing_ca_bundle_is_a_usage_error() {
    let sb = sandbox();
    let missing = sb.home().join("missing.pem");
    let out = run(sb
        .authed()
        .args(["get", "--no-cache", "--ca-bundle"])
        .arg(&missing));
    out.code(2);
    out.stderr_has(&format!(
        "cannot read the CA bundle {} (from --ca-bundle)",
        missing.display()
    ));
    let garbage = sb.file("garbage.pem", "not a certificate\n");
    let out = run(sb
        .authed()
        .env("ZUORA_CA_BUNDLE", &garbage)
        .args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("holds no PEM certificate");
    out.stderr_has("(from environment variable ZUORA_CA_BUNDLE)");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn https_goes_through_the_proxy_unless_no_proxy_says_otherwise() {
    let ca = TestCa::generate();
    let sb = sandbox();
    let https = FakeZuora::start_tls(&ca);
    let bundle = sb.file("ca.pem", &ca.ca_pem);
    let dead = "http://127.0.0.1:9";
    let get = |proxy: &str, no_proxy: (&str, &str)| {
        run(sb
            .authed()
            .env(proxy, dead)
            .env(no_proxy.0, no_proxy.1)
            .arg("--ca-bundle")
            .arg(&bundle)
            .args([
                "get",
                "--no-cache",
                "--retries",
                "0",
                "--base-url",
                &https.url(),
            ]))
    };
    assert!(
        get("HTTPS_PROXY", ("X", "")).stderr.contains("cannot"),
        "the dead proxy was used"
    );
    get("HTTPS_PROXY", ("NO_PROXY", "localhost")).ok();
    get("https_proxy", ("no_proxy", "localhost")).ok();
    get("ALL_PROXY", ("NO_PROXY", "localhost")).ok();
    get("all_proxy", ("X", "")).code(5);
    assert_eq!(https.count(), 3);
}

#[test]
fn verbose_shows_each_attempt_and_masks_the_token() {
    let sb = sandbox();
    sb.zuora
        .then(rate_limited("0").header("Zuora-Request-Id", "0a1b2c3d-0000-4000-8000-000000000429"));
    let out = run(sb
        .authed()
        .args(["get", "--no-cache", "-v", "--track-id", "job-7"]));
    out.ok().never_shows(CLIENT_SECRET);
    let token = out.stdout.trim_end();
    let url = format!("{}/oauth/token", sb.zuora.url());
    let err = &out.stderr;
    assert!(
        err.contains(&format!(
            "attempt 1: POST {url} -> 429 Too Many Requests in "
        )),
        "{err}"
    );
    assert!(
        err.contains("(Zuora-Request-Id 0a1b2c3d-0000-4000-8000-000000000429)"),
        "{err}"
    );
    assert!(
        err.contains(&format!("attempt 2: POST {url} -> 200 OK in ")),
        "{err}"
    );
    assert!(
        err.contains("X-RateLimit-Remaining-minute 98, Zuora-Track-Id job-7)"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "token {}... (32 characters), expires in 359",
            &token[..4]
        )),
        "{err}"
    );
    assert!(!err.contains(token), "the token is masked: {err}");
}

/// Ten callers that all found the cache empty before Zuora's 429 came
/// share the one caller's retry.
#[test]
fn parallel_callers_share_one_retried_request() {
    let sb = sandbox();
    sb.zuora.then(rate_limited("0"));
    let runs = held_burst(&sb, 10, &["get", "-v"], &[], Some(MISSED), 1);
    let tokens: std::collections::BTreeSet<_> = runs
        .iter()
        .map(|run| {
            run.ok();
            &run.stdout
        })
        .collect();
    assert_eq!(tokens.len(), 1);
    assert_eq!(sb.zuora.count(), 2, "one 429 and one retry, for all ten");
}

#[test]
fn invalid_retry_and_timeout_values_are_usage_errors() {
    let sb = sandbox();
    for (args, message) in [
        (
            &["--retries", "many"][..],
            "invalid retry count \"many\" from --retries",
        ),
        (&["--retries", "101"], "from 0 to 100"),
        (&["--timeout", "0"], "invalid timeout \"0\" from --timeout"),
        (&["--timeout", "soon"], "greater than 0"),
    ] {
        let out = run(sb.authed().arg("get").args(args));
        out.code(2);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn enormous_waits_and_timeouts_are_clear_errors_not_crashes() {
    let sb = sandbox();
    let forever = u64::MAX.to_string();
    sb.zuora.then(rate_limited(&forever));
    sb.zuora
        .then(Reply::status(429, "{}").header("RateLimit-Reset", &forever));
    for _ in 0..2 {
        get(&sb, &["--timeout", "5"])
            .code(4)
            .stderr_has("not retried: waiting 18446744073709551616.0 s");
    }
    // A timeout past what the clock can add is as good as none.
    let out = get(&sb, &["--timeout", "1e19"]);
    out.ok();
    assert_eq!(sb.zuora.count(), 3);
}

#[test]
fn a_chain_through_an_intermediate_ends_at_the_root_in_the_store() {
    // The server sends its certificate and the intermediate CA's that
    // issued it; the store holds the root only, after another CA of the
    // same name (a renewed root), and is read whole either way.
    let ca = TestCa::with_intermediate();
    let sb = Sandbox::with_zuora(crate::bin(), FakeZuora::start_tls(&ca));
    let other = TestCa::generate();
    let bundle = sb.file("bundle.pem", &format!("{}{}", other.ca_pem, ca.ca_pem));
    let get =
        |cmd: &mut assert_cmd::Command| run(cmd.args(["get", "--no-cache", "--retries", "0"]));
    get(sb.authed().env("SSL_CERT_FILE", &bundle)).ok();
    get(sb.authed().arg("--ca-bundle").arg(&bundle)).ok();
    assert_eq!(sb.zuora.count(), 2);
    // The other root alone has the name but not the key: not trusted.
    let without = sb.file("without.pem", &other.ca_pem);
    get(sb.authed().arg("--ca-bundle").arg(&without))
        .code(5)
        .stderr_has("TLS failed with");
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn the_system_store_is_read_as_openssl_reads_it() {
    let ca = TestCa::generate();
    let sb = Sandbox::with_zuora(crate::bin(), FakeZuora::start_tls(&ca));
    let get = |variable: &str, path: &std::path::Path| {
        run(sb
            .authed()
            .env(variable, path)
            .args(["get", "--no-cache", "--retries", "0"]))
    };
    // SSL_CERT_FILE: one bundle, the test CA among others.
    let other = TestCa::generate();
    let bundle = sb.file("bundle.pem", &format!("{}{}", other.ca_pem, ca.ca_pem));
    get("SSL_CERT_FILE", &bundle).ok();
    // SSL_CERT_DIR, hashed: the subject-hash names, as OpenSSL opens them.
    sb.file("certs/README", "not a certificate\n");
    let ca_file = sb.file("certs/test-ca.pem", &ca.ca_pem);
    std::os::unix::fs::symlink(&ca_file, sb.home().join("certs/0a1b2c3d.0")).unwrap();
    get("SSL_CERT_DIR", &sb.home().join("certs")).ok();
    // SSL_CERT_DIR never hashed: every file; what is not PEM is passed over.
    sb.file("plain/README", "not a certificate\n");
    sb.file("plain/test-ca.pem", &ca.ca_pem);
    get("SSL_CERT_DIR", &sb.home().join("plain")).ok();
    assert_eq!(sb.zuora.count(), 3);
    // In a hashed directory a certificate with no hash name is not seen,
    // by OpenSSL or here: nothing is sent.
    sb.file("hashed/test-ca.pem", &ca.ca_pem);
    sb.file("hashed/1a2b3c4d.0", &other.ca_pem);
    get("SSL_CERT_DIR", &sb.home().join("hashed"))
        .code(5)
        .stderr_has("TLS failed with");
    // A store without the CA: the certificate is not trusted, nothing is sent.
    let without = sb.file("without.pem", &other.ca_pem);
    get("SSL_CERT_FILE", &without)
        .code(5)
        .stderr_has("TLS failed with");
    assert_eq!(sb.zuora.count(), 3);
    // A named bundle that cannot be read is a usage error that names it.
    let missing = sb.home().join("missing.pem");
    get("SSL_CERT_FILE", &missing).code(2).stderr_has(&format!(
        "cannot read {} (from environment variable SSL_CERT_FILE)",
        missing.display()
    ));
}

#[test]
fn ssl_cert_dir_is_a_list_of_directories_as_openssl_reads_it() {
    let ca = TestCa::generate();
    let sb = Sandbox::with_zuora(crate::bin(), FakeZuora::start_tls(&ca));
    sb.file("certs/test-ca.pem", &ca.ca_pem);
    let other = TestCa::generate();
    sb.file("others/other-ca.pem", &other.ca_pem);
    let get = |dirs: &[&std::path::Path]| {
        let list = std::env::join_paths(dirs).unwrap();
        run(sb
            .authed()
            .env("SSL_CERT_DIR", list)
            .args(["get", "--no-cache", "--retries", "0"]))
    };
    // A directory that is not there, then the one with the CA.
    let missing = std::path::Path::new("/nonexistent");
    get(&[missing, &sb.home().join("certs")]).ok();
    // Every directory is read, not only the first.
    get(&[&sb.home().join("others"), &sb.home().join("certs")]).ok();
    assert_eq!(sb.zuora.count(), 2);
    // None of them holds the CA: nothing is sent.
    get(&[missing, &sb.home().join("others")])
        .code(5)
        .stderr_has("TLS failed with");
    assert_eq!(sb.zuora.count(), 2);
}
