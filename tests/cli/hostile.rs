//! A hostile disk, a hostile server and a careless environment: what lies
//! in the cache is checked before it is used, files are read bounded in
//! size and time, the secret stays in, and the environment is read as users
//! mean it.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;
use zuora_token_testkit::{CLIENT_SECRET, Reply, Run, Sandbox, have, run, skip};

use crate::cache::{entry_path, token};
use crate::herd::MISSED;
use crate::{run_get, sandbox};

/// Makes a FIFO at `path`; false (and a skip note) where mkfifo is missing.
fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    let ok = made.is_ok_and(|s| s.success());
    if !ok {
        skip("mkfifo failed");
    }
    ok
}

/// Runs `get` with `args` and a deadline past the hang guard's: a read
/// that waited for what is in the cache's place, until the deadline or
/// for ever, ends the test as a hang instead of passing.
fn quick_get(sb: &Sandbox, args: &[&str]) -> Run {
    run_get(sb, &[&["--timeout", "600"], args].concat(), &[])
}

/// The entry's JSON, edited by `edit`.
fn edit_entry(path: &Path, edit: impl FnOnce(&mut Value)) {
    let mut entry: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut entry);
    std::fs::write(path, entry.to_string()).unwrap();
}

fn now_ms() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    u64::try_from(now.unwrap().as_millis()).unwrap()
}

#[test]
fn what_is_not_a_cache_entry_in_its_place_is_a_miss_not_a_hang() {
    let sb = sandbox();
    let path = entry_path(&sb, &[]);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    if !mkfifo(&path) {
        return;
    }
    let out = quick_get(&sb, &["-v"]);
    out.ok()
        .stderr_has("is unusable (cannot read it: it is a pipe, not a file)");
    // They end (a run that hangs is killed, and fails the test).
    for command in [&["status"][..], &["cache", "list"]] {
        run(sb.authed().args(command));
    }
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let out = quick_get(&sb, &["-v"]);
    out.ok()
        .stderr_has("(cannot read it: it is a symbolic link, not a file)");
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    quick_get(&sb, &[])
        .ok()
        .stderr_has("cannot write the token cache");
    assert_eq!(sb.zuora.count(), 3, "each was a miss");
}

/// A file planted in the cache directory under a name with a terminal's
/// escape in it is listed as unusable, its name escaped.
#[test]
fn cache_list_escapes_a_planted_files_name() {
    let sb = sandbox();
    run(sb.authed().arg("get")).ok();
    let dir = entry_path(&sb, &[]).parent().unwrap().to_owned();
    std::fs::write(dir.join("\u{1b}]0;owned\u{7}.json"), "{}").unwrap();
    let out = run(sb.authed().args(["cache", "list"]));
    let out = out.ok();
    out.stdout_has("\\u{1b}]0;owned\\u{7}.json: unusable");
    assert!(!out.stdout.contains('\u{1b}'), "{:?}", out.stdout);
}

/// A directory planted under an entry's kind of name does not stop
/// `cache clear --all` from removing the tokens beside it, and is left
/// where it is.
#[test]
fn cache_clear_passes_over_a_planted_directory() {
    let sb = sandbox();
    run(sb.authed().arg("get")).ok();
    let dir = entry_path(&sb, &[]).parent().unwrap().to_owned();
    let planted = dir.join("0000.json");
    std::fs::create_dir(&planted).unwrap();
    std::fs::write(planted.join("keep"), "x").unwrap();
    run(sb.cmd().args(["cache", "clear", "--all"]))
        .ok()
        .stderr_has("removed 1 cached token(s)");
    assert!(!entry_path(&sb, &[]).exists());
    assert!(planted.join("keep").exists());
}

