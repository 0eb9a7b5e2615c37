//! The integration tests: the real binary, and the library, against the
//! fake Zuora on 127.0.0.1 (`zuora-token-testkit`). One test binary, so that
//! it links once and every part of the test support is used by something.
//!
//! Unix only: they drive the binary through Unix shells, file modes, FIFOs,
//! symbolic links and signals. The Windows build is run under Wine by
//! tests/windows/run.sh instead.
#![cfg(unix)]

mod action;
mod agent;
mod api;
mod api_attacks;
mod cache;
mod cache_races;
mod commands;
mod completion;
mod curl;
mod demo;
mod errors;
mod headers;
mod herd;
mod hostile;
// The Secret Service on a D-Bus session, and D-Bus addresses that fail.
#[cfg(all(target_os = "linux", feature = "keyring"))]
mod keyring;
mod library;
mod man;
mod output;
mod readme;
mod release;
mod request;
mod resilience;
mod scope;
mod settings;
mod token_url;

use zuora_token_testkit::{Reply, Run, Sandbox, run};

/// The binary under test: the one this build made, or the one that
/// `ZUORA_TOKEN_BIN` names (CI runs the suite again against the static musl
/// build that way). Made absolute, for tests that run it from elsewhere.
fn bin() -> &'static str {
    static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BIN.get_or_init(|| match std::env::var_os("ZUORA_TOKEN_BIN") {
        Some(path) if !path.is_empty() => std::fs::canonicalize(&path)
            .unwrap_or_else(|e| panic!("ZUORA_TOKEN_BIN={}: {e}", path.display()))
            .into_os_string()
            .into_string()
            .expect("ZUORA_TOKEN_BIN is UTF-8"),
        _ => env!("CARGO_BIN_EXE_zuora-token").to_owned(),
    })
}

/// An example program, which `cargo test` builds beside the test binary.
fn example(name: &str) -> std::path::PathBuf {
    let deps = std::env::current_exe().unwrap();
    let path = deps.parent().unwrap().with_file_name("examples").join(name);
    assert!(
        path.exists(),
        "{} is not built: run the tests with `cargo test`, which builds the examples",
        path.display()
    );
    path
}

/// A sandbox for the binary under test, with a fake Zuora of its own.
fn sandbox() -> Sandbox {
    Sandbox::new(bin())
}

/// `n` processes of the binary with working credentials, `args`, and
/// `env` besides, started while the fake holds its answers; it lets them go only when
/// `more` requests have arrived besides those made before, and (with
/// `ready`) each process has written a line holding `ready` on stderr (a
/// line of its `-v` trail, read as it comes). So every process has got that
/// far before any answer exists: the overlap a race test needs, by events,
/// not by a slow server. Their runs, in order.
fn held_burst(
    sb: &Sandbox,
    n: usize,
    args: &[&str],
    env: &[(&str, &str)],
    ready: Option<&str>,
    more: usize,
) -> Vec<Run> {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    use std::sync::mpsc;
    let before = sb.zuora.count();
    sb.zuora.hold();
    let (said, heard) = mpsc::channel();
    let children: Vec<_> = (0..n)
        .map(|_| {
            let mut child = sb
                .spawnable()
                .args(args)
                .envs(env.iter().copied())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let stderr = BufReader::new(child.stderr.take().unwrap());
            let said = said.clone();
            let ready = ready.map(str::to_owned);
            // Each line as it comes; `ready`'s is told (or the end
            // without it), the whole is kept.
            let lines = std::thread::spawn(move || {
                let mut kept = String::new();
                let mut told = ready.is_none();
                for line in stderr.lines() {
                    let line = line.unwrap();
                    if !told && ready.as_ref().is_some_and(|r| line.contains(r.as_str())) {
                        told = true;
                        let _ = said.send(true);
                    }
                    kept.push_str(&line);
                    kept.push('\n');
                }
                if !told {
                    let _ = said.send(false);
                }
                kept
            });
            let mut stdout = child.stdout.take().unwrap();
            let printed = std::thread::spawn(move || {
                let mut printed = String::new();
                stdout.read_to_string(&mut printed).unwrap();
                printed
            });
            (child, lines, printed)
        })
        .collect();
    drop(said);
    let mut all_ready = true;
    if let Some(ready) = ready {
        for _ in 0..n {
            match heard.recv_timeout(zuora_token_testkit::HANG) {
                Ok(true) => {}
                Ok(false) => all_ready = false,
                Err(e) => panic!("waited for every process to say {ready:?}: {e}"),
            }
        }
    }
    if all_ready {
        sb.zuora.wait_for_requests(before + more);
    }
    sb.zuora.release();
    let runs: Vec<Run> = children
        .into_iter()
        .map(|(mut child, lines, printed)| {
            let status = child.wait().unwrap();
            Run {
                code: status.code().expect("exited, not killed"),
                stdout: printed.join().unwrap(),
                stderr: lines.join().unwrap(),
            }
        })
        .collect();
    assert!(
        all_ready,
        "a process ended without saying {ready:?}: {runs:#?}"
    );
    runs
}

