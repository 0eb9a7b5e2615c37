//! `agent`: sinks kept fresh against the fake's short-lived tokens, read
//! while they are replaced, through an outage, stopped by signals; and the
//! sinks attacked. Every wait is on an event (a sink changing, a request
//! arriving, the process ending), with a generous guard against a hang,
//! never a bound on how fast anything is.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use zuora_token_testkit::{Reply, Sandbox, run};

use super::{rest_status, sandbox};

/// Longer than any wait here can take on a loaded machine: only a hang
/// reaches it.
const HANG: Duration = Duration::from_secs(120);

/// A REST path of the fake that any live token it issued may call.
const PRODUCTS: &str = "/v1/catalog/products";

/// A running `agent`, killed if a test fails before it ends.
struct Agent {
    child: Option<Child>,
    stderr: PathBuf,
}

impl Agent {
    /// Starts `agent ARGS` with working credentials; its stderr in a file.
    fn start(sb: &Sandbox, args: &[&str]) -> Agent {
        Agent::start_with(sb, sb.spawnable(), args)
    }

    /// Starts `agent ARGS` as `command` (the binary, its environment set).
    fn start_with(sb: &Sandbox, mut command: std::process::Command, args: &[&str]) -> Agent {
        let stderr = sb.home().join(format!("agent-{}.stderr", args.len()));
        let child = command
            .arg("agent")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(&stderr).unwrap())
            .spawn()
            .unwrap();
        Agent {
            child: Some(child),
            stderr,
        }
    }

    fn signal(&self, signal: i32) {
        let pid = self.child.as_ref().unwrap().id() as i32;
        // SAFETY: kill(2) on the pid of a child this test started and has
        // not yet reaped.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Waits for the agent to end, within the guard.
    fn wait(&mut self) -> ExitStatus {
        let child = self.child.as_mut().unwrap();
        let status = wait_for("the agent to exit", || child.try_wait().unwrap());
        self.child = None;
        status
    }

    fn stderr(&self) -> String {
        fs::read_to_string(&self.stderr).unwrap()
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Polls `check` until it gives something; panics after [`HANG`].
fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(start.elapsed() < HANG, "waited {HANG:?} for {what}");
        thread::sleep(Duration::from_millis(2));
    }
}

/// The sink's content once it exists and differs from `old`.
fn next_content(path: &Path, old: Option<&str>) -> String {
    wait_for("the sink to change", || {
        let now = fs::read_to_string(path).ok()?;
        (Some(now.as_str()) != old).then_some(now)
    })
}

fn sink_arg(path: &Path, rest: &str) -> String {
    format!("file={}{rest}", path.display())
}

fn token_of(content: &str) -> String {
    let token = content.strip_suffix('\n').expect("a whole line");
    assert!(
        !token.is_empty() && token.bytes().all(|b| b.is_ascii_hexdigit()),
        "{content:?}"
    );
    token.to_owned()
}

/// A reader polling the sink as fast as it can, until stopped; panics
/// (failing the test at `join`) on anything but a whole token line.
fn tight_reader(path: PathBuf, stop: Arc<AtomicBool>) -> thread::JoinHandle<u64> {
    thread::spawn(move || {
        let mut reads = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let content = fs::read_to_string(&path).expect("the sink is always there");
            token_of(&content);
            reads += 1;
        }
        reads
    })
}