#[test]
fn an_entry_proves_whose_it_is_and_when() {
    let sb = sandbox();
    let path = entry_path(&sb, &[]);
    let first = token(&sb, &[]);
    // Another base URL in the entry: a warning, a miss, and the right one.
    edit_entry(&path, |e| e["base_url"] = "https://evil.example.com".into());
    let out = run(sb.authed().arg("env"));
    out.ok()
        .stderr_has("was stored for another base URL; ignoring it")
        .stdout_has(&format!("export ZUORA_BASE_URL='{}';", sb.zuora.url()));
    assert_eq!(sb.zuora.count(), 2);
    // Another secret's: a miss.
    edit_entry(&path, |e| e["secret_fingerprint"] = "00".repeat(16).into());
    quick_get(&sb, &[]).ok().stderr_has("another secret");
    // Obtained in the future: not trusted, even by --refresh's waiters.
    let future = now_ms() + 24 * 3600 * 1000;
    edit_entry(&path, |e| e["obtained_at_ms"] = future.into());
    quick_get(&sb, &["-v"])
        .ok()
        .stderr_has("obtained in the future");
    // Living longer than a token can: not trusted.
    edit_entry(&path, |e| {
        e["expires_at_ms"] = (now_ms() + 48 * 3600 * 1000).into()
    });
    quick_get(&sb, &["-v"])
        .ok()
        .stderr_has("expires later than a token can live");
    assert_eq!(sb.zuora.count(), 5);
    assert_ne!(token(&sb, &[]), first);
    assert_eq!(sb.zuora.count(), 5, "the last one is cached");
}

#[test]
fn an_expiry_past_a_day_is_cut_to_a_day_with_a_warning() {
    let sb = sandbox();
    sb.zuora.expires_in("31536000");
    let out = run_get(&sb, &["-o", "json"], &[]);
    out.ok()
        .stderr_has("it is believed (and cached) for at most 86400 s");
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(json["expires_in"].as_u64().unwrap() <= 86400, "{json}");
    assert_eq!(
        json["access_token"].as_str(),
        Some(token(&sb, &[]).as_str())
    );
    assert_eq!(sb.zuora.count(), 1);
}

#[test]
fn the_largest_token_the_client_accepts_is_cached() {
    let sb = sandbox();
    // Within the 1 MiB a token response may have: the cache holds it, so
    // it does not turn every call into a request.
    let huge = "t".repeat(1000 * 1024);
    let body = format!(r#"{{"access_token":"{huge}","expires_in":3599,"token_type":"bearer"}}"#);
    sb.zuora.then(Reply::status(200, body));
    let out = run_get(&sb, &[], &[]);
    out.ok();
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout.trim_end(), huge);
    assert_eq!(token(&sb, &[]), huge);
    assert_eq!(sb.zuora.count(), 1, "the second was a cache hit");
}

#[test]
fn a_cache_directory_others_can_write_to_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let sb = sandbox();
    let dir = sb.home().join("shared-cache");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let args = ["--cache-dir", dir.to_str().unwrap()];
    let out = run_get(&sb, &args, &[]);
    out.ok()
        .stderr_has("others than its owner can write to it (mode 777); the token is not cached");
    assert_eq!(out.stdout.trim_end().len(), 32);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );
    run(sb.authed().args(["cache", "list"]).args(args)).code(1);
    // Owned by another user (only root can give a directory away).
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        skip("not root: cannot give the cache directory to another user");
        return;
    }
    std::os::unix::fs::chown(&dir, Some(65534), None).unwrap();
    run_get(&sb, &args, &[])
        .ok()
        .stderr_has("it belongs to another user");
}

#[test]
fn a_lock_file_that_is_a_link_is_not_followed() {
    let sb = sandbox();
    let entry = entry_path(&sb, &[]);
    std::fs::create_dir_all(entry.parent().unwrap()).unwrap();
    let target = sb.home().join("elsewhere");
    std::os::unix::fs::symlink(&target, entry.with_extension("lock")).unwrap();
    let out = run_get(&sb, &[], &[]);
    out.ok()
        .stderr_has("its lock file is a symbolic link; the token is not cached");
    assert!(!target.exists(), "the link was not followed");
}

