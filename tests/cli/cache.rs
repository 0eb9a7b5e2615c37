//! The token cache: reuse, refresh, single flight across processes, one entry
//! per identity, recovery from damage, file modes, `status` and `cache`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, Sandbox, run};

use crate::herd::MISSED;
use crate::{held_burst, sandbox};

pub(crate) fn token(sb: &Sandbox, args: &[&str]) -> String {
    let out = run(sb.authed().arg("get").args(args));
    out.ok();
    out.stdout.trim_end().to_owned()
}

/// The cache file of the credentials `args` resolve to, as `status` names it.
pub(crate) fn entry_path(sb: &Sandbox, args: &[&str]) -> PathBuf {
    let out = run(sb.authed().args(["status", "-o", "json"]).args(args));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    PathBuf::from(json["cache_file"].as_str().unwrap())
}

fn cache_dir(sb: &Sandbox) -> PathBuf {
    sb.home().join(".cache/zuora-token")
}

#[test]
fn a_second_get_reuses_the_cached_token() {
    let sb = sandbox();
    let first = token(&sb, &[]);
    assert_eq!(token(&sb, &[]), first);
    let out = run(sb.authed().arg("env"));
    assert!(
        out.stdout.contains(&first),
        "env goes through the cache: {}",
        out.stdout
    );
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn refresh_fetches_a_new_token_and_caches_it() {
    let sb = sandbox();
    let first = token(&sb, &[]);
    let refreshed = token(&sb, &["--refresh"]);
    assert_ne!(refreshed, first);
    assert_eq!(token(&sb, &[]), refreshed);
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let sb = sandbox();
    let a = token(&sb, &["--no-cache"]);
    assert!(
        !cache_dir(&sb).exists(),
        "--no-cache wrote {}",
        cache_dir(&sb).display()
    );
    let b = token(&sb, &[]);
    let c = token(&sb, &["--no-cache"]);
    assert!(a != b && b != c, "each uncached get is a request");
    assert_eq!(sb.zuora.count(), 3);
    let out = run(sb.authed().args(["get", "--refresh", "--no-cache"]));
    out.code(2);
}

/// Forty processes that all find the cache empty (each has said so before
/// the fake answers anything) make one request between them.
#[test]
fn parallel_processes_on_an_empty_cache_make_one_request() {
    let sb = sandbox();
    let runs = held_burst(&sb, 40, &["get", "-v"], &[], Some(MISSED), 1);
    for run in &runs {
        run.ok();
    }
    let tokens: std::collections::BTreeSet<_> = runs.iter().map(|r| &r.stdout).collect();
    assert_eq!(tokens.len(), 1, "all print the same token");
    assert_eq!(sb.zuora.count(), 1, "exactly one request to Zuora");
}

/// Makes the cached token of `path` one that lived `lifetime` seconds and
/// has `left` of them left: an expiry set, not waited for.
pub(crate) fn age_entry(path: &std::path::Path, lifetime: u64, left: u64) {
    let mut entry: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let now = u64::try_from(now.unwrap().as_millis()).unwrap();
    entry["expires_at_ms"] = (now + left * 1000).into();
    entry["obtained_at_ms"] = (now + left * 1000 - lifetime * 1000).into();
    entry["stored_at_ms"] = entry["obtained_at_ms"].clone();
    std::fs::write(path, entry.to_string()).unwrap();
}

#[test]
fn a_token_with_less_than_the_minimum_ttl_left_is_refetched() {
    let sb = sandbox();
    let first = token(&sb, &[]);
    age_entry(&entry_path(&sb, &[]), 3600, 200);
    assert_ne!(
        token(&sb, &[]),
        first,
        "200 s left is under the default 300"
    );
    assert_eq!(sb.zuora.count(), 2);
    age_entry(&entry_path(&sb, &[]), 3600, 200);
    let kept = token(&sb, &["--min-ttl", "100"]);
    assert_eq!(token(&sb, &["--min-ttl", "100"]), kept);
    let out = run(sb.authed().env("ZUORA_TOKEN_MIN_TTL", "100").arg("get"));
    assert_eq!(out.stdout.trim_end(), kept);
    assert_eq!(sb.zuora.count(), 2);

    sb.config("default_profile = \"p\"\n[profiles.p]\nmin_ttl = 100\n");
    assert_eq!(token(&sb, &[]), kept, "min_ttl from the profile");
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn a_token_shorter_lived_than_the_minimum_ttl_is_handed_out_and_cached_for_half_its_life() {
    let sb = sandbox();
    sb.zuora.expires_in("60");
    let out = run(sb.authed().args(["get", "-v"]));
    out.ok();
    assert!(
        out.stderr.contains(
            "less than the minimum TTL of 300 s; using it anyway, and from the cache while it has 30 s left"
        ),
        "{}",
        out.stderr
    );
    let first = out.stdout.trim_end().to_owned();
    // Not a request on every call: the cache hands it out for half its life.
    let quiet = run(sb.authed().arg("get"));
    quiet.ok();
    assert_eq!(quiet.stderr, "", "the note is for -v only");
    assert_eq!(quiet.stdout.trim_end(), first);
    assert_eq!(sb.zuora.count(), 1);
    let status = run(sb.authed().arg("status"));
    status.ok().stdout_has("token:      cached, usable");
    // With less than half its life left, the next one is fetched.
    age_entry(&entry_path(&sb, &[]), 60, 29);
    let out = run(sb.authed().args(["get", "-v"]));
    out.ok().stderr_has(
        "cache: miss, the cached token has 28 s left, less than half its lifetime, \
         which is less than the minimum TTL of 300 s (from the built-in default)",
    );
    assert_ne!(out.stdout.trim_end(), first);
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn an_invalid_min_ttl_is_a_usage_error() {
    let sb = sandbox();
    for (value, origin) in [("-1", "--min-ttl"), ("5m", "--min-ttl")] {
        let out = run(sb.authed().arg("get").arg(format!("--min-ttl={value}")));
        out.code(2);
        out.stderr_has(&format!("invalid minimum TTL {value:?} from {origin}"));
    }
    let out = run(sb.authed().env("ZUORA_TOKEN_MIN_TTL", "soon").arg("get"));
    out.code(2);
    out.stderr_has("from environment variable ZUORA_TOKEN_MIN_TTL");
    sb.config("default_profile = \"p\"\n[profiles.p]\nmin_ttl = \"soon\"\n");
    let out = run(sb.authed().arg("get"));
    out.code(2);
    out.stderr_has("profile 'p': invalid type: string");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn each_identity_has_its_own_entry() {
    let sb = sandbox();
    let other_id = "2d9b7e41-8c3f-4a65-b1d0-6e7f8a9b0c12";
    sb.zuora.accept(other_id, CLIENT_SECRET);
    sb.zuora.accept(CLIENT_ID, "rotated-secret");
    let localhost = sb.zuora.url().replace("127.0.0.1", "localhost");
    let variants: [&[&str]; 5] = [
        &[],
        &["--client-id", other_id],
        &["--client-secret-file", "-"],
        &["--entity-id", "11e643f4-a3ee-8bad-b061-0025904c756d"],
        &["--base-url", &localhost],
    ];
    let get = |args: &[&str]| {
        let mut cmd = sb.authed();
        cmd.arg("get").args(args).write_stdin("rotated-secret\n");
        let out = run(&mut cmd);
        out.ok();
        out.stdout
    };
    let first: Vec<String> = variants.iter().map(|args| get(args)).collect();
    let again: Vec<String> = variants.iter().map(|args| get(args)).collect();
    assert_eq!(first, again);
    let distinct: std::collections::BTreeSet<_> = first.iter().collect();
    assert_eq!(distinct.len(), 5);
    assert_eq!(sb.zuora.count(), 5);
    let json = run(sb.authed().args(["cache", "list", "-o", "json"]));
    assert_eq!(
        serde_json::from_str::<Value>(&json.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn a_damaged_entry_is_a_miss_and_is_replaced() {
    let sb = sandbox();
    let path = entry_path(&sb, &[]);
    token(&sb, &[]);
    let valid = std::fs::read_to_string(&path).unwrap();
    let mut other_version: Value = serde_json::from_str(&valid).unwrap();
    other_version["version"] = 99.into();
    for damage in [
        "garbage".to_owned(),
        String::new(),
        valid[..valid.len() / 2].to_owned(),
        other_version.to_string(),
        valid.replace("\"access_token\":\"", "\"access_token\":\"bad'$(x) "),
    ] {
        std::fs::write(&path, &damage).unwrap();
        let out = run(sb.authed().args(["get", "-v"]));
        out.ok();
        assert!(
            out.stderr.contains("is unusable"),
            "{damage:?}: {}",
            out.stderr
        );
        assert!(!out.stdout.contains("bad'"), "{}", out.stdout);
        let replaced = std::fs::read_to_string(&path).unwrap();
        assert!(
            replaced.contains(out.stdout.trim_end()),
            "the entry was replaced"
        );
    }
    assert_eq!(sb.zuora.count(), 6);
}

#[test]
fn a_cache_dir_that_cannot_be_written_is_a_warning_not_a_failure() {
    let sb = sandbox();
    let in_the_way = sb.file("not-a-dir", "");
    let dir = in_the_way.join("cache");
    let out = run(sb.authed().arg("get").arg("--cache-dir").arg(&dir));
    out.ok();
    assert_eq!(out.stdout.trim_end().len(), 32, "the token is printed");
    assert!(
        out.stderr
            .starts_with("zuora-token: warning: cannot use the token cache in"),
        "{}",
        out.stderr
    );
    let quiet = run(sb
        .authed()
        .args(["get", "-q"])
        .env("ZUORA_TOKEN_CACHE_DIR", &dir));
    quiet.ok();
    assert_eq!(quiet.stderr, "");
}

#[test]
fn cache_dir_can_be_set_by_flag_or_variable() {
    let sb = sandbox();
    let dir = sb.home().join("elsewhere");
    let a = token(&sb, &["--cache-dir", dir.to_str().unwrap()]);
    let out = run(sb.authed().env("ZUORA_TOKEN_CACHE_DIR", &dir).arg("get"));
    assert_eq!(out.stdout.trim_end(), a);
    assert_eq!(sb.zuora.count(), 1);
    assert!(!cache_dir(&sb).exists());
}

#[cfg(unix)]
#[test]
fn the_directory_is_private_and_so_are_the_files() {
    use std::os::unix::fs::PermissionsExt;
    let sb = sandbox();
    let path = entry_path(&sb, &[]);
    token(&sb, &[]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cache_dir(&sb)), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&path.with_extension("lock")), 0o600);
    let names: Vec<_> = std::fs::read_dir(cache_dir(&sb))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
}

#[test]
fn a_lock_that_is_never_released_does_not_hang_callers() {
    let sb = sandbox();
    let path = entry_path(&sb, &[]);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let held = std::fs::File::create(path.with_extension("lock")).unwrap();
    held.lock().unwrap();
    let started = Instant::now();
    let out = run(sb.authed().args(["get", "-v", "--timeout", "2"]));
    let waited = started.elapsed();
    out.ok();
    // It waited half the time left, then went without the lock.
    out.stderr_has("another process held the lock for 1.0 s; fetching without it");
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    // A valid cached token needs no lock: the lock is still held, and the
    // hit does not wait for it.
    let out = run(sb.authed().args(["get", "-v", "--timeout", "2"]));
    out.ok().stderr_has("cache: hit");
    assert!(!out.stderr.contains("held the lock"), "{}", out.stderr);
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn verbose_says_hit_miss_and_refresh() {
    let sb = sandbox();
    let says = |args: &[&str], what: &str| {
        let out = run(sb.authed().args(["get", "-v"]).args(args));
        assert!(out.stderr.contains(what), "{args:?}: {}", out.stderr);
    };
    says(&[], "cache: miss, nothing cached at");
    says(&[], "cache: hit, 359");
    says(&["--refresh"], "cache: refresh (--refresh)");
    says(&["--min-ttl", "1000"], "cache: hit, 359");
    age_entry(&entry_path(&sb, &[]), 3600, 900);
    says(
        &["--min-ttl", "1000"],
        "cache: miss, the cached token has 899 s left, less than the minimum TTL of 1000 s (from --min-ttl)",
    );
    says(&["--no-cache"], "cache: not used (--no-cache)");
}

#[test]
fn status_reports_the_cached_token_without_showing_it_or_going_online() {
    let sb = sandbox();
    let out = run(sb.authed().arg("status"));
    out.code(1);
    out.stdout_has("token:      none cached");
    let entity = "11e643f4-a3ee-8bad-b061-0025904c756d";
    let tok = token(&sb, &["--entity-id", entity]);
    let out = run(sb
        .authed()
        .env("ZUORA_ENTITY_ID", "11e643f4-a3ee-8bad-b061-0025904c7500")
        .args(["status", "--entity-id", entity]));
    out.ok().never_shows(&tok).never_shows(CLIENT_SECRET);
    for line in [
        &format!(
            "base URL:   {} (from environment variable ZUORA_BASE_URL)",
            sb.zuora.url()
        ),
        &format!("client id:  {CLIENT_ID} (from environment variable ZUORA_CLIENT_ID)"),
        "secret:     given inline, from environment variable ZUORA_CLIENT_SECRET",
        "overridden: environment variable ZUORA_ENTITY_ID, by --entity-id",
        &format!("entity id:  {entity}"),
        "token:      cached, usable",
        "(in 59m 5",
        "tenant:     19",
        &format!("entities:   {entity}"),
        "user:       7c4d5433dc234c369a01b9719ecd059f",
        "services:   echo.read",
    ] {
        assert!(out.stdout.contains(line), "{line}: {}", out.stdout);
    }
    let json = run(sb
        .authed()
        .args(["status", "-o", "json", "--entity-id", entity]));
    json.ok().never_shows(&tok);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["cached"], true);
    assert_eq!(json["usable"], true);
    assert_eq!(json["min_ttl"], 300);
    assert_eq!(json["scope"]["tenant"], "19");
    assert_eq!(json["scope"]["services"][0], "echo.read");
    assert!(json["expires_in"].as_u64().unwrap() > 3500);
    // A minimum TTL no token of Zuora's could meet asks half its life.
    let out = run(sb
        .authed()
        .args(["status", "--min-ttl", "4000", "--entity-id", entity]));
    out.ok().stdout_has("token:      cached, usable");
    // Less than the minimum TTL left: cached, but not usable.
    age_entry(&entry_path(&sb, &["--entity-id", entity]), 3600, 900);
    let out = run(sb
        .authed()
        .args(["status", "--min-ttl", "1000", "--entity-id", entity]));
    out.code(1);
    out.stdout_has("cached, but less than the minimum TTL left");
    assert_eq!(sb.zuora.count(), 1, "status makes no request");
}

#[test]
fn cache_list_and_clear() {
    let sb = sandbox();
    let other = "2d9b7e41-8c3f-4a65-b1d0-6e7f8a9b0c12";
    sb.zuora.accept(other, CLIENT_SECRET);
    let a = token(&sb, &[]);
    let b = token(&sb, &["--client-id", other]);
    let list = run(sb.cmd().args(["cache", "list"]));
    list.ok().never_shows(&a).never_shows(&b);
    assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);
    list.stdout_has(&format!(
        "{}  {CLIENT_ID}  entity -  expires ",
        sb.zuora.url()
    ));

    let out = run(sb.authed().args(["cache", "clear"]));
    out.ok();
    out.stderr_has(&format!("removed the cached token for client {CLIENT_ID}"));
    run(sb.authed().arg("status")).code(1);
    run(sb.authed().args(["status", "--client-id", other])).ok();
    let again = run(sb.authed().args(["cache", "clear"]));
    again.ok();
    again.stderr_has("no token was cached");

    let all = run(sb.cmd().args(["cache", "clear", "--all"]));
    all.ok();
    all.stderr_has("removed 1 cached token(s)");
    assert_eq!(
        run(sb.cmd().args(["cache", "list", "-o", "json"])).stdout,
        "[]\n"
    );
    assert_eq!(sb.zuora.count(), 2);
}

#[test]
fn a_cache_hit_reads_no_secret() {
    let sb = sandbox();
    let ran = sb.home().join("ran");
    sb.config(&format!(
        "default_profile = \"p\"\n[profiles.p]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\n\
         client_secret_command = \"echo >> '{}'; printf '%s' '{CLIENT_SECRET}'\"\n",
        sb.zuora.url(),
        ran.display()
    ));
    let runs = || std::fs::read_to_string(&ran).map_or(0, |r| r.lines().count());
    let first = token_with(&sb, &["get"]);
    assert_eq!(runs(), 1);
    for command in [&["get"][..], &["env"], &["get", "-o", "json"]] {
        let out = run(sb.cmd().args(command));
        out.ok();
        assert!(out.stdout.contains(&first), "{command:?}: {}", out.stdout);
    }
    run(sb.cmd().arg("status"))
        .ok()
        .stdout_has("cached, usable");
    assert_eq!(runs(), 1, "the password manager ran for the fetch only");
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn a_rotated_secret_file_keeps_its_cached_token_until_it_expires() {
    let sb = sandbox();
    let file = sb.file("secret.txt", CLIENT_SECRET);
    let get = |sb: &Sandbox| {
        let out = run(sb
            .without_secret()
            .arg("get")
            .arg("--client-secret-file")
            .arg(&file));
        out.ok();
        out.stdout
    };
    let first = get(&sb);
    std::fs::write(&file, "rotated-secret").unwrap();
    assert_eq!(get(&sb), first, "the file is not read for a cached token");
    assert_eq!(sb.zuora.count(), 1);
}

fn token_with(sb: &Sandbox, args: &[&str]) -> String {
    let out = run(sb.cmd().args(args));
    out.ok();
    out.stdout.trim_end().to_owned()
}
