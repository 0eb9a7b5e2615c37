//! The request: exactly what Zuora documents, and nothing sent when a value
//! is invalid. Runs pass --no-cache, so that each makes a request.

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, percent_encode, run};

use crate::sandbox;

#[test]
fn sends_exactly_the_documented_request() {
    let sb = sandbox();
    run(sb.authed().args(["get", "--no-cache"])).ok();
    let req = sb.zuora.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth/token");
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(req.header("accept"), Some("application/json"));
    let agent = format!("zuora-token/{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(req.header("user-agent"), Some(agent.as_str()));
    for absent in [
        "authorization",
        "apiaccesskeyid",
        "apisecretaccesskey",
        "zuora-track-id",
        "zuora-entity-ids",
    ] {
        assert_eq!(req.header(absent), None, "{absent} was sent");
    }
    let form = req.form.clone().expect("a form body");
    let names: Vec<&str> = form.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["client_id", "client_secret", "grant_type"]);
    assert_eq!(req.field("client_id"), Some(CLIENT_ID));
    assert_eq!(req.field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(req.field("grant_type"), Some("client_credentials"));
    // `+`, `/`, `=`, `&` and `%` of the secret are percent-encoded on the wire.
    let encoded = format!("client_secret={}&", percent_encode(CLIENT_SECRET));
    assert!(encoded.contains("%2B") && encoded.contains("%26"));
    assert!(req.body.contains(&encoded), "{}", req.body);
}

#[test]
fn sends_track_and_entity_headers_when_set() {
    let sb = sandbox();
    let entity = "11e643f4-a3ee-8bad-b061-0025904c756d";
    let out = run(sb.authed().args([
        "get",
        "-o",
        "json",
        "--track-id",
        "deploy-42 run.7",
        "--entity-id",
        entity,
    ]));
    out.ok();
    let req = sb.zuora.only_request();
    assert_eq!(req.header("zuora-track-id"), Some("deploy-42 run.7"));
    assert_eq!(req.header("zuora-entity-ids"), Some(entity));
    out.stdout_has(&format!("entity.{entity}"));

    let sb = sandbox();
    run(sb
        .authed()
        .env("ZUORA_TRACK_ID", "from-env")
        .env("ZUORA_ENTITY_ID", entity)
        .args(["get", "--no-cache"]))
    .ok();
    let req = sb.zuora.only_request();
    assert_eq!(req.header("zuora-track-id"), Some("from-env"));
    assert_eq!(req.header("zuora-entity-ids"), Some(entity));
}

#[test]
fn a_trailing_slash_or_path_on_the_base_url_still_posts_to_the_root() {
    for suffix in ["", "/", "/v1/", "/v1/accounts"] {
        let sb = sandbox();
        let url = format!("{}{suffix}", sb.zuora.url());
        run(sb.authed().args(["get", "--no-cache", "--base-url", &url])).ok();
        assert_eq!(
            sb.zuora.only_request().path,
            "/oauth/token",
            "base URL {url}"
        );
    }
}

/// Plain HTTP to `localhost` by name: resolved by zuora-token, held to
/// loopback, and sent to the address it checked (the fake listens on
/// 127.0.0.1), for the token and for an API call alike.
#[test]
fn plain_http_localhost_reaches_the_fake_through_the_address_it_resolved_to() {
    let sb = sandbox();
    let port = sb.zuora.url().rsplit(':').next().unwrap().to_owned();
    let url = format!("http://localhost:{port}");
    let out = run(sb
        .authed()
        .args(["api", "--base-url", &url, "/v1/catalog/products"]));
    assert!(out.ok().stdout.contains("products"), "{out:?}");
    let requests = sb.zuora.requests();
    let paths: Vec<_> = requests.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/oauth/token", "/v1/catalog/products"]);
    for request in &requests {
        assert_eq!(request.header("host"), Some(&*format!("127.0.0.1:{port}")));
    }
}

#[test]
fn settings_may_stand_before_or_after_the_subcommand() {
    let sb = sandbox();
    run(sb
        .authed()
        .args(["--track-id", "before", "get", "--no-cache"]))
    .ok();
    run(sb
        .authed()
        .args(["get", "--no-cache", "--track-id", "after"]))
    .ok();
    let tracks: Vec<_> = sb
        .zuora
        .requests()
        .iter()
        .map(|r| r.header("zuora-track-id").unwrap().to_owned())
        .collect();
    assert_eq!(tracks, ["before", "after"]);
}

#[test]
fn invalid_values_are_refused_before_anything_is_sent() {
    let sb = sandbox();
    let cases: [(&[&str], &str); 8] = [
        (
            &["--track-id", "a:b"],
            "invalid track id \"a:b\" from --track-id",
        ),
        (&["--track-id", &"t".repeat(65)], "65 characters"),
        (&["--track-id", "caf\u{e9}"], "invalid track id"),
        (
            &["--entity-id", "not-a-uuid"],
            "invalid entity id \"not-a-uuid\" from --entity-id: it must be a hyphenated UUID",
        ),
        (
            &["--entity-id", "11e643f4a3ee8badb0610025904c756d"],
            "hyphenated UUID",
        ),
        (
            &["--base-url", "ftp://example.com"],
            "invalid base URL \"ftp://example.com\" from --base-url",
        ),
        (&["--base-url", "rest.zuora.com"], "absolute URL"),
        (
            &["--base-url", "https://user:pw@rest.zuora.com"],
            "user name or password",
        ),
    ];
    for (args, message) in cases {
        let out = run(sb.authed().args(["get", "--no-cache"]).args(args));
        out.code(2);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("zuora-token: error: "),
            "{}",
            out.stderr
        );
        assert_eq!(out.stdout, "");
    }
    let out = run(sb
        .authed()
        .env("ZUORA_TRACK_ID", "x;y")
        .args(["get", "--no-cache"]));
    out.code(2);
    out.stderr_has("from environment variable ZUORA_TRACK_ID");
    assert_eq!(sb.zuora.count(), 0, "a request was sent");
}

#[test]
fn odd_lengths_are_sent_anyway_and_mentioned_on_rejection() {
    let sb = sandbox();
    let long_secret = "s".repeat(43);
    let out = run(sb
        .authed()
        .args(["get", "--no-cache", "--client-id", "short-id"])
        .env("ZUORA_CLIENT_SECRET", &long_secret));
    out.code(3).never_shows(&long_secret);
    out.stderr_has("the client id is 8 characters, Zuora's are 36");
    out.stderr_has("longer than Zuora's 42 characters");
    assert_eq!(sb.zuora.only_request().field("client_id"), Some("short-id"));
}
