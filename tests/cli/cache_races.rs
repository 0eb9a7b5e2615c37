//! The cache against itself: clears, lists and statuses beside a herd of
//! gets, a directory swapped under a process, and a failure shared between
//! callers whose settings came from different places. Each waits on the
//! fake's gate (a request held until the test releases it), never a sleep.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use zuora_token_testkit::{CLIENT_SECRET, Reply, run};

use crate::cache::{age_entry, entry_path, token};
use crate::{finish, sandbox, start};

const ENTITY: &str = "11e643f4-a3ee-8bad-b061-0025904c756d";

/// What `-v` says when a process starts waiting on an entry's lock.
const WAITING: &str = "cache: another process is asking Zuora; waiting";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `<entry>.tmp.crash`: what a crash between writing and renaming leaves.
fn leftover(entry: &Path) -> PathBuf {
    let mut name = entry.file_name().unwrap().to_owned();
    name.push(".tmp.crash");
    entry.with_file_name(name)
}

#[test]
fn clears_lists_and_statuses_beside_a_herd_of_gets_all_succeed() {
    let sb = sandbox();
    // A stale token for the herd (100 s left, under the minimum TTL of
    // 300), another identity's token, and a crash's leftover for each.
    let stale = token(&sb, &[]);
    let herds = entry_path(&sb, &[]);
    age_entry(&herds, 3600, 100);
    token(&sb, &["--entity-id", ENTITY]);
    let others = entry_path(&sb, &["--entity-id", ENTITY]);
    for entry in [&herds, &others] {
        std::fs::write(leftover(entry), "{").unwrap();
    }
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);

    // One get takes the herd's lock and waits on Zuora; the other 19 wait
    // on the lock, each saying so under -v before the clears start.
    sb.zuora.hold();
    let (waiting, waited) = std::sync::mpsc::channel();
    let gets: Vec<(Child, std::thread::JoinHandle<String>)> = (0..20)
        .map(|_| {
            let mut get = start(&sb, &["get", "-v", "--timeout", "120"]);
            let stderr = BufReader::new(get.stderr.take().unwrap());
            let waiting = waiting.clone();
            let said = std::thread::spawn(move || {
                let mut said = String::new();
                for line in stderr.lines() {
                    let line = line.unwrap();
                    if line.contains(WAITING) {
                        let _ = waiting.send(());
                    }
                    said.push_str(&line);
                    said.push('\n');
                }
                said
            });
            (get, said)
        })
        .collect();
    sb.zuora.wait_for_requests(3);
    for _ in 0..19 {
        // A guard against a hang should one never wait, not a bound on speed.
        waited
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("19 gets wait on the lock");
    }
    let mut others_at_once: Vec<(&str, Child)> = Vec::new();
    for _ in 0..10 {
        others_at_once.push(("clear --all", start(&sb, &["cache", "clear", "--all"])));
    }
    for _ in 0..5 {
        others_at_once.push(("clear", start(&sb, &["cache", "clear"])));
        others_at_once.push(("list", start(&sb, &["cache", "list"])));
        others_at_once.push(("status", start(&sb, &["status"])));
    }
    let (what, children): (Vec<_>, Vec<_>) = others_at_once.into_iter().unzip();
    for (what, out) in what.into_iter().zip(finish(children)) {
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(!stderr.contains("error"), "{what}: {stderr}");
        match what {
            // Its answer, not a failure: no usable token is cached (the
            // stale one, or none once a clear removed it).
            "status" => {
                assert_eq!(out.status.code(), Some(1), "{what}: {stdout}{stderr}");
                assert!(stdout.contains("token:"), "{stdout}");
            }
            _ => assert!(out.status.success(), "{what}: {stdout}{stderr}"),
        }
    }
    // The clears removed the entries, and the leftover of the entry whose
    // lock no one held, but not the temporary file of the entry being
    // fetched (it could have been a write under way), nor a lock file.
    assert!(!herds.exists() && !others.exists());
    assert!(!leftover(&others).exists());
    assert!(leftover(&herds).exists());
    assert!(herds.with_extension("lock").exists());

    sb.zuora.release();
    let tokens: std::collections::BTreeSet<String> = gets
        .into_iter()
        .map(|(get, said)| {
            let out = get.wait_with_output().unwrap();
            let said = said.join().unwrap();
            assert!(out.status.success(), "{said}");
            text(&out.stdout).trim_end().to_owned()
        })
        .collect();
    assert_eq!(tokens.len(), 1, "every get printed the same token");
    let fetched = tokens.into_iter().next().unwrap();
    assert_eq!(fetched.len(), 32);
    assert_ne!(fetched, stale);
    // The clears all ended before the token was stored: nothing they did
    // cost a request.
    assert_eq!(sb.zuora.count_path("/oauth/token"), 3, "one for the herd");

    run(sb.authed().arg("status")).ok();
    assert_eq!(token(&sb, &[]), fetched);
    let list = run(sb.authed().args(["cache", "list", "-o", "json"]));
    let list: serde_json::Value = serde_json::from_str(&list.ok().stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    // With no one holding its lock, the leftover is a crash's: cleared.
    run(sb.cmd().args(["cache", "clear", "--all"])).ok();
    assert!(!leftover(&herds).exists());
    assert_eq!(sb.zuora.count_path("/oauth/token"), 3);
}

