//! `zuora-token api` attacked: hostile paths, pages, bodies, headers and
//! settings, each class tried once against the real binary. Zuora, or
//! whatever answers at the base URL, is the attacker here as much as the
//! command line is; a second fake stands for anyone else, and sees nothing.

use std::process::Command;

use zuora_token_testkit::{FakeZuora, Recorded, Reply, Sandbox, run};

use crate::sandbox;

const PRODUCTS: &str = "/v1/catalog/products";

/// A token cached beforehand, so that queued replies answer API calls.
fn prime(sb: &Sandbox) -> String {
    run(sb.authed().arg("get")).ok().stdout.trim().to_owned()
}

/// The API calls made (token requests left out).
fn api_calls(sb: &Sandbox) -> Vec<Recorded> {
    sb.zuora
        .requests()
        .into_iter()
        .filter(|r| r.path != "/oauth/token")
        .collect()
}

/// A 200 page whose `nextPage` is `next`.
fn page_to(next: &str) -> Reply {
    Reply::status(200, serde_json::json!({ "nextPage": next }).to_string())
}

/// Asserts that `other` saw no request at all.
fn untouched(other: &FakeZuora) {
    assert_eq!(other.count(), 0, "{:#?}", other.requests());
}

/// `nextPage` from a hostile server: every spelling of another origin is
/// refused unfollowed (exit 6), and anything that is not a link is a
/// cursor, sent back percent-encoded to the base URL.
#[test]
fn a_hostile_next_page_reaches_no_one_else() {
    let sb = sandbox();
    let other = FakeZuora::start();
    let own = sb.zuora.url();
    let own_port = own.rsplit(':').next().unwrap().to_owned();
    let port = other.url().rsplit(':').next().unwrap().to_owned();
    prime(&sb);
    for next in [
        other.url(),
        format!("//127.0.0.1:{port}/v1/x"),
        format!("/\\127.0.0.1:{port}/v1/x"),
        format!("HTTP://127.0.0.1:{port}/v1/x"),
        format!("http://localhost:{port}/v1/x"),
        format!("http://[::1]:{port}/v1/x"),
        format!("http://localhost:{own_port}/v1/x"),
        format!("https://127.0.0.1:{own_port}/v1/x"),
        format!("{own}@127.0.0.1:{port}/v1/x"),
        format!("{own}\\@127.0.0.1:{port}/v1/x"),
        format!("http://127.0.0.1%3A{port}/v1/x"),
        format!(" {}/v1/x", other.url()),
        format!("{own}/v1/x\t"),
        format!("{own}/v1/x\r\nHost: 127.0.0.1:{port}"),
        format!("{own}/v1/x#{}", other.url()),
        format!("{own}/v1/é"),
    ] {
        sb.zuora.then(page_to(&next));
        run(sb.authed().args(["api", "--paginate", "/v1/first"]))
            .code(6)
            .stderr_has("zuora-token: error: Zuora's nextPage link is not followed");
    }
    for (cursor, sent) in [
        ("?x", "%3Fx"),
        ("\\\\127.0.0.1/x", "%5C%5C127.0.0.1%2Fx"),
        ("a&b=c#d\r\nHost: x", "a%26b%3Dc%23d%0D%0AHost%3A%20x"),
        ("http:127.0.0.1", "http%3A127.0.0.1"),
    ] {
        sb.zuora
            .then(page_to(cursor))
            .then(Reply::status(200, "{}"));
        run(sb
            .authed()
            .args(["api", "--paginate", "/v1/first?cursor=0"]))
        .ok();
        let last = api_calls(&sb).pop().unwrap();
        assert_eq!(last.path, format!("/v1/first?cursor={sent}"), "{cursor:?}");
    }
    // A URL in a link's query is data: the link stays on the base URL.
    let link = format!("/v1/second?from={}/v1/x", other.url());
    sb.zuora.then(page_to(&link)).then(Reply::status(200, "{}"));
    run(sb.authed().args(["api", "--paginate", "/v1/first"])).ok();
    assert_eq!(api_calls(&sb).pop().unwrap().path, link);
    untouched(&other);
}