#[test]
fn settings_files_are_read_bounded_and_pipes_still_work() {
    let sb = sandbox();
    let fifo = sb.home().join("fifo");
    if !mkfifo(&fifo) {
        return;
    }
    let directory = sb.home().to_path_buf();
    for (path, says) in [
        (fifo.as_path(), "it is a pipe that nothing wrote to"),
        (Path::new("/dev/zero"), "it is a device, not a file"),
        (directory.as_path(), "it is a directory, not a file"),
    ] {
        // Refused for what they are, before any read that could block.
        let secret = run(sb
            .without_secret()
            .arg("get")
            .arg("--client-secret-file")
            .arg(path));
        secret.code(2).stderr_has(&format!(
            "cannot read the client secret file {} (from --client-secret-file): {says}",
            path.display()
        ));
        let config = run(sb.authed().arg("get").arg("--config").arg(path));
        config.code(2).stderr_has(&format!(
            "cannot read the config file {} (from --config): {says}",
            path.display()
        ));
    }
    assert_eq!(sb.zuora.count(), 0);
    if !have("bash") {
        return;
    }
    // Process substitution, with writers that take their time: each waits
    // on a gate (a FIFO) that the test opens. The config's opens once the
    // binary has been started; the secret's once the binary has said
    // (under -v) that the cache is empty, which it says after reading the
    // config and just before reading the secret. The binary waits for each
    // writer, under its deadline. A writer's stderr is not the shell's, so
    // that one left waiting cannot keep the test's pipe open.
    let config_gate = sb.home().join("config-gate");
    let secret_gate = sb.home().join("secret-gate");
    if !mkfifo(&config_gate) || !mkfifo(&secret_gate) {
        return;
    }
    let script = format!(
        r#""$ZT" -v get --client-secret-file <(exec 2>/dev/null; read -r _ <"$HOME/secret-gate"; printf '%s\r\n' '{CLIENT_SECRET}') \
            --config <(exec 2>/dev/null; read -r _ <"$HOME/config-gate"; printf '[profiles.p]\n')"#
    );
    let mut shell = sb
        .shell_command("bash", &script)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let open_gate = |gate: &Path| std::fs::write(gate, "\n").unwrap();
    open_gate(&config_gate);
    let mut stderr = BufReader::new(shell.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains(MISSED) && stderr.read_line(&mut said).unwrap() > 0 {}
    open_gate(&secret_gate);
    stderr.read_to_string(&mut said).unwrap();
    let status = shell.wait().unwrap();
    assert!(status.success(), "{status:?}: {said}");
    assert!(said.contains(MISSED), "{said}");
    assert_eq!(
        sb.zuora.only_request().field("client_secret"),
        Some(CLIENT_SECRET)
    );
}

#[test]
fn the_secret_is_trimmed_from_every_source_and_empty_paths_are_unset() {
    let sb = sandbox();
    let with_bom = sb.file("secret.txt", &format!("\u{feff}{CLIENT_SECRET}\r\n"));
    run_get(
        &sb,
        &["--no-cache"],
        &[("ZUORA_CLIENT_SECRET", &format!("{CLIENT_SECRET}\n"))],
    )
    .ok();
    run(sb
        .without_secret()
        .args(["get", "--no-cache", "--client-secret-file"])
        .arg(&with_bom))
    .ok();
    let empty = [
        ("ZUORA_TOKEN_CONFIG", ""),
        ("ZUORA_CLIENT_SECRET_FILE", ""),
        ("ZUORA_TOKEN_CACHE_DIR", ""),
        ("ZUORA_CA_BUNDLE", ""),
    ];
    run_get(&sb, &[], &empty).ok();
    let sent: Vec<_> = sb
        .zuora
        .requests()
        .iter()
        .map(|r| r.field("client_secret").map(str::to_owned))
        .collect();
    assert_eq!(sent, vec![Some(CLIENT_SECRET.to_owned()); 3]);
}

#[test]
fn a_secret_echoed_in_a_header_is_never_printed() {
    let sb = sandbox();
    let echo = |status: u16| {
        Reply::status(status, r#"{"message":"no"}"#)
            .header("Zuora-Request-Id", CLIENT_SECRET)
            .header("Zuora-Track-Id", CLIENT_SECRET)
            .header("Location", CLIENT_SECRET)
    };
    for args in [&["--no-cache"][..], &["--no-cache", "-v"]] {
        sb.zuora.then(echo(401));
        run_get(&sb, args, &[]).code(3).never_shows(CLIENT_SECRET);
        sb.zuora.then(echo(307));
        run_get(&sb, args, &[]).code(6).never_shows(CLIENT_SECRET);
    }
    let out = run_get(&sb, &["--no-cache", "-v"], &[]);
    out.ok().stderr_has("-> 200 OK");
}

#[test]
fn status_escapes_control_characters_from_the_server() {
    let sb = sandbox();
    sb.zuora.then(Reply::status(
        200,
        r#"{"access_token":"tok","expires_in":3599,"token_type":"bearer","scope":"tenant.1\u001b[2J other\u0007"}"#,
    ));
    token(&sb, &[]);
    let out = run(sb.authed().arg("status"));
    out.ok();
    assert!(
        !out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{7}'),
        "{:?}",
        out.stdout
    );
    out.stdout_has("1\\u{1b}[2J");
}

#[test]
fn a_socks_proxy_is_used_not_bypassed() {
    let sb = sandbox();
    let proxy = sb.zuora.url().replace("http://", "");
    // socks5h: the proxy resolves the host name, as curl has it.
    let out = run(sb
        .authed()
        .env_remove("ZUORA_BASE_URL")
        .env("HTTPS_PROXY", format!("socks5h://{proxy}"))
        .args(["get", "--no-cache", "--retries", "0", "-e", "prod-eu"]));
    out.code(5);
    // socks5: resolved here first (localhost, so that no name leaves the
    // machine), the proxy gets the address.
    let out = run(sb
        .authed()
        .env("ALL_PROXY", format!("socks5://{proxy}"))
        .args([
            "get",
            "--no-cache",
            "--retries",
            "0",
            "--base-url",
            "https://localhost:9",
        ]));
    out.code(5);
    let asked: Vec<(String, String)> = sb
        .zuora
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    let socks = |path: &str| ("SOCKS5".to_owned(), path.to_owned());
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert_eq!(asked[0], socks("rest.eu.zuora.com:443"));
    assert!(
        [socks("127.0.0.1:9"), socks("[::1]:9")].contains(&asked[1]),
        "{asked:?}"
    );
}

#[test]
fn exec_leaves_the_secret_out_of_the_commands_environment() {
    let sb = sandbox();
    let file = sb.file("secret.txt", CLIENT_SECRET);
    for (variable, value) in [
        ("ZUORA_CLIENT_SECRET", CLIENT_SECRET.to_owned()),
        ("ZUORA_CLIENT_SECRET_FILE", file.display().to_string()),
    ] {
        let out = run(sb
            .without_secret()
            .env(variable, &value)
            .args(["exec", "--", "env"]));
        out.ok().never_shows(CLIENT_SECRET);
        assert!(!out.stdout.contains(variable), "{}", out.stdout);
        out.stdout_has("ZUORA_ACCESS_TOKEN=");
    }
}

#[test]
fn a_fetch_killed_for_a_core_dump_leaves_no_core_with_the_secret() {
    use std::os::unix::process::ExitStatusExt;
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    if pattern.starts_with('|') || !have("sh") {
        skip("core files go to a helper program here, out of the test's sight");
        return;
    }
    let sb = sandbox();
    // The fake holds its answer: the process is killed while it waits for
    // Zuora, the secret in its memory.
    sb.zuora.hold();
    // A process that may dump, killed once `ready` says it is running (a
    // line on its stdout, or with `None` a request at the fake), shows
    // whether this system writes cores here.
    let dumps = |script: &str, ready: Option<&str>| {
        let mut child = std::process::Command::new("sh")
            .args([
                "-c",
                &format!("ulimit -c unlimited; cd \"$1\"; {script}"),
                "sh",
            ])
            .arg(sb.home())
            .env_clear()
            .envs([("PATH", std::env::var_os("PATH").unwrap_or_default())])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        match ready {
            Some(ready) => {
                let mut line = String::new();
                stdout.read_line(&mut line).unwrap();
                assert_eq!(line.trim_end(), ready);
            }
            None => {
                sb.zuora.wait_for_requests(1);
            }
        }
        // SAFETY: signals our own child.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGQUIT) };
        let status = child.wait().unwrap();
        (status.signal(), status.core_dumped())
    };
    let cores = |home: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(home)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("core"))
            .collect()
    };
    // The control: a shell, killed while it waits to read a line.
    let (_, control) = dumps("echo ready; read -r _", Some("ready"));
    if !control {
        sb.zuora.release();
        skip("this system writes no core files");
        return;
    }
    for core in cores(sb.home()) {
        std::fs::remove_file(core).unwrap();
    }
    let zt = format!(
        "exec env ZUORA_BASE_URL={} ZUORA_CLIENT_ID={} ZUORA_CLIENT_SECRET='{CLIENT_SECRET}' XDG_CACHE_HOME=. {} get",
        sb.zuora.url(),
        zuora_token_testkit::CLIENT_ID,
        crate::bin()
    );
    let (signal, dumped) = dumps(&zt, None);
    sb.zuora.release();
    assert_eq!(signal, Some(libc::SIGQUIT));
    assert!(!dumped, "zuora-token dumped core");
    assert_eq!(
        cores(sb.home()),
        Vec::<std::path::PathBuf>::new(),
        "no core file"
    );
}
