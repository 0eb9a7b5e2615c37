//! `login`, `logout` and the secret from the OS keyring, against a real
//! Secret Service: GNOME Keyring on a D-Bus session of the test's own
//! (`dbus-run-session`), its keyring files in the sandbox's home, so that
//! what one command stores the next one finds. Each command runs in a
//! session of its own, as a user's commands would. Where the two programs
//! are missing, those tests skip, saying so (CI installs them, and there a
//! daemon that does not start fails the test). And without any keyring:
//! no bus, or a bus that never answers, is a clear error within the
//! deadline.

use std::os::unix::net::UnixListener;

use assert_cmd::Command;
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, Run, Sandbox, have, run, skip};

use crate::sandbox;

/// Runs its arguments (the binary and its own) in a D-Bus session of its
/// own with GNOME Keyring's Secret Service on it, the login keyring (made
/// on first use) unlocked with a test password. The bus and the daemon get
/// neither the command's standard streams (whose pipes would stay open
/// after the command, and which dbus-daemon writes notes to) nor a chance
/// to outlive it: the daemon runs in the foreground, its name on the bus
/// is waited for (`gdbus wait`, which watches the bus for it, so that the
/// bus never starts a daemon of its own; its timeout is a hang guard), and
/// it is stopped after.
const SESSION: &str = r#"exec 3<&0 4>&1 5>&2
exec dbus-run-session -- sh -c '
printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets 3<&- 4>&- 5>&- &
keyring=$!
if ! gdbus wait --session --timeout 120 org.freedesktop.secrets 3<&- 4>&- 5>&-; then
  echo "gnome-keyring-daemon did not come up on the bus" >&5
  kill $keyring; exit 125
fi
"$@" <&3 >&4 2>&5 3<&- 4>&- 5>&-
status=$?
kill $keyring; wait $keyring
exit $status
' sh "$@" </dev/null >/dev/null 2>&1"#;

/// The binary in a D-Bus session with a Secret Service, with the fake's
/// base URL and client id and no other secret source; `None` (the test
/// skips, saying why) where there can be no such session here.
fn keyring(sb: &Sandbox) -> Option<impl Fn() -> Command + '_> {
    if !have("dbus-run-session") || !have("gdbus") || !have("gnome-keyring-daemon") {
        return None;
    }
    let cmd = move || {
        let mut cmd = sb.launched(&["sh", "-c", SESSION, "sh"]);
        cmd.env("ZUORA_BASE_URL", sb.zuora.url())
            .env("ZUORA_CLIENT_ID", CLIENT_ID);
        cmd
    };
    // Whether the daemon answers: `logout` with nothing stored says so.
    let probe = run(cmd().arg("logout"));
    if probe.code != 0 {
        let why = format!("no Secret Service here: {}", probe.stderr.trim());
        assert!(std::env::var_os("CI").is_none(), "in CI, {why}");
        skip(&why);
        return None;
    }
    Some(cmd)
}

/// `login` with `secret` on standard input.
fn login(cmd: &mut Command, secret: &str) -> Run {
    run(cmd.arg("login").write_stdin(secret))
}

/// No D-Bus session bus at all, as on a headless CI runner.
const NO_BUS: &str = "unix:path=/nonexistent/zuora-token-test-bus";

/// The binary with the fake's base URL and client id, no other secret
/// source, and the session bus at `address`.
fn on_bus(sb: &Sandbox, address: &str) -> Command {
    let mut cmd = sb.without_secret();
    cmd.env("DBUS_SESSION_BUS_ADDRESS", address);
    cmd
}

