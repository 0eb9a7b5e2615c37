//! `--token-url`: the token request goes to another endpoint, under the
//! base URL's rules, and the base URL keeps serving the API calls. The
//! fakes serve their token endpoints at paths of the tests' own choosing,
//! none of them Zuora's.

use serde_json::Value;
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora, Reply, run};

use crate::cache::{entry_path, token};
use crate::sandbox;

/// A fake serving only a token endpoint, at `path`, and its URL there.
pub(crate) fn token_endpoint(path: &str) -> (FakeZuora, String) {
    let fake = FakeZuora::start();
    fake.serve_token_at(path);
    let url = format!("{}{path}", fake.url());
    (fake, url)
}

#[test]
fn the_token_is_asked_for_at_the_token_url_and_the_base_url_stays_the_apis() {
    let sb = sandbox();
    let (idp, url) = token_endpoint("/test-idp/oauth2/token");
    let out = run(sb
        .authed()
        .args(["env", "--no-cache", "--token-url", &url, "-v"]));
    out.ok();
    out.stdout_has(&format!("export ZUORA_BASE_URL='{}';", sb.zuora.url()));
    out.stderr_has(&format!("token URL {url} (from --token-url)"));
    assert_eq!(sb.zuora.count(), 0, "the base URL was asked for a token");
    let req = idp.only_request();
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("POST", "/test-idp/oauth2/token")
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(req.header("authorization"), None);
    let names: Vec<&str> = req.form.iter().flatten().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["client_id", "client_secret", "grant_type"]);
    assert_eq!(req.field("client_id"), Some(CLIENT_ID));
    assert_eq!(req.field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(req.field("grant_type"), Some("client_credentials"));

    let out = run(sb
        .authed()
        .args(["get", "-o", "json", "--no-cache", "--token-url", &url]));
    let json: Value = serde_json::from_str(&out.ok().stdout).unwrap();
    assert_eq!(json["base_url"], sb.zuora.url());
    assert_eq!(idp.count_path("/oauth/token"), 0);
    assert_eq!(idp.count(), 2);
}

#[test]
fn the_flag_beats_the_variable_which_beats_the_profile_unless_profile_names_it() {
    let sb = sandbox();
    let url = |name: &str| format!("{}/{name}/token", sb.zuora.url());
    sb.config(&format!(
        "default_profile = \"p\"\n[profiles.p]\ntoken_url = \"{}\"\n",
        url("profile")
    ));
    let path_of = |cmd: &mut assert_cmd::Command, winner: &str| {
        sb.zuora.serve_token_at(&format!("/{winner}/token"));
        let out = run(cmd.args(["get", "--no-cache"]));
        out.ok();
        sb.zuora.requests().pop().unwrap().path
    };
    assert_eq!(path_of(&mut sb.authed(), "profile"), "/profile/token");
    let with_env = || {
        let mut cmd = sb.authed();
        cmd.env("ZUORA_TOKEN_URL", url("env"));
        cmd
    };
    assert_eq!(path_of(&mut with_env(), "env"), "/env/token");
    assert_eq!(
        path_of(with_env().args(["--token-url", &url("flag")]), "flag"),
        "/flag/token"
    );
    // A profile named by --profile means its keys, over the variables.
    sb.zuora.serve_token_at("/profile/token");
    let out = run(with_env().args(["get", "--no-cache", "--profile", "p"]));
    out.ok();
    out.stderr_has("ignoring ZUORA_TOKEN_URL: --profile p sets `token_url`");
    assert_eq!(sb.zuora.requests().pop().unwrap().path, "/profile/token");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 0);
}

