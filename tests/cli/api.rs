//! `zuora-token api`: the real binary against the fake, asserting what
//! each request carried, how many were made, and what was printed. A
//! second fake stands for "anyone else": whatever a test tries, it never
//! sees a request.

use zuora_token_testkit::{ACCOUNT_NUMBER, FakeZuora, Recorded, Reply, Sandbox, TestCa, have, run};

use crate::{held_burst, sandbox};

const PRODUCTS: &str = "/v1/catalog/products";
const LIST: &str = "/v1/subscriptions/accounts/A00000001";
const ENTITY: &str = "11e643f4-a3ee-8bad-b061-0025904c756d";

/// The requests made to `path` (query included or not).
fn calls(sb: &Sandbox, path: &str) -> Vec<Recorded> {
    sb.zuora
        .requests()
        .into_iter()
        .filter(|r| r.path.split('?').next() == Some(path))
        .collect()
}

/// How many tokens were asked for.
fn token_requests(sb: &Sandbox) -> usize {
    sb.zuora.count_path("/oauth/token")
}

/// A token cached beforehand, so that a test counts the API's requests.
fn prime(sb: &Sandbox) -> String {
    run(sb.authed().arg("get")).ok().stdout.trim().to_owned()
}

#[test]
fn a_get_carries_every_configured_header_and_prints_the_body_as_received() {
    let sb = sandbox();
    let out = run(sb.authed().args([
        "--entity-id",
        ENTITY,
        "--org-ids",
        "org-1,org-2",
        "--track-id",
        "t-1",
        "--zuora-version",
        "211.0",
        "api",
        PRODUCTS,
    ]));
    out.ok();
    assert!(out.stdout.starts_with(r#"{"products":[{"id":"#), "{out:?}");
    assert!(!out.stdout.ends_with('\n'), "the body as received");
    let token = run(sb.authed().args(["--entity-id", ENTITY, "get"]))
        .ok()
        .stdout
        .trim()
        .to_owned();
    let [call] = &calls(&sb, PRODUCTS)[..] else {
        panic!("one call: {:#?}", sb.zuora.requests())
    };
    assert_eq!(call.method, "GET");
    let bearer = format!("Bearer {token}");
    for (name, value) in [
        ("authorization", bearer.as_str()),
        ("zuora-entity-ids", ENTITY),
        ("zuora-org-ids", "org-1,org-2"),
        ("zuora-track-id", "t-1"),
        ("zuora-version", "211.0"),
        ("accept", "application/json"),
    ] {
        assert_eq!(call.header(name), Some(value), "{name}");
    }
    assert!(
        call.header("user-agent")
            .unwrap()
            .starts_with("zuora-token/")
    );
    assert_eq!(call.header("content-type"), None, "no body, no type");
    assert_eq!(call.header("content-length"), None, "nor a length");
    out.never_shows(&token);
}

#[test]
fn on_a_terminal_json_is_pretty_printed() {
    if !have("script") {
        return;
    }
    let sb = sandbox();
    // util-linux's script runs the command on a pseudo-terminal.
    let out = sb.shell(
        "bash",
        &format!(r#"script -qec '"$ZT" api {PRODUCTS}' /dev/null"#),
    );
    out.ok();
    let lines: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    assert_eq!(lines[..2], ["{", r#"  "products": ["#], "{}", out.stdout);
    assert_eq!(lines.last(), Some(&"}"));
}

#[test]
fn fields_are_the_query_of_a_get_and_a_json_body_otherwise() {
    let sb = sandbox();
    let notes = sb.file("notes.txt", "line 1\n\"quoted\" & more\n");
    run(sb.authed().args([
        "api",
        LIST,
        "-f",
        "pageSize=2",
        "-F",
        "page=1",
        "-f",
        "q=a b&c",
    ]))
    .ok();
    assert_eq!(
        calls(&sb, LIST)[0].path,
        format!("{LIST}?pageSize=2&q=a%20b%26c&page=1")
    );

    run(sb.authed().args([
        "api",
        "-X",
        "post",
        "/v1/accounts",
        "-f",
        "name=Acme",
        "-f",
        "currency=USD",
        "-F",
        "autoPay=false",
        "-F",
        "billCycleDay=1",
        "-F",
        "creditLimit=12.5",
        "-F",
        "parentId=null",
        "-F",
        &format!("notes=@{}", notes.display()),
        "-f",
        "raw=true",
    ]))
    .ok()
    .stdout_has(r#""accountNumber":"A00000002""#);
    let [post] = &calls(&sb, "/v1/accounts")[..] else {
        panic!("one POST")
    };
    assert_eq!(post.method, "POST");
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert_eq!(
        post.body,
        r#"{"name":"Acme","currency":"USD","raw":"true","autoPay":false,"billCycleDay":1,"creditLimit":12.5,"parentId":null,"notes":"line 1\n\"quoted\" & more\n"}"#
    );
}

#[test]
fn a_post_without_fields_has_an_empty_body_of_its_length() {
    let sb = sandbox();
    run(sb.authed().args(["api", "-X", "POST", "/v1/accounts"])).ok();
    let [post] = &calls(&sb, "/v1/accounts")[..] else {
        panic!("one POST")
    };
    assert_eq!(post.header("content-length"), Some("0"));
    assert_eq!(post.header("transfer-encoding"), None, "not chunked");
    assert_eq!(post.header("content-type"), None, "no body, no type");
}

#[test]
fn input_from_standard_input_is_the_body_of_a_post() {
    let sb = sandbox();
    let body = r#"{"name":"From stdin","currency":"EUR"}"#;
    run(sb
        .authed()
        .args(["api", "/v1/accounts", "--input", "-", "-f", "dry=1"])
        .write_stdin(body))
    .ok();
    let [post] = &calls(&sb, "/v1/accounts")[..] else {
        panic!("one POST")
    };
    assert_eq!(post.method, "POST", "--input makes it a POST");
    assert_eq!(
        post.path, "/v1/accounts?dry=1",
        "with --input, fields are the query"
    );
    assert_eq!(post.body, body);
}

#[test]
fn a_401_after_revocation_gets_a_new_token_and_the_same_request_body_included() {
    let sb = sandbox();
    let old = prime(&sb);
    sb.zuora.revoke_tokens();
    let body = r#"{"name":"Sent twice"}"#;
    let out = run(sb
        .authed()
        .args(["-v", "api", "/v1/accounts", "--input", "-"])
        .write_stdin(body));
    out.ok().stderr_has("401").never_shows(&old);
    let posts = calls(&sb, "/v1/accounts");
    assert_eq!(posts.len(), 2, "{posts:#?}");
    assert!(posts.iter().all(|p| p.body == body), "the body both times");
    assert_eq!(
        posts[0].header("authorization"),
        Some(&*format!("Bearer {old}"))
    );
    let new = prime(&sb);
    assert_ne!(new, old);
    assert_eq!(
        posts[1].header("authorization"),
        Some(&*format!("Bearer {new}"))
    );
    assert_eq!(token_requests(&sb), 2, "one to start, one to replace");
}

#[test]
fn twenty_parallel_calls_after_a_revocation_make_one_token_request() {
    let sb = sandbox();
    let old = prime(&sb);
    sb.zuora.revoke_tokens();
    // Held until every call has been made with the revoked token, so that
    // no process has a new one before all have met the 401.
    for out in held_burst(&sb, 20, &["api", PRODUCTS], &[], None, 20) {
        out.ok().stdout_has("Gold Plan");
    }
    assert_eq!(
        token_requests(&sb),
        2,
        "the first token, and one replacement"
    );
    let bearer = format!("Bearer {old}");
    let calls = calls(&sb, PRODUCTS);
    let with_old = calls
        .iter()
        .filter(|r| r.header("authorization") == Some(bearer.as_str()))
        .count();
    assert_eq!(
        (with_old, calls.len()),
        (20, 40),
        "each met one 401, then once more"
    );
}

#[test]
fn a_call_refused_whatever_the_token_costs_one_replacement_a_minute() {
    let sb = sandbox();
    prime(&sb);
    let refused = || run(sb.authed().args(["api", "/v1/always-401"]));
    refused()
        .code(7)
        .stderr_has("new token too")
        .stderr_has("zuora-token: error: HTTP 401 Unauthorized: Authentication error");
    assert_eq!(token_requests(&sb), 2);
    refused().code(7).stderr_has("not asking for another");
    assert_eq!(token_requests(&sb), 2, "no further token within 60 s");
    assert_eq!(calls(&sb, "/v1/always-401").len(), 3);
}

#[test]
fn a_429_is_retried_as_the_server_asks_whatever_the_method() {
    let sb = sandbox();
    prime(&sb);
    let limited =
        || Reply::status(429, r#"{"message":"Too many requests"}"#).header("Retry-After", "0");
    sb.zuora.then(limited());
    run(sb.authed().args(["api", PRODUCTS])).ok();
    assert_eq!(calls(&sb, PRODUCTS).len(), 2);
    sb.zuora.then(limited());
    run(sb.authed().args(["api", "-X", "POST", "/v1/accounts"])).ok();
    assert_eq!(calls(&sb, "/v1/accounts").len(), 2);
    // Past --retries: the 429 is the answer.
    sb.zuora.then(limited()).then(limited());
    run(sb.authed().args(["--retries", "1", "api", PRODUCTS]))
        .code(7)
        .stdout_has("Too many requests")
        .stderr_has("HTTP 429 Too Many Requests");
}

#[test]
fn a_server_error_is_retried_only_where_sending_twice_is_safe() {
    let sb = sandbox();
    prime(&sb);
    let failed = || Reply::status(503, r#"{"message":"busy"}"#).header("Retry-After", "0");
    sb.zuora.then(failed());
    run(sb.authed().args(["api", PRODUCTS])).ok();
    assert_eq!(calls(&sb, PRODUCTS).len(), 2, "a GET is retried");

    sb.zuora.then(failed());
    run(sb
        .authed()
        .args(["api", "-X", "POST", "/v1/accounts", "-f", "name=A"]))
    .code(7)
    .stdout_has("busy")
    .stderr_has("HTTP 503 Service Unavailable: busy");
    assert_eq!(calls(&sb, "/v1/accounts").len(), 1, "a POST is not");

    sb.zuora.then(failed());
    run(sb.authed().args([
        "api",
        "-X",
        "POST",
        "/v1/accounts",
        "-f",
        "name=A",
        "-H",
        "Idempotency-Key: run-42",
    ]))
    .ok();
    let posts = calls(&sb, "/v1/accounts");
    assert_eq!(posts.len(), 3, "a POST with an Idempotency-Key is retried");
    assert!(
        posts[1..]
            .iter()
            .all(|p| p.header("idempotency-key") == Some("run-42"))
    );
}

#[test]
fn an_http_error_prints_the_body_and_a_summary_and_exits_7() {
    let sb = sandbox();
    let out = run(sb.authed().args(["api", "/v1/accounts/NOPE"]));
    out.code(7)
        .stdout_has(r#""message":"Cannot find entity by key: 'NOPE'.""#)
        .stderr_has(
            "zuora-token: error: HTTP 404 Not Found: Cannot find entity by key: 'NOPE'. \
             (Zuora-Request-Id: ",
        );
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
}

#[test]
fn include_shows_the_status_line_and_headers_first() {
    let sb = sandbox();
    let out = run(sb
        .authed()
        .args(["api", "-i", &format!("/v1/accounts/{ACCOUNT_NUMBER}")]));
    out.ok();
    let (head, body) = out.stdout.split_once("\n\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK\n"), "{head}");
    assert!(head.contains("\nzuora-request-id: "), "{head}");
    assert!(body.starts_with(r#"{"basicInfo""#), "{body}");
}

#[test]
fn paginate_follows_next_page_links_on_one_connection() {
    let sb = sandbox();
    sb.zuora.pages(4);
    prime(&sb);
    let before = sb.zuora.connections();
    let out = run(sb
        .authed()
        .args(["api", "--paginate", &format!("{LIST}?pageSize=2")]));
    out.ok();
    let pages: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(pages.len(), 4, "one line of JSON a page: {}", out.stdout);
    assert_eq!(
        pages[3]["subscriptions"][1]["subscriptionNumber"],
        "A-S000042"
    );
    let paths: Vec<String> = calls(&sb, LIST).into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            format!("{LIST}?pageSize=2"),
            format!("{LIST}?page=2&pageSize=2"),
            format!("{LIST}?page=3&pageSize=2"),
            format!("{LIST}?page=4&pageSize=2"),
        ]
    );
    assert_eq!(
        sb.zuora.connections() - before,
        1,
        "one connection for every page"
    );
}

#[test]
fn paginate_follows_a_zoql_query_through_query_more() {
    let sb = sandbox();
    sb.zuora.pages(3);
    let out = run(sb.authed().args([
        "api",
        "--paginate",
        "-X",
        "POST",
        "/v1/action/query",
        "-f",
        "queryString=select Id from Account",
    ]));
    out.ok();
    let ids: Vec<String> = out
        .stdout
        .lines()
        .flat_map(|line| {
            let page: serde_json::Value = serde_json::from_str(line).unwrap();
            page["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["Id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        ids,
        [
            "acc-1-1", "acc-1-2", "acc-2-1", "acc-2-2", "acc-3-1", "acc-3-2"
        ]
    );
    assert_eq!(calls(&sb, "/v1/action/query").len(), 1);
    let more: Vec<String> = calls(&sb, "/v1/action/queryMore")
        .into_iter()
        .map(|r| r.body)
        .collect();
    assert_eq!(
        more,
        [r#"{"queryLocator":"QL-2"}"#, r#"{"queryLocator":"QL-3"}"#]
    );
}

/// An `Idempotency-Key` names one request: Zuora answers a second with
/// the same key as it answered the first, or 422 for another URL. A next
/// page is another request, sent without it.
#[test]
fn a_next_page_does_not_reuse_the_idempotency_key() {
    let sb = sandbox();
    sb.zuora.pages(3);
    run(sb.authed().args([
        "api",
        "--paginate",
        "-X",
        "POST",
        "/v1/action/query",
        "-f",
        "queryString=select Id from Account",
        "-H",
        "Idempotency-Key: query-1",
        "-H",
        "X-Kept: yes",
    ]))
    .ok();
    let [query] = &calls(&sb, "/v1/action/query")[..] else {
        panic!("one query")
    };
    assert_eq!(query.header("idempotency-key"), Some("query-1"));
    let more = calls(&sb, "/v1/action/queryMore");
    assert_eq!(more.len(), 2);
    for call in more {
        assert_eq!(call.header("idempotency-key"), None, "{call:#?}");
        assert_eq!(call.header("x-kept"), Some("yes"));
    }
}

#[test]
fn paginate_follows_an_object_query_cursor() {
    let sb = sandbox();
    sb.zuora.pages(3);
    let out = run(sb.authed().args([
        "api",
        "--paginate",
        "/object-query/accounts",
        "-f",
        "pageSize=2",
    ]));
    out.ok();
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    let paths: Vec<String> = calls(&sb, "/object-query/accounts")
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(
        paths,
        [
            "/object-query/accounts?pageSize=2",
            "/object-query/accounts?pageSize=2&cursor=c2%3D%3D",
            "/object-query/accounts?pageSize=2&cursor=c3%3D%3D",
        ]
    );
}

#[test]
fn the_api_version_setting_is_validated_and_named_where_it_came_from() {
    let sb = sandbox();
    run(sb
        .authed()
        .args(["--zuora-version", "latest", "api", PRODUCTS]))
    .code(2)
    .stderr_has("--zuora-version");
    run(sb
        .authed()
        .env("ZUORA_VERSION", "211")
        .args(["api", PRODUCTS]))
    .code(2)
    .stderr_has("ZUORA_VERSION");
    assert_eq!(sb.zuora.count(), 0, "nothing was sent");
    let config = sb.config("[profiles.prod]\nzuora_version = \"2024-05-20\"\n");
    run(sb.authed().args(["--profile", "prod", "api", PRODUCTS])).ok();
    assert_eq!(
        calls(&sb, PRODUCTS)[0].header("zuora-version"),
        Some("2024-05-20")
    );
    std::fs::write(&config, "[profiles.prod]\nzuora_version = \"v2\"\n").unwrap();
    run(sb.authed().args(["--profile", "prod", "api", PRODUCTS]))
        .code(2)
        .stderr_has("zuora_version");
}

#[test]
fn over_https_a_call_is_checked_against_the_ca_bundle() {
    let ca = TestCa::generate();
    let sb = Sandbox::with_zuora(crate::bin(), FakeZuora::start_tls(&ca));
    let bundle = sb.file("ca.pem", &ca.ca_pem);
    run(sb
        .authed()
        .arg("--ca-bundle")
        .arg(&bundle)
        .args(["api", PRODUCTS]))
    .ok()
    .stdout_has("Gold Plan");
    let other = TestCa::generate();
    let wrong = sb.file("other.pem", &other.ca_pem);
    run(sb
        .authed()
        .arg("--ca-bundle")
        .arg(&wrong)
        .args(["api", PRODUCTS]))
    .code(5)
    .stderr_has("TLS");
    assert_eq!(
        calls(&sb, PRODUCTS).len(),
        1,
        "nothing over an untrusted connection"
    );
}

/// The token goes to the base URL and nowhere else, whatever the command
/// line, the server or the environment says.
mod nowhere_else {
    use super::*;

    /// A second server, standing for anyone else.
    fn elsewhere() -> FakeZuora {
        FakeZuora::start()
    }

    /// Asserts that `other` saw nothing at all.
    fn untouched(other: &FakeZuora) {
        assert_eq!(other.count(), 0, "{:#?}", other.requests());
    }

    #[test]
    fn a_url_off_the_base_url_is_refused_before_anything_is_sent() {
        let sb = sandbox();
        let other = elsewhere();
        let port = other.url().rsplit(':').next().unwrap().to_owned();
        let own = sb.zuora.url();
        for target in [
            format!("{}{PRODUCTS}", other.url()),
            format!("http://localhost:{port}{PRODUCTS}"),
            format!("{}{PRODUCTS}", own.replace("http://", "https://")),
            format!("{}@127.0.0.1:{port}{PRODUCTS}", own),
            format!(
                "http://user@{}{PRODUCTS}",
                own.trim_start_matches("http://")
            ),
            format!("//127.0.0.1:{port}{PRODUCTS}"),
            format!("\\\\127.0.0.1:{port}{PRODUCTS}"),
            format!("{PRODUCTS}#{}", other.url()),
            format!("{PRODUCTS}\r\nHost: 127.0.0.1:{port}"),
        ] {
            run(sb.authed().args(["api", &target]))
                .code(2)
                .stderr_has("zuora-token: error: the path");
        }
        untouched(&other);
        assert_eq!(sb.zuora.count(), 0, "not even a token was asked for");
    }

    #[test]
    fn headers_cannot_carry_or_reroute_the_token() {
        let sb = sandbox();
        let other = elsewhere();
        let host = other.url().trim_start_matches("http://").to_owned();
        for header in [
            "Authorization: Bearer mine".to_owned(),
            "authorization: Basic eDp5".to_owned(),
            "Proxy-Authorization: x".to_owned(),
            format!("Host: {host}"),
            "X-Evil: a\r\nHost: elsewhere".to_owned(),
            "no colon".to_owned(),
        ] {
            run(sb.authed().args(["api", PRODUCTS, "-H", &header])).code(2);
        }
        untouched(&other);
        assert_eq!(sb.zuora.count(), 0);
    }

    #[test]
    fn a_redirect_is_not_followed() {
        let sb = sandbox();
        let other = elsewhere();
        sb.zuora.redirect_to(&format!("{}{PRODUCTS}", other.url()));
        run(sb.authed().args(["api", "/v1/redirect"]))
            .code(7)
            .stderr_has("HTTP 307 Temporary Redirect")
            .stderr_has("redirects are not followed");
        untouched(&other);
    }

    #[test]
    fn a_next_page_link_elsewhere_is_not_followed() {
        let sb = sandbox();
        let other = elsewhere();
        sb.zuora.next_pages_at(&other.url());
        let out = run(sb.authed().args(["api", "--paginate", LIST]));
        out.code(6).stderr_has("nextPage link is not followed");
        assert_eq!(out.stdout.lines().count(), 1, "the first page was printed");
        untouched(&other);
    }

    #[test]
    fn no_proxy_from_the_environment_sees_a_plain_http_call() {
        let sb = sandbox();
        let other = elsewhere();
        let mut cmd = sb.authed();
        for name in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "all_proxy",
        ] {
            cmd.env(name, other.url());
        }
        run(cmd.args(["api", PRODUCTS]))
            .ok()
            .stdout_has("Gold Plan");
        untouched(&other);
    }
}