/// Three renewals of 4-second tokens, each before the last token expired
/// (the fake still takes it when the new one is in the sink); a reader in
/// a tight loop never sees the sink empty or in part; and `get`s run all
/// the while take the agent's tokens: one request per token.
#[test]
fn sinks_are_renewed_before_expiry_and_readers_never_see_a_partial_file() {
    let sb = sandbox();
    sb.zuora.expires_in("4");
    let sink = sb.home().join("token");
    let json = sb.home().join("token.json");
    let mut agent = Agent::start(
        &sb,
        &[
            "--renew-before",
            "2s",
            "--sink",
            &sink_arg(&sink, ""),
            "--sink",
            &sink_arg(&json, ",format=json,mode=0640"),
        ],
    );
    let mut content = next_content(&sink, None);
    let stop = Arc::new(AtomicBool::new(false));
    let reader = tight_reader(sink.clone(), Arc::clone(&stop));
    // Three scripts calling `get` over and over, in parallel.
    let getters: Vec<_> = (0..3)
        .map(|_| {
            let stop = Arc::clone(&stop);
            let mut get = sb.spawnable();
            get.args(["get", "--min-ttl", "1"]);
            thread::spawn(move || {
                let mut printed = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let out = get.output().unwrap();
                    assert!(out.status.success(), "{out:?}");
                    printed.push(token_of(&String::from_utf8(out.stdout).unwrap()));
                }
                printed
            })
        })
        .collect();
    let mut tokens = vec![token_of(&content)];
    for _ in 0..3 {
        content = next_content(&sink, Some(&content));
        let previous = tokens.last().unwrap();
        assert_eq!(
            rest_status(&sb, PRODUCTS, Some(previous)),
            200,
            "the token was replaced only after it expired"
        );
        tokens.push(token_of(&content));
    }
    stop.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    let printed: Vec<String> = getters
        .into_iter()
        .flat_map(|g| g.join().unwrap())
        .collect();
    assert!(!printed.is_empty());
    agent.signal(libc::SIGTERM);
    assert_eq!(agent.wait().code(), Some(0));
    assert_eq!(agent.stderr(), "");
    // A renewal after the last one seen, if it came before the SIGTERM.
    let last = token_of(&fs::read_to_string(&sink).unwrap());
    if !tokens.contains(&last) {
        tokens.push(last);
    }
    assert!(
        printed.iter().all(|t| tokens.contains(t)),
        "{printed:?} {tokens:?}"
    );
    // Each token asked for once, by whichever process came first.
    assert_eq!(sb.zuora.count_path("/oauth/token"), tokens.len());
    let json_content = fs::read_to_string(&json).unwrap();
    assert!(
        json_content.contains(r#""access_token":""#),
        "{json_content}"
    );
    assert_eq!(
        fs::metadata(&json).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

/// Zuora failing (two 503s) for less than the token has left: readers keep
/// the current token, which is still good when the new one comes; the
/// failure is said once.
#[test]
fn an_outage_shorter_than_the_token_goes_unnoticed_by_readers() {
    let sb = sandbox();
    sb.zuora.expires_in("12");
    let sink = sb.home().join("token");
    let agent = Agent::start(
        &sb,
        &[
            "--retries",
            "0",
            "--renew-before",
            "6s",
            "--sink",
            &sink_arg(&sink, ""),
        ],
    );
    let first = next_content(&sink, None);
    sb.zuora
        .then(Reply::status(503, r#"{"message":"down"}"#))
        .then(Reply::status(503, r#"{"message":"down"}"#));
    // The renewal's first attempt has come: a reader gets the same token,
    // from the cache, without a request.
    sb.zuora.wait_for_requests(2);
    let got = run(sb.authed().args(["get", "--min-ttl", "1"]))
        .ok()
        .stdout
        .clone();
    assert_eq!(got, first);
    let second = next_content(&sink, Some(&first));
    assert_eq!(
        rest_status(&sb, PRODUCTS, Some(&token_of(&first))),
        200,
        "the token was replaced only after it expired"
    );
    assert_ne!(token_of(&second), token_of(&first));
    assert_eq!(sb.zuora.count_path("/oauth/token"), 4);
    let said = agent.stderr();
    assert_eq!(said.matches("cannot renew the token").count(), 1, "{said}");
    assert!(said.contains("trying again until it expires"), "{said}");
}

/// Zuora down for good: the agent keeps its token until it expires, then
/// exits with the failure's code (5: unreachable, 5xx).
#[test]
fn the_agent_exits_non_zero_once_its_token_expired_and_no_other_comes() {
    let sb = sandbox();
    sb.zuora.expires_in("2");
    let sink = sb.home().join("token");
    let mut agent = Agent::start(&sb, &["--retries", "0", "--sink", &sink_arg(&sink, "")]);
    let first = next_content(&sink, None);
    sb.zuora
        .otherwise(Reply::status(503, r#"{"message":"down"}"#));
    assert_eq!(agent.wait().code(), Some(5));
    assert_eq!(fs::read_to_string(&sink).unwrap(), first);
    let said = agent.stderr();
    assert!(said.contains("zuora-token: error:"), "{said}");
    assert_eq!(said.matches("cannot renew the token").count(), 1, "{said}");
}

/// Credentials Zuora rejects: at once, exit 3, no sink written.
#[test]
fn rejected_credentials_end_the_agent_at_once() {
    let sb = sandbox();
    let sink = sb.home().join("token");
    let mut agent = Agent {
        child: Some(
            sb.spawnable()
                .env("ZUORA_CLIENT_SECRET", "wrong")
                .args(["agent", "--sink", &sink_arg(&sink, "")])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        ),
        stderr: PathBuf::new(),
    };
    assert_eq!(agent.wait().code(), Some(3));
    assert!(!sink.exists());
}

/// SIGTERM and SIGINT end it with 0 while it waits for the next renewal,
/// and while a request to Zuora is still unanswered.
#[test]
fn sigterm_and_sigint_end_the_agent_cleanly_even_mid_request() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let sb = sandbox();
        let sink = sb.home().join("token");
        let mut agent = Agent::start(&sb, &["--sink", &sink_arg(&sink, "")]);
        next_content(&sink, None);
        agent.signal(signal);
        assert_eq!(agent.wait().code(), Some(0), "{}", agent.stderr());

        let sb = sandbox();
        sb.zuora.hold();
        let mut agent = Agent::start(&sb, &["--sink", &sink_arg(&sink, "")]);
        sb.zuora.wait_for_requests(1);
        agent.signal(signal);
        assert_eq!(agent.wait().code(), Some(0), "{}", agent.stderr());
        sb.zuora.release();
    }
}

/// `--once` writes every sink, in its format and mode, and exits 0.
#[test]
fn once_writes_the_sinks_and_exits_0() {
    let sb = sandbox();
    let token = sb.home().join("token");
    let env = sb.home().join("zuora.env");
    let header = sb.home().join("header");
    let out = run(sb.authed().args([
        "agent",
        "--once",
        "--sink",
        &sink_arg(&token, ""),
        "--sink",
        &sink_arg(&env, ",format=dotenv,mode=0640"),
        "--sink",
        &sink_arg(&header, ",format=header"),
    ]))
    .ok()
    .stdout
    .clone();
    assert_eq!(out, "");
    let token = token_of(&fs::read_to_string(&token).unwrap());
    let env_text = fs::read_to_string(&env).unwrap();
    assert!(
        env_text.contains(&format!("ZUORA_ACCESS_TOKEN={token}\n")),
        "{env_text}"
    );
    assert_eq!(
        fs::read_to_string(&header).unwrap(),
        format!("Authorization: Bearer {token}\n")
    );
    assert_eq!(
        fs::metadata(&env).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // The cache is shared: a second run asks Zuora nothing.
    run(sb.authed().args([
        "agent",
        "--once",
        "--sink",
        &sink_arg(&header, ",format=env"),
    ]))
    .ok();
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);
}

/// A token file every user may read is not made silently: asked for
/// (`mode=0644`), or kept from a file already there that `touch` made with
/// the umask's 0644, it is written, with a warning; 0640 is not warned of.
#[test]
fn a_sink_others_may_read_is_warned_of() {
    let sb = sandbox();
    let asked = sb.home().join("asked");
    let touched = sb.home().join("touched");
    let grouped = sb.home().join("grouped");
    fs::write(&touched, "").unwrap();
    fs::set_permissions(&touched, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(sb.authed().args([
        "agent",
        "--once",
        "--sink",
        &sink_arg(&asked, ",mode=0644"),
        "--sink",
        &sink_arg(&touched, ""),
        "--sink",
        &sink_arg(&grouped, ",mode=0640"),
    ]));
    let out = out.ok();
    for path in [&asked, &touched] {
        let warning = format!(
            "{:?}: its mode 0644 lets every user",
            path.display().to_string()
        );
        out.stderr_has(&warning);
        assert_eq!(
            fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }
    assert!(!out.stderr.contains("grouped"), "{}", out.stderr);
}

/// Everything the agent says, verbose, with a token for several entities
/// (whose ids carry a terminal's escapes): never the token, nor the
/// secret, nor a raw escape.
#[test]
fn the_agent_says_neither_the_token_nor_the_secret_nor_the_servers_escapes() {
    use zuora_token_testkit::CLIENT_SECRET;
    let sb = sandbox();
    sb.zuora
        .scope(r#""entity.a\u001b[2J entity.b tenant.19\u001b]0;x\u0007 user.u""#);
    let sink = sb.home().join("token");
    let out = run(sb
        .authed()
        .args(["agent", "--once", "-v", "--sink"])
        .arg(sink_arg(&sink, "")));
    let out = out.ok();
    let token = token_of(&fs::read_to_string(&sink).unwrap());
    out.stderr_has("valid for 2 entities");
    for secret in [token.as_str(), CLIENT_SECRET, "\u{1b}", "\u{7}"] {
        assert!(!out.stderr.contains(secret), "{secret:?} in {}", out.stderr);
    }
}

/// `agent ARGS` refused before anything is fetched: exit 2, `why` said.
fn refused(sb: &Sandbox, args: &[&str], why: &str) {
    run(sb.authed().arg("agent").args(args))
        .code(2)
        .stderr_has(why);
}

/// A sink that is not a regular file (a symbolic link, a directory, a
/// FIFO, which is never opened, so nothing hangs), one in a missing
/// directory or another user's, a format or mode spelled wrong, a sink
/// named twice: refused at once, nothing asked of Zuora, the target of a
/// link untouched.
#[test]
fn sinks_that_are_not_files_of_ours_are_refused() {
    let sb = sandbox();
    let home = sb.home();
    let victim = sb.file("victim", "precious\n");
    let link = home.join("link");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let fifo = home.join("fifo");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let token = home.join("token");
    for (sink, why) in [
        (sink_arg(&link, ""), "is a symbolic link"),
        (sink_arg(home, ""), "is a directory"),
        (sink_arg(&fifo, ""), "not a regular file"),
        (sink_arg(&home.join("nowhere/token"), ""), "does not exist"),
        (sink_arg(&victim.join("token"), ""), "is not a directory"),
        (
            sink_arg(&token, ",format=jsn"),
            "unknown format \"jsn\": one of token, json, header, env, dotenv",
        ),
        (sink_arg(&token, ",mode=0800"), "not an octal mode"),
        (sink_arg(&token, ",mode=4755"), "not an octal mode"),
        (sink_arg(&token, ",owner=root"), "unknown key"),
        ("format=json".into(), "file=PATH is required"),
    ] {
        refused(&sb, &["--once", "--sink", &sink], why);
    }
    refused(
        &sb,
        &[
            "--sink",
            &sink_arg(&token, ""),
            "--sink",
            &sink_arg(&token, ",format=json"),
        ],
        "given twice",
    );
    run(sb.authed().args(["agent", "--once"]))
        .code(2)
        .stderr_has("--sink");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(!token.exists());
    assert_eq!(sb.zuora.count_path("/oauth/token"), 0);
}

/// A directory another user owns could have the sink replaced under its
/// readers: refused. One that others may write to (a Kubernetes emptyDir
/// is 0777) is used, with a warning; a file another user planted there
/// does not lend the sink its mode.
#[test]
fn a_sink_directory_of_another_user_is_refused_and_a_shared_one_warned_of() {
    let sb = sandbox();
    let shared = sb.home().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    let token = shared.join("token");
    run(sb
        .authed()
        .args(["agent", "--once", "--sink", &sink_arg(&token, "")]))
    .ok()
    .stderr_has("others may write to its directory");
    assert_eq!(
        fs::metadata(&token).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        zuora_token_testkit::skip("the other-user case: only root can give a directory away");
        return;
    }
    // A file planted in the shared directory by another user, readable by
    // all: replaced, and its mode not taken.
    fs::write(&token, "planted\n").unwrap();
    fs::set_permissions(&token, fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::chown(&token, Some(65534), Some(65534)).unwrap();
    run(sb
        .authed()
        .args(["agent", "--once", "-q", "--sink", &sink_arg(&token, "")]))
    .ok();
    let metadata = fs::metadata(&token).unwrap();
    assert_eq!(metadata.permissions().mode() & 0o777, 0o600);
    assert_eq!(std::os::unix::fs::MetadataExt::uid(&metadata), 0);
    let theirs = sb.home().join("theirs");
    fs::create_dir(&theirs).unwrap();
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    refused(
        &sb,
        &["--once", "--sink", &sink_arg(&theirs.join("token"), "")],
        "belongs to another user (uid 65534)",
    );
}

/// Once running, a symbolic link put in a sink's place is replaced at the
/// next renewal, never written through; the file keeps the mode it had
/// (none asked for), whatever the umask.
#[test]
fn a_link_planted_in_a_sinks_place_is_replaced_not_followed() {
    let sb = sandbox();
    sb.zuora.expires_in("2");
    let sink = sb.file("token", "old\n");
    fs::set_permissions(&sink, fs::Permissions::from_mode(0o604)).unwrap();
    let victim = sb.file("victim", "precious\n");
    let agent = Agent::start(&sb, &["--sink", &sink_arg(&sink, "")]);
    let first = next_content(&sink, Some("old\n"));
    fs::remove_file(&sink).unwrap();
    std::os::unix::fs::symlink(&victim, &sink).unwrap();
    wait_for("the link to be replaced", || {
        let kind = fs::symlink_metadata(&sink).ok()?.file_type();
        kind.is_file().then_some(())
    });
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert_ne!(fs::read_to_string(&sink).unwrap(), first);
    assert_eq!(
        fs::metadata(&sink).unwrap().permissions().mode() & 0o777,
        0o604
    );
    // No temporary file left beside it.
    let names: Vec<_> = fs::read_dir(sb.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".zuora-token-sink"))
        .collect();
    assert_eq!(names, Vec::<String>::new());
    drop(agent);
}

/// SIGHUP reads the config file again: an entity id added there is a new
/// token, asked for with it; a config file broken meanwhile is a warning,
/// and the agent goes on with the settings it has.
#[test]
fn sighup_reads_the_config_file_again() {
    use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET};
    let sb = sandbox();
    let profile = format!(
        "default_profile = \"p\"\n[profiles.p]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\n\
         client_secret = \"{CLIENT_SECRET}\"\n",
        sb.zuora.url()
    );
    let config = sb.config(&profile);
    fs::set_permissions(&config, fs::Permissions::from_mode(0o600)).unwrap();
    let sink = sb.home().join("token");
    let mut command = std::process::Command::new(super::bin());
    command
        .env_clear()
        .env("HOME", sb.home())
        .env("XDG_CONFIG_HOME", sb.home().join(".config"))
        .env("XDG_CACHE_HOME", sb.home().join(".cache"));
    let mut agent = Agent::start_with(&sb, command, &["-v", "--sink", &sink_arg(&sink, "")]);
    let first = next_content(&sink, None);
    // The same settings: the same token, and the sink not written again.
    let inode = || std::os::unix::fs::MetadataExt::ino(&fs::metadata(&sink).unwrap());
    let written = inode();
    agent.signal(libc::SIGHUP);
    wait_for("the reload", || {
        agent
            .stderr()
            .contains("the token in the sinks is still good")
            .then_some(())
    });
    assert_eq!(inode(), written);
    let entity = "c92ed977-510c-4c48-9b51-8d5e848671e9";
    fs::write(&config, format!("{profile}entity_id = \"{entity}\"\n")).unwrap();
    agent.signal(libc::SIGHUP);
    next_content(&sink, Some(&first));
    let asked = sb.zuora.requests().pop().unwrap();
    assert_eq!(asked.header("zuora-entity-ids"), Some(entity));

    fs::write(&config, "[profiles.p\n").unwrap();
    agent.signal(libc::SIGHUP);
    wait_for("the warning", || {
        agent
            .stderr()
            .contains("cannot read the settings again")
            .then_some(())
    });
    agent.signal(libc::SIGTERM);
    assert_eq!(agent.wait().code(), Some(0));
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
}

/// Zuora rejecting the credentials at a renewal, while the token still
/// lives: the settings are read again for one more try, and when that is
/// rejected too (here: remembered, no second request), exit 3 at once.
#[test]
fn a_rejection_that_reading_the_settings_again_does_not_cure_ends_the_agent() {
    let sb = sandbox();
    sb.zuora.expires_in("4");
    let sink = sb.home().join("token");
    let mut agent = Agent::start(
        &sb,
        &["--renew-before", "2s", "--sink", &sink_arg(&sink, "")],
    );
    let first = next_content(&sink, None);
    sb.zuora
        .then(Reply::status(401, r#"{"message":"Authentication error"}"#));
    assert_eq!(agent.wait().code(), Some(3));
    let said = agent.stderr();
    assert!(
        said.contains("reading the settings again for one more try"),
        "{said}"
    );
    assert_eq!(said.matches("zuora-token: error:").count(), 1, "{said}");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 2);
    assert_eq!(fs::read_to_string(&sink).unwrap(), first);
}

/// `--once` when the cached token is due for renewal: a new one; with
/// Zuora down, the one cached, still live, with a warning and exit 0.
#[test]
fn once_renews_a_due_token_and_keeps_a_live_one_through_an_outage() {
    let sb = sandbox();
    sb.zuora.expires_in("4");
    let sink = sb.home().join("token");
    let once = |sb: &Sandbox| {
        run(sb
            .authed()
            .args(["agent", "--once", "--retries", "0", "--renew-before", "1h"])
            .args(["--sink", &sink_arg(&sink, "")]))
    };
    // Due once less than half its life is left (the most a lead can be):
    // `status` says so, without a request.
    let due = |sb: &Sandbox| {
        wait_for("the token to be due", || {
            let status = sb
                .authed()
                .args(["status", "--min-ttl", "2"])
                .output()
                .unwrap();
            (!status.status.success()).then_some(())
        })
    };
    once(&sb).ok();
    let first = fs::read_to_string(&sink).unwrap();
    due(&sb);
    once(&sb).ok();
    let second = fs::read_to_string(&sink).unwrap();
    assert_ne!(second, first);
    due(&sb);
    sb.zuora.then(Reply::status(503, r#"{"message":"down"}"#));
    once(&sb).ok().stderr_has("writing it as it is");
    assert_eq!(fs::read_to_string(&sink).unwrap(), second);
    assert_eq!(sb.zuora.count_path("/oauth/token"), 3);
}

/// The agent reads the secret at each renewal: from standard input or a
/// pipe, which give it once, it is refused at the start (exit 2), not an
/// hour later. `--once` reads it once, and may.
#[test]
fn a_secret_that_can_be_read_only_once_is_refused_by_the_running_agent() {
    use zuora_token_testkit::CLIENT_SECRET;
    let sb = sandbox();
    let sink = sb.home().join("token");
    let agent = |extra: &[&str]| {
        let mut cmd = sb.without_secret();
        cmd.args([
            "agent",
            "--client-secret-file",
            "-",
            "--sink",
            &sink_arg(&sink, ""),
        ])
        .args(extra)
        .write_stdin(CLIENT_SECRET);
        run(&mut cmd)
    };
    agent(&[])
        .code(2)
        .stderr_has("the standard input can be read only once");
    agent(&["--once"]).ok();
    assert!(sink.exists());
    if zuora_token_testkit::have("bash") {
        sb.shell(
            "bash",
            "unset ZUORA_CLIENT_SECRET; \"$ZT\" agent --client-secret-file <(echo x) --sink file=t; test $? = 2",
        )
        .ok()
        .stderr_has("can be read only once");
    }
}
