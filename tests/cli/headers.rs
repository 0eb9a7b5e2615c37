//! One header bundle: `get -o headers` and `-o curl` carry every header a
//! call to Zuora needs, and real curl sends them all (`-H @-`, `-K -`);
//! `--org-ids` is validated before anything is sent, and the JSON and
//! `env` outputs carry the same values.

use serde_json::Value;
use zuora_token_testkit::{Sandbox, have, run};

use crate::sandbox;

const ENTITY: &str = "11e643f4-a3ee-8bad-b061-0025904c756d";
const ORGS: &str = "0a1b2c3d-0000-4000-8000-000000000001,org_2";
const TRACK: &str = "deploy-42";

/// The settings that add headers, as flags.
const CONFIGURED: [&str; 6] = [
    "--entity-id",
    ENTITY,
    "--org-ids",
    ORGS,
    "--track-id",
    TRACK,
];

/// The token the fake issued, from its one token request.
fn issued_token(sb: &Sandbox) -> String {
    let out = run(sb.authed().args(["get", "-o", "token"]).args(CONFIGURED));
    out.ok();
    out.stdout.trim().to_owned()
}

/// Asserts that the fake's last call to `path` carried every header.
fn assert_call_had_every_header(sb: &Sandbox, path: &str, token: &str) {
    let call = sb
        .zuora
        .requests()
        .into_iter()
        .rfind(|r| r.path == path)
        .unwrap_or_else(|| panic!("no call to {path} reached the fake"));
    let bearer = format!("Bearer {token}");
    assert_eq!(call.header("authorization"), Some(bearer.as_str()));
    assert_eq!(call.header("zuora-entity-ids"), Some(ENTITY));
    assert_eq!(call.header("zuora-org-ids"), Some(ORGS));
    assert_eq!(call.header("zuora-track-id"), Some(TRACK));
}

#[test]
fn headers_are_one_a_line_and_only_the_configured_ones() {
    let sb = sandbox();
    let token = issued_token(&sb);
    let out = run(sb.authed().args(["get", "-o", "headers"]).args(CONFIGURED));
    out.ok();
    assert_eq!(
        out.stdout,
        format!(
            "Authorization: Bearer {token}\nZuora-Entity-Ids: {ENTITY}\n\
             Zuora-Org-Ids: {ORGS}\nZuora-Track-Id: {TRACK}\n"
        )
    );
    let bare = run(sb.authed().args(["get", "-o", "headers"]));
    let lines: Vec<&str> = bare.ok().stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", bare.stdout);
    assert!(lines[0].starts_with("Authorization: Bearer "));
}

#[test]
fn curl_config_quotes_each_header_for_curl() {
    let sb = sandbox();
    let token = issued_token(&sb);
    let out = run(sb.authed().args(["get", "-o", "curl"]).args(CONFIGURED));
    out.ok();
    assert_eq!(
        out.stdout,
        format!(
            "header = \"Authorization: Bearer {token}\"\nheader = \"Zuora-Entity-Ids: {ENTITY}\"\n\
             header = \"Zuora-Org-Ids: {ORGS}\"\nheader = \"Zuora-Track-Id: {TRACK}\"\n"
        )
    );
}

/// Real curl, given `get -o FORMAT` on its stdin by `option` (`-H @-`,
/// `-K -`), calls `path` with every header.
fn real_curl_sends_every_header(format: &str, option: &str, path: &str, answer: &str) {
    if !have("curl") {
        return;
    }
    let sb = sandbox();
    let token = issued_token(&sb);
    let script = format!(
        "\"$ZT\" get -o {format} {} | curl -fsS {option} \"$ZUORA_BASE_URL{path}\"",
        CONFIGURED.join(" ")
    );
    sb.shell("sh", &script).ok().stdout_has(answer);
    assert_call_had_every_header(&sb, path, &token);
}

#[test]
fn real_curl_sends_every_header_from_dash_h_at_stdin() {
    real_curl_sends_every_header("headers", "-H @-", "/v1/catalog/products", "\"products\"");
}

#[test]
fn real_curl_sends_every_header_from_its_config_on_stdin() {
    real_curl_sends_every_header("curl", "-K -", "/v1/accounts/A00000001", "A00000001");
}

#[test]
fn invalid_org_ids_are_a_usage_error_before_any_request() {
    let sb = sandbox();
    for (bad, why) in [
        ("a,,b", "id 2 is empty"),
        ("a\r\nX-Evil: 1", "holds '\\r'"),
        ("a;b", "holds ';'"),
    ] {
        let out = run(sb.authed().args(["get", "-o", "headers", "--org-ids", bad]));
        out.code(2)
            .stderr_has("zuora-token: error: invalid org ids")
            .stderr_has("--org-ids")
            .stderr_has(why);
    }
    let from_env = run(sb.authed().args(["get"]).env("ZUORA_ORG_IDS", "x y"));
    from_env
        .code(2)
        .stderr_has("environment variable ZUORA_ORG_IDS");
    sb.config("[profiles.p]\norg_ids = \"ok,\"\n");
    let from_profile = run(sb.authed().args(["get", "-p", "p"]));
    from_profile.code(2).stderr_has("org_ids");
    assert_eq!(sb.zuora.count(), 0, "a request was made");
}

#[test]
fn org_ids_come_from_the_environment_and_a_profile_too() {
    let sb = sandbox();
    let env = run(sb
        .authed()
        .args(["get", "-o", "headers"])
        .env("ZUORA_ORG_IDS", "e1, e2"));
    env.ok().stdout_has("\nZuora-Org-Ids: e1,e2\n");
    sb.config("[profiles.p]\norg_ids = \"p1\"\n");
    let profile = run(sb.authed().args(["get", "-o", "headers", "-p", "p"]));
    profile.ok().stdout_has("\nZuora-Org-Ids: p1\n");
}

#[test]
fn json_and_env_carry_the_configured_ids() {
    let sb = sandbox();
    let json = run(sb.authed().args(["get", "-o", "json"]).args(CONFIGURED));
    let object: Value = serde_json::from_str(&json.ok().stdout).unwrap();
    assert_eq!(object["entity_id"], ENTITY);
    assert_eq!(object["org_ids"], ORGS);
    assert_eq!(object["track_id"], TRACK);
    let bare = run(sb.authed().args(["get", "-o", "json"]));
    let object: Value = serde_json::from_str(&bare.ok().stdout).unwrap();
    assert_eq!(object["org_ids"], Value::Null);

    let env = run(sb.authed().arg("env").args(CONFIGURED));
    env.ok()
        .stdout_has(&format!("export ZUORA_ENTITY_ID='{ENTITY}';\n"))
        .stdout_has(&format!("export ZUORA_ORG_IDS='{ORGS}';\n"))
        .stdout_has(&format!("export ZUORA_TRACK_ID='{TRACK}';\n"));
    let bare = run(sb.authed().arg("env"));
    assert!(
        !bare.ok().stdout.contains("ZUORA_ORG_IDS"),
        "{}",
        bare.stdout
    );
}