#[test]
fn each_token_url_has_its_own_cache_entry() {
    let sb = sandbox();
    let (a, url_a) = token_endpoint("/a/token");
    let (b, url_b) = token_endpoint("/b/token");
    let token_a = token(&sb, &["--token-url", &url_a]);
    let token_b = token(&sb, &["--token-url", &url_b]);
    assert_ne!(token_a, token_b);
    let entry_a = entry_path(&sb, &["--token-url", &url_a]);
    let entry_b = entry_path(&sb, &["--token-url", &url_b]);
    assert_ne!(entry_a, entry_b);
    assert!(entry_a.exists() && entry_b.exists());
    // Each again: a cache hit, also for the same URL spelled otherwise.
    assert_eq!(token(&sb, &["--token-url", &url_a]), token_a);
    assert_eq!(token(&sb, &["--token-url", &url_b]), token_b);
    let shouted = url_a.replace("http://", "HTTP://");
    assert_eq!(token(&sb, &["--token-url", &shouted]), token_a);
    assert_eq!((a.count(), b.count()), (1, 1));

    // Without a token URL: {base}/oauth/token, and an entry of its own.
    let plain = token(&sb, &[]);
    assert!(plain != token_a && plain != token_b);
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);
    let entry = entry_path(&sb, &[]);
    assert!(entry != entry_a && entry != entry_b);
    assert_eq!(token(&sb, &[]), plain);
    assert_eq!((a.count(), b.count(), sb.zuora.count()), (1, 1, 1));
}

#[test]
fn status_shows_the_token_url_and_where_it_came_from() {
    let sb = sandbox();
    let (idp, url) = token_endpoint("/t");
    token(&sb, &["--token-url", &url]);
    let out = run(sb
        .authed()
        .env("ZUORA_TOKEN_URL", &url)
        .args(["status", "-o", "json"]));
    let json: Value = serde_json::from_str(&out.ok().stdout).unwrap();
    assert_eq!(json["token_url"], url.as_str());
    assert_eq!(
        json["token_url_from"],
        "from environment variable ZUORA_TOKEN_URL"
    );
    assert_eq!(json["base_url"], sb.zuora.url());
    assert_eq!(json["cached"], true);
    let out = run(sb.authed().args(["status", "--token-url", &url]));
    out.ok().stdout_has("token URL:");
    out.stdout_has(&format!(" {url} (from --token-url)\n"));
    let out = run(sb.authed().args(["status", "-o", "json"]));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["token_url"], Value::Null);
    assert_eq!(json["cached"], false);
    let out = run(sb.authed().arg("status"));
    assert!(!out.stdout.contains("token URL"), "{}", out.stdout);
    assert_eq!(idp.count(), 1);
}

#[test]
fn plain_http_to_another_host_is_refused_before_anything_is_sent() {
    let sb = sandbox();
    let far = "http://example.com/x";
    let refused = format!("refusing to send the client secret in clear text to {far}");
    let out = run(sb.authed().args(["get", "--token-url", far]));
    out.code(2)
        .stderr_has(&format!("zuora-token: error: {refused} (from --token-url)"))
        .stderr_has("use https://");
    assert_eq!(out.stdout, "");
    let out = run(sb.authed().env("ZUORA_TOKEN_URL", far).arg("get"));
    out.code(2).stderr_has(&format!(
        "{refused} (from environment variable ZUORA_TOKEN_URL)"
    ));
    let file = sb.config(&format!(
        "default_profile = \"p\"\n[profiles.p]\ntoken_url = \"{far}\"\n"
    ));
    let out = run(sb.authed().arg("get"));
    out.code(2).stderr_has(&format!(
        "{refused} (from `token_url` in profile 'p' of {})",
        file.display()
    ));
    assert_eq!(sb.zuora.count(), 0, "a request was sent");
}

#[test]
fn an_invalid_token_url_is_a_usage_error_naming_the_setting() {
    let sb = sandbox();
    let local = sb.zuora.url();
    for (url, why) in [
        (format!("{local}/token?client=1"), "query"),
        (
            local.replace("http://", "http://user:pw@") + "/token",
            "user name or password",
        ),
        (
            "ftp://example.com/token".into(),
            "scheme must be https or http",
        ),
        (format!("{local}/a token"), "may not contain ' '"),
        ("example.com/token".into(), "absolute URL"),
    ] {
        let out = run(sb.authed().args(["get", "--token-url", &url]));
        out.code(2)
            .stderr_has(&format!(
                "zuora-token: error: invalid token URL {url:?} from --token-url: "
            ))
            .stderr_has(why)
            .never_shows(CLIENT_SECRET);
        assert_eq!(out.stdout, "");
    }
    assert_eq!(sb.zuora.count(), 0, "a request was sent");
}