#[test]
fn login_stores_the_secret_that_get_then_sends() {
    let sb = sandbox();
    let Some(keyring) = keyring(&sb) else { return };
    let stored = login(&mut keyring(), &format!("{CLIENT_SECRET}\n"));
    stored.ok().never_shows(CLIENT_SECRET);
    stored.stderr_has(&format!(
        "stored the client secret in the keyring entry for client id \"{CLIENT_ID}\" at {}",
        sb.zuora.url()
    ));
    let got = run(keyring().args(["get", "--no-cache"]));
    got.ok().never_shows(CLIENT_SECRET);
    assert_eq!(got.stderr, "");
    let request = sb.zuora.only_request();
    assert_eq!(request.field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(request.field("client_id"), Some(CLIENT_ID));

    // status says where the secret is, never what it is.
    let status = run(keyring().arg("status"));
    status.code(1).never_shows(CLIENT_SECRET);
    status.stdout_has("secret:     in the keyring, from the built-in default\n");
}

#[test]
fn a_profile_can_name_the_keyring_and_profiles_says_so() {
    let sb = sandbox();
    let Some(keyring) = keyring(&sb) else { return };
    sb.config(&format!(
        "[profiles.k]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret_keyring = true\n",
        sb.zuora.url()
    ));
    login(keyring().args(["-p", "k"]), CLIENT_SECRET).ok();
    run(keyring().args(["get", "--no-cache", "-p", "k"])).ok();
    assert_eq!(sb.zuora.count(), 1);
    let profiles = run(keyring().arg("profiles"));
    profiles.ok().never_shows(CLIENT_SECRET);
    assert!(
        profiles
            .stdout
            .lines()
            .any(|l| l.starts_with("  k ") && l.ends_with(" keyring")),
        "{}",
        profiles.stdout
    );
    let status = run(keyring().args(["status", "-p", "k"]));
    status.stdout_has("secret:     in the keyring, from `client_secret_keyring` in profile 'k'");
}

#[test]
fn a_cached_token_is_handed_out_without_asking_the_keyring() {
    let sb = sandbox();
    let Some(keyring) = keyring(&sb) else { return };
    login(&mut keyring(), CLIENT_SECRET).ok();
    let fetched = run(keyring().arg("get"));
    fetched.ok();
    // No keyring at all now: the cached token still comes, unasked.
    let cached = run(on_bus(&sb, NO_BUS).arg("get"));
    cached.ok();
    assert_eq!(cached.stdout, fetched.stdout);
    assert_eq!(sb.zuora.count(), 1);
    // And a fetch does ask it.
    let fetch = run(on_bus(&sb, NO_BUS).args(["get", "--refresh"]));
    fetch.code(2).stderr_has("no keyring is available");
}

#[test]
fn after_logout_get_says_to_log_in_or_give_another_source() {
    let sb = sandbox();
    let Some(keyring) = keyring(&sb) else { return };
    login(&mut keyring(), CLIENT_SECRET).ok();
    let out = run(keyring().arg("logout"));
    out.ok()
        .stderr_has("removed the client secret from the keyring entry");
    let again = run(keyring().arg("logout"));
    again
        .ok()
        .stderr_has("there was no client secret in the keyring entry");
    let out = run(keyring().args(["get", "--no-cache"]));
    out.code(2)
        .stderr_has(&format!(
            "zuora-token: error: there is no client secret in the keyring entry for client id \"{CLIENT_ID}\" at {}\n",
            sb.zuora.url()
        ))
        .stderr_has("zuora-token login")
        .stderr_has("ZUORA_CLIENT_SECRET");
    assert_eq!(out.stdout, "");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn login_refuses_an_empty_secret() {
    let sb = sandbox();
    // Refused before any keyring is asked: none is needed here.
    let out = login(&mut on_bus(&sb, NO_BUS), " \r\n");
    out.code(2)
        .stderr_has("zuora-token: error: the client secret from standard input is empty");
}

/// Runs `cmd` with `--timeout 2`, which must bound it: a bus that never
/// answers is given up on at the deadline, as the error says (and a run
/// that went on would be killed by the hang guard, failing the test).
fn within_two_seconds(cmd: &mut Command) -> Run {
    run(cmd.args(["--timeout", "2"]))
}

#[test]
fn without_a_keyring_the_error_names_the_other_sources_within_the_deadline() {
    let sb = sandbox();
    let dir = tempfile::tempdir().unwrap();
    let silent = dir.path().join("bus");
    // A bus that takes connections and never says a word.
    let _listener = UnixListener::bind(&silent).unwrap();
    let silent = format!("unix:path={}", silent.display());
    for address in [NO_BUS, &silent] {
        for args in [&["get", "--no-cache"][..], &["logout"]] {
            let out = within_two_seconds(on_bus(&sb, address).args(args));
            out.code(2)
                .stderr_has("zuora-token: error: cannot ")
                .stderr_has("no keyring is available")
                .stderr_has("ZUORA_CLIENT_SECRET, --client-secret-file PATH");
            assert_eq!(out.stdout, "");
        }
        let out = within_two_seconds(on_bus(&sb, address).arg("login").write_stdin(CLIENT_SECRET));
        out.code(2).never_shows(CLIENT_SECRET);
        out.stderr_has("cannot write the keyring entry");
    }
    let out = within_two_seconds(on_bus(&sb, &silent).args(["get", "--no-cache"]));
    out.stderr_has("did not answer within 2.0 s (--timeout)");
    assert_eq!(sb.zuora.count(), 0);
    // The keyring program, stuck on the silent bus, was killed at the
    // deadline, not left behind.
    let service = format!("zuora-token:{}", sb.zuora.url());
    let left: Vec<String> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|entry| std::fs::read(entry.ok()?.path().join("cmdline")).ok())
        .map(|argv| String::from_utf8_lossy(&argv).replace('\0', " "))
        .filter(|argv| argv.contains("zuora-token-keyring") && argv.contains(&service))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}