/// A ZOQL `queryLocator` is only ever a JSON string in a body to the base
/// URL, whatever it holds.
#[test]
fn a_hostile_query_locator_stays_a_string_in_the_body() {
    let sb = sandbox();
    prime(&sb);
    let locator = "\"}, \"x\": 1\r\n{\\";
    let batch = serde_json::json!({ "done": false, "queryLocator": locator, "records": [] });
    sb.zuora
        .then(Reply::status(200, batch.to_string()))
        .then(Reply::status(200, r#"{"done":true,"records":[]}"#));
    run(sb
        .authed()
        .args(["api", "--paginate", "-X", "POST", "/v1/action/query"]))
    .ok();
    let more = api_calls(&sb).pop().unwrap();
    assert_eq!(more.path, "/v1/action/queryMore");
    let body: serde_json::Value = serde_json::from_str(&more.body).unwrap();
    assert_eq!(body, serde_json::json!({ "queryLocator": locator }));
}

/// The one-line summary quotes the server: no terminal escape, C1 control,
/// bidirectional override or line break of its own gets through, nor a
/// request id that is not plain text.
#[test]
fn the_summary_is_cleaned_of_control_characters() {
    let sb = sandbox();
    prime(&sb);
    let body = serde_json::json!({
        "reasons": [{ "message": "a\u{1b}]0;owned\u{7}b\u{1b}[2Jc\u{9b}31md\r\nzuora-token: ok\u{7f}\u{202e}lmth.exe" }]
    });
    sb.zuora
        .then(Reply::status(404, body.to_string()).header("Zuora-Request-Id", "id\u{e9}"));
    let out = run(sb.authed().args(["api", PRODUCTS]));
    out.code(7);
    let line = out
        .stderr
        .lines()
        .find(|l| l.contains("HTTP 404"))
        .unwrap_or_else(|| panic!("{}", out.stderr));
    assert!(!line.chars().any(char::is_control), "{line:?}");
    assert!(
        !line.contains('\u{202e}'),
        "no bidirectional override: {line:?}"
    );
    assert!(!out.stderr.contains("Zuora-Request-Id"), "{line:?}");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

/// `Retry-After` from a hostile server: a wait past the deadline is not
/// made (the 429 is the answer at once), garbage and negatives fall back
/// to backoff (a first wait of at most a second, as -v says).
#[test]
fn a_hostile_retry_after_neither_overflows_nor_hangs() {
    let sb = sandbox();
    prime(&sb);
    for (value, retried) in [
        ("18446744073709551615", false),
        ("99999999999999999999999", true),
        ("-1", true),
        ("soon", true),
        ("1e9", true),
    ] {
        sb.zuora
            .then(Reply::status(429, "{}").header("Retry-After", value))
            .then(Reply::status(200, "{}"));
        let out = run(sb.authed().args(["-v", "--timeout", "5", "api", PRODUCTS]));
        let waits: Vec<f64> = out
            .stderr
            .lines()
            .filter_map(|l| {
                l.split_once("retrying in ")?
                    .1
                    .split_once(" s")?
                    .0
                    .parse()
                    .ok()
            })
            .collect();
        if retried {
            out.ok();
            assert!(waits.len() == 1 && waits[0] <= 1.0, "{value}: {out:#?}");
        } else {
            assert_eq!(waits, Vec::<f64>::new(), "{value}: {out:#?}");
            out.stderr_has("would pass the timeout of 5 s");
            // A wait that would pass the deadline is not made; the 200
            // answers the next call.
            out.code(7).stderr_has("HTTP 429");
            run(sb.authed().args(["api", PRODUCTS])).ok();
        }
    }
}

/// Settings at their limits: a timeout too long for the clock is as good
/// as none, the largest retry count is taken, and anything past them is a
/// usage error.
#[test]
fn extreme_settings_neither_panic_nor_hang() {
    let sb = sandbox();
    for timeout in ["1e19", "18446744073709551615", "1e300"] {
        let out = run(sb.authed().args(["--timeout", timeout, "api", PRODUCTS]));
        assert!([0, 2].contains(&out.code), "{timeout}: {out:?}");
        assert!(!out.stderr.contains("panicked"), "{timeout}: {out:?}");
    }
    run(sb.authed().args(["--timeout", "1e19", "api", PRODUCTS])).ok();
    run(sb.authed().args(["--retries", "100", "api", PRODUCTS])).ok();
    for (flag, value) in [
        ("--timeout", "0"),
        ("--timeout", "-1"),
        ("--timeout", "NaN"),
        ("--retries", "4294967295"),
    ] {
        run(sb.authed().args([flag, value, "api", PRODUCTS])).code(2);
    }
}

/// Headers that would split the request, smuggle a second one or pass as
/// the token's: refused before anything is sent.
#[test]
fn a_hostile_header_is_refused_before_anything_is_sent() {
    let sb = sandbox();
    for header in [
        "X-A: a\nb",
        "X-A: a\rb",
        "X-A: a\u{7f}",
        "X\u{e9}: 1",
        "X A: 1",
        "Authorization : Bearer x",
        "\tAuthorization: x",
        "TE: trailers",
        "Transfer-Encoding: chunked",
        ": 1",
    ] {
        run(sb.authed().args(["api", PRODUCTS, "-H", header]))
            .code(2)
            .stderr_has("zuora-token: error: -H");
    }
    assert_eq!(sb.zuora.count(), 0, "nothing was sent");
    run(sb
        .authed()
        .args(["api", PRODUCTS, "-H", "X-Name: caf\u{e9}"]))
    .ok();
}

/// Over HTTPS a proxy from the environment is used, as a tunnel: it sees
/// `CONNECT`, never the request, so never the token.
#[test]
fn a_proxy_of_an_https_call_sees_a_tunnel_not_the_token() {
    let ca = zuora_token_testkit::TestCa::generate();
    let sb = Sandbox::with_zuora(crate::bin(), FakeZuora::start_tls(&ca));
    let proxy = FakeZuora::start();
    let bundle = sb.file("ca.pem", &ca.ca_pem);
    run(sb.authed().arg("--ca-bundle").arg(&bundle).arg("get")).ok();
    let out = run(sb
        .authed()
        .arg("--ca-bundle")
        .arg(&bundle)
        .env("HTTPS_PROXY", proxy.url())
        .args(["--retries", "0", "api", PRODUCTS]));
    assert_ne!(out.code, 0, "the proxy does not tunnel: {out:?}");
    for request in proxy.requests() {
        assert_eq!(request.method, "CONNECT", "{request:#?}");
        assert_eq!(request.header("authorization"), None);
    }
    assert!(proxy.count() > 0, "the proxy was asked");
}

/// Whatever the server says, the token is never on stderr: not in the
/// summary of a failed call (a gateway echoing the request, say), not in
/// `-v`'s lines.
#[test]
fn the_token_is_never_on_stderr_even_when_the_server_echoes_it() {
    let sb = sandbox();
    let token = prime(&sb);
    for body in [
        format!(
            r#"{{"reasons":[{{"code":1,"message":"bad header Authorization: Bearer {token}"}}]}}"#
        ),
        format!(r#"{{"message":"token {token} is not valid"}}"#),
        format!("Authorization: Bearer {token}"),
    ] {
        sb.zuora
            .then(Reply::status(400, body).header("Zuora-Request-Id", &token));
        let out = run(sb.authed().args(["-v", "api", PRODUCTS]));
        out.code(7).stderr_has("HTTP 400 Bad Request");
        assert!(!out.stderr.contains(&token), "{}", out.stderr);
    }
    sb.zuora.revoke_tokens();
    let out = run(sb.authed().args(["-v", "api", "--paginate", PRODUCTS]));
    out.ok().stderr_has("replacing the token");
    let new = run(sb.authed().arg("get")).ok().stdout.trim().to_owned();
    for token in [token, new] {
        assert!(!out.stderr.contains(&token), "{}", out.stderr);
    }
}

/// Answers that are too large, never come, or bend HTTP: each a clear
/// failure with its own code, none a hang or a crash.
#[test]
fn hostile_answers_fail_clearly_and_in_time() {
    let sb = sandbox();
    prime(&sb);
    sb.zuora.then(Reply::Large((64 << 20) + 1));
    run(sb.authed().args(["api", PRODUCTS]))
        .code(6)
        .stderr_has("larger than");

    // The deadline ends the wait, as the error says.
    sb.zuora.then(Reply::Hang);
    run(sb
        .authed()
        .args(["--timeout", "2", "--retries", "0", "api", PRODUCTS]))
    .code(5)
    .stderr_has("timed out after 2 s");

    let raw = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Bin: \xff\xfe\r\n\r\n{}".to_vec();
    sb.zuora.then(Reply::Raw(raw));
    run(sb.authed().args(["api", "-i", PRODUCTS]))
        .ok()
        .stdout_has("x-bin: \u{fffd}\u{fffd}");

    for raw in [
        &b"garbage\r\n\r\n"[..],
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nx",
        b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}",
    ] {
        sb.zuora.then(Reply::Raw(raw.to_vec()));
        run(sb.authed().args(["--retries", "0", "api", PRODUCTS])).code(6);
    }
    let odd = b"HTTP/1.1 999 Odd\r\nContent-Length: 2\r\n\r\n{}".to_vec();
    sb.zuora.then(Reply::Raw(odd));
    run(sb.authed().args(["api", PRODUCTS]))
        .code(7)
        .stderr_has("zuora-token: error: HTTP 999\n");

    sb.zuora.then(Reply::status(200, "<html>"));
    run(sb.authed().args(["api", "--paginate", PRODUCTS]))
        .code(6)
        .stdout_has("<html>")
        .stderr_has("not JSON");
}

/// Pages that lead back to one already fetched would be fetched forever:
/// the first repeat stops the run (exit 6), however long the cycle.
#[test]
fn a_page_seen_before_stops_the_pagination() {
    let sb = sandbox();
    prime(&sb);
    sb.zuora
        .then(page_to("/v1/b"))
        .then(page_to("/v1/c"))
        .then(page_to("/v1/a"));
    sb.zuora.otherwise(page_to("/v1/b"));
    let out = run(sb.authed().args(["api", "--paginate", "/v1/a"]));
    out.code(6).stderr_has("already fetched");
    let paths: Vec<String> = api_calls(&sb).into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v1/a", "/v1/b", "/v1/c"]);
    assert_eq!(out.stdout.lines().count(), 3, "each page once");
}

/// What a body or a field may be read from: bounded, never a device, a
/// directory or standard input twice.
#[test]
fn inputs_are_read_bounded_and_once() {
    let sb = sandbox();
    let dir = sb.home().display().to_string();
    for args in [
        vec!["--input", "/dev/zero"],
        vec!["--input", "/dev/urandom"],
        vec!["--input", &dir],
        vec!["-X", "POST", "-F", "x=@/dev/zero"],
        vec!["-X", "POST", "-F", "x=@/dev/urandom"],
        vec!["-X", "POST", "-F", &format!("x=@{dir}")],
        vec!["--input", "-", "-F", "x=@-"],
        vec!["-X", "POST", "-F", "x=@-", "-F", "y=@-"],
    ] {
        run(sb.authed().arg("api").arg(PRODUCTS).args(&args))
            .code(2)
            .stderr_has("zuora-token: error: ");
    }
    // A FIFO no one writes to: given up on at the timeout.
    let fifo = sb.home().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    run(sb
        .authed()
        .args(["--timeout", "1", "api", PRODUCTS, "--input"])
        .arg(&fifo))
    .code(2);
    let big = sb.file("big.json", &" ".repeat((16 << 20) + 1));
    run(sb.authed().args(["api", PRODUCTS, "--input"]).arg(&big))
        .code(2)
        .stderr_has("larger than");
    assert_eq!(sb.zuora.count(), 0, "nothing was sent");
}

/// `-X` names a method of Zuora's API: not `CONNECT` (a tunnel, which
/// would drop the path and send the token) nor `TRACE` (an echo of the
/// request, token included, onto stdout), nor anything but a word.
#[test]
fn a_method_that_is_no_api_call_is_refused() {
    let sb = sandbox();
    for method in [
        "CONNECT",
        "trace",
        "GET /x",
        "G\u{e9}T",
        "",
        &"A".repeat(17),
    ] {
        run(sb.authed().args(["api", "-X", method, PRODUCTS]))
            .code(2)
            .stderr_has("zuora-token: error: -X");
    }
    assert_eq!(sb.zuora.count(), 0, "nothing was sent");
}

/// A call whose token cannot be had fails with the token's own exit code
/// (3 refused, 4 rate limited, 5 unreachable), never 7 nor a half answer.
#[test]
fn a_call_without_a_token_keeps_the_tokens_exit_code() {
    let sb = sandbox();
    let wrong = run(sb
        .authed()
        .env("ZUORA_CLIENT_SECRET", "wrong")
        .args(["api", PRODUCTS]));
    sb.zuora
        .then(Reply::status(429, "{}").header("Retry-After", "600"));
    let limited = run(sb.authed().args(["api", PRODUCTS]));
    let unreachable = run(sb
        .authed()
        .env("ZUORA_BASE_URL", "http://127.0.0.1:9")
        .args(["--retries", "0", "api", PRODUCTS]));
    for (out, code) in [(wrong, 3), (limited, 4), (unreachable, 5)] {
        out.code(code).stderr_has("zuora-token: error: ");
        assert_eq!(out.stdout, "", "{out:?}");
    }
    assert_eq!(sb.zuora.count_path(PRODUCTS), 0);
}

/// A page is printed as Zuora wrote its values: one line of JSON, but no
/// number rounded through a float on the way.
#[test]
fn paged_json_keeps_every_number_as_written() {
    let sb = sandbox();
    prime(&sb);
    let page = r#"{ "price": 12345678.123456789, "amount": 10.10, "big": 123456789012345678901234567890, "neg": -0, "e": 1e+2, "s": "x" }"#;
    sb.zuora.then(Reply::status(200, page));
    let out = run(sb.authed().args(["api", "--paginate", PRODUCTS]));
    out.ok();
    assert_eq!(
        out.stdout,
        "{\"price\":12345678.123456789,\"amount\":10.10,\"big\":123456789012345678901234567890,\"neg\":-0,\"e\":1e+2,\"s\":\"x\"}\n"
    );
}
