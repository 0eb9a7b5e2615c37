//! What the token's scope says (tenant, user, entities) in `get -o json`
//! and `cache list -o json`, and the warning for a token valid for several
//! entities with no entity id set: once per run, from each command that
//! hands out or uses the token; none with `--entity-id`. Hostile scope
//! text stays inert.

use zuora_token_testkit::run;

use super::{run_get, sandbox};

const ONE: &str = "1a2b7a37-3e7d-4cb3-b0e2-883de9e766cc";
const TWO: &str = "c92ed977-510c-4c48-9b51-8d5e848671e9";

/// Zuora's documented example: a token valid for two entities.
fn two_entities() -> String {
    format!(
        r#""user.7c4d5433dc234c369a01b9719ecd059f entity.{ONE} entity.{TWO} service.echo.read tenant.19""#
    )
}

const WARNING: &str = "the token is valid for 2 entities and no entity id is set";

#[test]
fn a_token_for_two_entities_is_warned_of_once_by_each_command() {
    let sb = sandbox();
    sb.zuora.scope(&two_entities());
    let get = run_get(&sb, &[], &[]);
    get.ok();
    let said = &get.stderr;
    assert_eq!(said.matches(WARNING).count(), 1, "{said}");
    assert!(said.contains("--entity-id"), "{said}");
    assert!(said.contains(&format!("{ONE}, {TWO}")), "{said}");
    for args in [
        &["env"][..],
        &["exec", "--", "true"],
        &["api", "--paginate", "/v1/catalog/products"],
    ] {
        let out = run(sb.authed().args(args));
        out.ok();
        assert_eq!(
            out.stderr.matches(WARNING).count(),
            1,
            "{args:?}: {}",
            out.stderr
        );
    }
    // -q silences it, as every warning.
    let quiet = run_get(&sb, &["-q"], &[]);
    assert_eq!(quiet.ok().stderr, "");
}

#[test]
fn with_an_entity_id_there_is_no_warning() {
    let sb = sandbox();
    sb.zuora.scope(&two_entities());
    for args in [
        &["get"][..],
        &["env"],
        &["exec", "--", "true"],
        &["api", "/v1/catalog/products"],
    ] {
        let out = run(sb.authed().args(["--entity-id", TWO]).args(args));
        assert_eq!(out.ok().stderr, "", "{args:?}");
    }
    let out = run(sb.authed().env("ZUORA_ENTITY_ID", ONE).arg("get"));
    assert_eq!(out.ok().stderr, "");
}

#[test]
fn a_token_for_one_entity_is_not_warned_of() {
    let sb = sandbox();
    assert_eq!(run_get(&sb, &[], &[]).ok().stderr, "");
}

#[test]
fn get_json_and_cache_list_json_carry_tenant_user_and_entities() {
    let sb = sandbox();
    sb.zuora.scope(&two_entities());
    let get = run_get(&sb, &["-q", "-o", "json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&get.ok().stdout).unwrap();
    assert_eq!(json["tenant"], "19");
    assert_eq!(json["user"], "7c4d5433dc234c369a01b9719ecd059f");
    assert_eq!(json["entities"], serde_json::json!([ONE, TWO]));
    let list = run(sb.authed().args(["cache", "list", "-o", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&list.ok().stdout).unwrap();
    assert_eq!(rows[0]["tenant"], "19");
    assert_eq!(rows[0]["user"], "7c4d5433dc234c369a01b9719ecd059f");
    assert_eq!(rows[0]["entities"], serde_json::json!([ONE, TWO]));
}

/// Control characters in the scope are escaped wherever it is shown, and a
/// scope naming thousands of entities lists ten of them, each cut short.
#[test]
fn hostile_scope_text_is_escaped_and_bounded() {
    let sb = sandbox();
    sb.zuora
        .scope(r#""entity.a\u001b[31mred entity.b\u0007 tenant.1\u001b]0;pwned\u0007""#);
    let get = run_get(&sb, &["-o", "json"], &[]);
    get.ok();
    assert!(!get.stderr.contains('\u{1b}') && !get.stderr.contains('\u{7}'));
    assert!(get.stderr.contains(r"a\u{1b}[31mred"), "{}", get.stderr);
    let json: serde_json::Value = serde_json::from_str(&get.stdout).unwrap();
    assert_eq!(json["tenant"], "1\u{1b}]0;pwned\u{7}");
    assert!(!get.stdout.contains('\u{1b}'));
    let status = run(sb.authed().arg("status"));
    assert!(!status.ok().stdout.contains('\u{1b}'));

    let long = "x".repeat(1000);
    let many: Vec<String> = (0..500).map(|i| format!("entity.{i}{long}")).collect();
    sb.zuora.scope(&format!("\"{}\"", many.join(" ")));
    let get = run_get(&sb, &["--no-cache"], &[]);
    get.ok();
    assert!(
        get.stderr.contains("valid for 500 entities"),
        "{}",
        &get.stderr[..200]
    );
    assert!(get.stderr.contains("and 490 more"));
    assert!(
        get.stderr.len() < 2000,
        "{} bytes of warning",
        get.stderr.len()
    );
}