#[cfg(unix)]
#[test]
fn a_directory_swapped_mid_run_neither_hands_out_nor_receives_a_token() {
    let sb = sandbox();
    let home = sb.home();
    let (main, moved, other) = (home.join("main"), home.join("moved"), home.join("other"));
    let dir = |path: &Path| format!("--cache-dir={}", path.display());
    // Another directory holds a valid token for the same identity.
    let theirs = token(&sb, &[&dir(&other)]);
    let entry = entry_path(&sb, &[&dir(&other)]);
    let name = entry.file_name().unwrap().to_owned();
    let stored = |dir: &Path| std::fs::read_to_string(dir.join(&name)).unwrap();

    for swap in ["another directory", "a symbolic link"] {
        let _ = std::fs::remove_dir_all(&main);
        let _ = std::fs::remove_dir_all(&moved);
        let _ = std::fs::remove_file(&main);
        sb.zuora.hold();
        let asked = sb.zuora.count_path("/oauth/token");
        let get = start(&sb, &["get", "--timeout", "120", &dir(&main)]);
        // It opened `main`, found nothing, took the lock and asked Zuora.
        sb.zuora.wait_for_requests(asked + 1);
        std::fs::rename(&main, &moved).unwrap();
        match swap {
            "another directory" => {
                std::fs::rename(&other, &main).unwrap();
            }
            _ => std::os::unix::fs::symlink(&other, &main).unwrap(),
        }
        sb.zuora.release();
        let out = get.wait_with_output().unwrap();
        assert!(out.status.success(), "{swap}: {}", text(&out.stderr));
        let mine = text(&out.stdout).trim_end().to_owned();
        assert_ne!(mine, theirs, "{swap}");
        // Stored where it was opened, not into the directory swapped in.
        assert!(stored(&moved).contains(&mine), "{swap}");
        assert!(stored(&main).contains(&theirs), "{swap}");
        if swap == "another directory" {
            std::fs::rename(&main, &other).unwrap();
        }
    }
    // A process started now finds a link in the cache directory's place:
    // it does not follow it to their token.
    let out = run(sb.authed().args(["get", &dir(&main)]));
    out.ok()
        .stderr_has("it is a symbolic link; the token is not cached");
    assert_ne!(out.stdout.trim_end(), theirs);
    assert_eq!(sb.zuora.count_path("/oauth/token"), 4);
}

#[test]
fn a_shared_failure_names_each_callers_own_secret_source() {
    let sb = sandbox();
    sb.zuora.then(Reply::status(
        401,
        r#"{"error":"invalid_client","error_description":"Bad credentials"}"#,
    ));
    sb.zuora.hold();
    // The secret from the environment: this one asks Zuora.
    let asker = start(&sb, &["get"]);
    sb.zuora.wait_for_requests(1);
    // The same secret from a flag: the same entry, so it waits on the
    // lock for the outcome.
    let mut waiter = sb
        .spawnable()
        .env_remove("ZUORA_CLIENT_SECRET")
        .args(["get", "-v", "--client-secret", CLIENT_SECRET])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(waiter.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains(WAITING) {
        assert_ne!(stderr.read_line(&mut said).unwrap(), 0, "{said}");
    }
    sb.zuora.release();
    stderr.read_to_string(&mut said).unwrap();
    let waited = waiter.wait_with_output().unwrap();
    let asked = asker.wait_with_output().unwrap();
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1, "one request");
    assert_eq!(asked.status.code(), Some(3));
    assert_eq!(waited.status.code(), Some(3));
    let hint = |stderr: &str| {
        stderr
            .lines()
            .find(|line| line.contains("check the client id"))
            .unwrap_or_else(|| panic!("no hint: {stderr}"))
            .to_owned()
    };
    let asked = hint(&text(&asked.stderr));
    assert!(
        asked.contains("secret (given inline, from environment variable ZUORA_CLIENT_SECRET)"),
        "{asked}"
    );
    assert!(said.contains("Bad credentials"), "the same failure: {said}");
    let waited = hint(&said);
    assert!(
        waited.contains("secret (given inline, from --client-secret)"),
        "{waited}"
    );
    assert!(!waited.contains("ZUORA_CLIENT_SECRET"), "{waited}");
    assert!(!said.contains(CLIENT_SECRET));
}
