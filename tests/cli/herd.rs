//! Single flight for every outcome: many processes asking at once for the
//! same credentials make one request between them, whatever Zuora answers,
//! and all report the same outcome. The fake holds its answer until every
//! caller has found the cache empty and the one request has arrived, so
//! that all of them are in the race, whatever the machine's speed.

use zuora_token_testkit::{Reply, Run, Sandbox};

use crate::{held_burst, in_parallel, sandbox};

/// How many callers a burst starts.
const CALLERS: usize = 40;

/// What every caller of a burst says under -v when it finds no token,
/// before it takes the entry's lock or waits on it.
pub(crate) const MISSED: &str = "cache: miss, nothing cached at";

/// `get -v ARGS` started `CALLERS` times at once, with `env` besides the
/// sandbox's credentials, held until each has found the cache empty and
/// the one token request has arrived; what each one did.
fn burst(sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Vec<Run> {
    let args = [&["get", "-v"], args].concat();
    held_burst(sb, CALLERS, &args, env, Some(MISSED), 1)
}

/// Asserts that every run exited `code` with the same stdout and the same
/// error line (the trails of -v differ: one asked, the others waited).
fn all_alike(runs: &[Run], code: i32) {
    for run in runs {
        run.code(code);
    }
    let error = |r: &Run| {
        r.stderr
            .lines()
            .filter(|l| l.starts_with("zuora-token: error:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for run in &runs[1..] {
        assert_eq!(run.stdout, runs[0].stdout);
        assert_eq!(error(run), error(&runs[0]), "{run:#?}");
    }
}

#[test]
fn a_burst_with_a_wrong_secret_makes_one_request_and_all_report_it() {
    let sb = sandbox();
    let runs = burst(&sb, &[], &[("ZUORA_CLIENT_SECRET", "wrong-secret")]);
    all_alike(&runs, 3);
    runs[0].stderr_has("HTTP 401 Unauthorized: Authentication error");
    assert_eq!(sb.zuora.count(), 1, "one request for {CALLERS} callers");

    // Zuora's rejection is remembered for a few seconds: a caller just
    // after costs nothing, and says why under -v.
    let late = crate::run_get(&sb, &["-v"], &[("ZUORA_CLIENT_SECRET", "wrong-secret")]);
    late.code(3).stderr_has("Zuora rejected these credentials");
    assert_eq!(sb.zuora.count(), 1);
    // --refresh asks again; the right secret is another identity.
    crate::run_get(
        &sb,
        &["--refresh"],
        &[("ZUORA_CLIENT_SECRET", "wrong-secret")],
    )
    .code(3);
    crate::run_get(&sb, &[], &[]).ok();
    assert_eq!(sb.zuora.count(), 3);
}

#[test]
fn a_burst_against_an_endless_rate_limit_makes_one_callers_retries() {
    let sb = sandbox();
    sb.zuora.otherwise(
        Reply::status(429, r#"{"message":"Too many requests"}"#).header("Retry-After", "0"),
    );
    let runs = burst(&sb, &["--retries", "2"], &[]);
    all_alike(&runs, 4);
    runs[0].stderr_has("(gave up after 3 attempts)");
    assert_eq!(sb.zuora.count(), 3, "the retries of one caller, for all");
}

#[test]
fn a_burst_shares_a_token_that_lives_less_than_the_minimum_ttl() {
    let sb = sandbox();
    sb.zuora.expires_in("60");
    let runs = burst(&sb, &[], &[]);
    all_alike(&runs, 0);
    assert_eq!(runs[0].stdout.trim_end().len(), 32);
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn a_burst_shares_a_server_failure() {
    let sb = sandbox();
    sb.zuora
        .otherwise(Reply::status(500, r#"{"message":"boom"}"#));
    let runs = burst(&sb, &[], &[]);
    all_alike(&runs, 5);
    let shared = runs
        .iter()
        .filter(|r| {
            r.stderr
                .contains("another process asked Zuora meanwhile and failed")
        })
        .count();
    assert_eq!(shared, CALLERS - 1, "all but the one that asked say so");
    assert_eq!(sb.zuora.count(), 1);
}

/// With an answer in a millisecond (not held), the first caller's flight
/// can end while others are still starting: a caller that found nothing,
/// then waited, must take the token stored meanwhile (an outcome's time is
/// taken before it is written, so comparing clocks would miss it). Which
/// interleavings a run meets is up to the machine; every one must end in
/// one request.
#[test]
fn bursts_against_an_instant_server_make_one_request_each() {
    for _ in 0..15 {
        let sb = sandbox();
        let outputs = in_parallel(&sb, CALLERS, &["get"]);
        let tokens: std::collections::BTreeSet<_> = outputs
            .iter()
            .map(|out| {
                assert!(out.status.success(), "{out:?}");
                out.stdout.clone()
            })
            .collect();
        assert_eq!(tokens.len(), 1, "all print the same token");
        assert_eq!(sb.zuora.count(), 1);
    }
}