#[test]
fn a_redirect_from_the_token_url_is_not_followed() {
    let sb = sandbox();
    let (idp, url) = token_endpoint("/t");
    let elsewhere = format!("{}/oauth/token", sb.zuora.url());
    idp.then(Reply::status(307, "").header("Location", &elsewhere));
    let out = run(sb.authed().args(["get", "--token-url", &url]));
    out.code(6)
        .stderr_has(&format!("to {elsewhere}; redirects are not followed"));
    assert_eq!(idp.count(), 1);
    assert_eq!(sb.zuora.count(), 0, "the redirect was followed");
}

#[test]
fn failures_name_the_token_url_and_where_it_came_from() {
    let sb = sandbox();
    let (idp, url) = token_endpoint("/t");
    let wrong = "not-the-secret+/=";
    let out = run(sb
        .authed()
        .env("ZUORA_CLIENT_SECRET", wrong)
        .args(["get", "--token-url", &url]));
    out.code(3)
        .stderr_has(&format!("and that it belongs to {url} (from --token-url)"))
        .never_shows(wrong);
    let missing = format!("{}/elsewhere", idp.url());
    let out = run(sb.authed().args(["get", "--token-url", &missing]));
    out.code(3).stderr_has(&format!(
        "{missing} is not a token endpoint: check the token URL (from --token-url)"
    ));
    let closed = "http://127.0.0.1:9/t";
    let out = run(sb.authed().args([
        "get",
        "--retries",
        "0",
        "--timeout",
        "5",
        "--token-url",
        closed,
    ]));
    out.code(5).stderr_has(&format!("cannot talk to {closed}"));
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn profiles_show_where_a_profile_asks_for_tokens() {
    let sb = sandbox();
    sb.config("[profiles.p]\nenvironment = \"sbx\"\ntoken_url = \"https://login.example.com/t\"\n");
    let out = run(sb.cmd().arg("profiles"));
    out.ok().stdout_has(
        "sbx (https://rest.apisandbox.zuora.com), tokens from https://login.example.com/t",
    );
    let out = run(sb
        .cmd()
        .args(["profiles", "--token-url", "https://example.com/t"]));
    out.ok().stdout_has("overridden: endpoint, by --token-url");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn an_entry_proves_its_token_url_and_cache_list_shows_it() {
    let sb = sandbox();
    let (a, url_a) = token_endpoint("/a/token");
    let (b, url_b) = token_endpoint("/b/token");
    token(&sb, &["--token-url", &url_a]);
    let entry_a = entry_path(&sb, &["--token-url", &url_a]);
    let stored: Value = serde_json::from_slice(&std::fs::read(&entry_a).unwrap()).unwrap();
    assert_eq!(stored["token_url"], url_a.as_str());

    // A's entry in B's place: not B's token.
    let entry_b = entry_path(&sb, &["--token-url", &url_b]);
    std::fs::copy(&entry_a, &entry_b).unwrap();
    let out = run(sb.authed().args(["get", "--token-url", &url_b]));
    out.ok()
        .stderr_has("was stored for another token URL; ignoring it");
    assert_eq!((a.count(), b.count()), (1, 1));

    // Nor, in the plain entry's place, the plain one's.
    std::fs::copy(&entry_a, entry_path(&sb, &[])).unwrap();
    run(sb.authed().arg("get"))
        .ok()
        .stderr_has("was stored for another token URL; ignoring it");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);

    let list = run(sb.authed().args(["cache", "list"]));
    list.ok().stdout_has(&format!(" (tokens from {url_a})  "));
    let json = run(sb.authed().args(["cache", "list", "-o", "json"]));
    let rows: Value = serde_json::from_str(&json.ok().stdout).unwrap();
    let urls: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["token_url"])
        .collect();
    assert!(urls.contains(&&Value::from(url_a.as_str())), "{rows}");
    assert!(urls.contains(&&Value::Null), "{rows}");
}