/// Starts `n` processes of the binary with working credentials and
/// `args`, all at once, and waits for each; their outputs, in order. How
/// they overlap is up to the machine: for a test that holds whatever the
/// interleaving ([`held_burst`] makes them overlap).
fn in_parallel(sb: &Sandbox, n: usize, args: &[&str]) -> Vec<std::process::Output> {
    finish((0..n).map(|_| start(sb, args)).collect())
}

/// Starts the binary with working credentials and `args`, its output piped.
fn start(sb: &Sandbox, args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    sb.spawnable()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for each of `children`; their outputs, in order.
fn finish(children: Vec<std::process::Child>) -> Vec<std::process::Output> {
    children
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect()
}

/// `get ARGS` with working credentials and `env` besides.
fn run_get(sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Run {
    run(sb.authed().arg("get").args(args).envs(env.iter().copied()))
}

/// The fake's own check, which every test relies on: a reply queued for a
/// request that never came fails the test.
#[test]
#[should_panic(expected = "1 queued replies were never asked for")]
fn the_fake_fails_a_test_whose_expected_request_never_came() {
    let sb = sandbox();
    sb.zuora.then(Reply::status(500, "{}"));
}

/// The status the fake's REST API answers to `GET path` with `token`.
fn rest_status(sb: &Sandbox, path: &str, token: Option<&str>) -> u16 {
    use std::io::{Read, Write};
    let address = sb.zuora.url().trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    let authorization = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: fake\r\nConnection: close\r\n{authorization}\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response[9..12].parse().unwrap()
}

/// The fake's REST slice, which the README's examples call: only a token
/// it issued, unexpired and not revoked, gets an answer.
#[test]
fn the_fakes_rest_api_takes_only_its_own_live_tokens() {
    let sb = sandbox();
    let token = run_get(&sb, &["--no-cache"], &[])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let products = "/v1/catalog/products";
    assert_eq!(rest_status(&sb, products, Some(&token)), 200);
    assert_eq!(
        rest_status(&sb, "/v1/accounts/A00000001", Some(&token)),
        200
    );
    assert_eq!(rest_status(&sb, "/v1/accounts/A-1", Some(&token)), 404);
    assert_eq!(rest_status(&sb, products, None), 401);
    assert_eq!(
        rest_status(&sb, products, Some("0123456789abcdef0123456789abcdef")),
        401
    );
    sb.zuora.revoke_tokens();
    assert_eq!(rest_status(&sb, products, Some(&token)), 401);
    sb.zuora.expires_in("0.2");
    let short = run_get(&sb, &["--no-cache"], &[])
        .ok()
        .stdout
        .trim()
        .to_owned();
    assert_eq!(rest_status(&sb, products, Some(&short)), 200);
    sb.zuora.expire_tokens();
    assert_eq!(rest_status(&sb, products, Some(&short)), 401);
}

/// The fake's gate, which race tests wait on instead of sleeping: a held
/// request is recorded but not answered, so the client is still waiting
/// when the test acts; released, it gets its answer.
#[test]
fn the_fake_holds_answers_until_released() {
    use std::process::Stdio;
    let sb = Sandbox::new(bin());
    sb.zuora.hold();
    let mut child = sb
        .spawnable()
        .args(["get", "--no-cache"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert_eq!(sb.zuora.wait_for_requests(1), 1);
    assert!(child.try_wait().unwrap().is_none(), "answered while held");
    sb.zuora.release();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);
}
