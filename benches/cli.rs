//! `cargo bench`: zuora-token measured against the tools users would
//! otherwise reach for, and against itself, in one run. Each comparison
//! runs its two commands in turn (A B A B ...) and takes the median of the
//! pairs' ratios, so that the ratios hold on a noisy machine. Everything talks to
//! the fake Zuora on 127.0.0.1. A peer tool that is not installed, and the
//! operating system's trust store where this process cannot stand a test
//! CA in it (below), are skipped with a note.
//!
//! 1. cached `get` vs `cat` of a small file (the floor: a process start);
//! 2. cold `get` over HTTP vs `curl` (and `curl | jq`);
//! 3. cold `get` over HTTPS on the operating system's trust store, exactly
//!    as a user's call reads it, vs curl on its default store; with
//!    `--ca-bundle` vs `curl --cacert`;
//! 4. bursts of 32 parallel cold `get`s against a server that takes 0.2 s,
//!    vs one cold fetch from it: wall time and requests seen;
//! 5. a cached `get` whose secret comes from a command that takes a second,
//!    vs one whose secret is inline;
//! 6. peak memory (max RSS) of a cached get and of cold fetches, as GNU
//!    time reports it (see [`peak_rss_kib`]), and the binary's size;
//! 7. `api --paginate` over a 50-page list on the HTTPS fake, vs the shell
//!    loop a user would write instead: `get -o header | curl -H @-` for
//!    each page, and jq for its `nextPage`.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora, ReleaseHost, Sandbox, TestCa};

const BIN: &str = env!("CARGO_BIN_EXE_zuora-token");
const RUNS: usize = 60;
/// Runs for each peak-memory figure: it hardly varies.
const RSS_RUNS: usize = 5;
/// GNU time, which reports a child's peak memory from its own small image.
const TIME: &str = "/usr/bin/time";
const BURSTS: usize = 20;
const BURST_SIZE: usize = 32;
/// How long the fake takes to answer in the burst measure.
const SLOW_SERVER: Duration = Duration::from_millis(200);
/// Runs of the GitHub Action's install step: each downloads, checks and
/// unpacks an archive.
const INSTALL_RUNS: usize = 10;
/// The pages of the list `api --paginate` walks.
const PAGES: usize = 50;
/// The fake's paged list.
const LIST: &str = "/v1/subscriptions/accounts/A00000001";
/// What a user would write without `api --paginate`: each page through
/// curl with the cached token's header, the next page's URL from jq.
const PAGE_LOOP: &str = r#"url="$ZUORA_BASE_URL$LIST"
while [ -n "$url" ]; do
  page=$("$ZT" get -o header --ca-bundle "$CA" | curl -fsS --cacert "$CA" -H @- "$url") || exit 1
  printf '%s\n' "$page"
  url=$(printf '%s' "$page" | jq -r '.nextPage // empty')
done"#;

/// A command under measurement, and its peak memory once measured.
struct Subject {
    name: &'static str,
    command: Box<dyn Fn() -> Command>,
    rss_kib: Vec<u64>,
}

impl Subject {
    fn new(name: &'static str, command: impl Fn() -> Command + 'static) -> Subject {
        Subject {
            name,
            command: Box::new(command),
            rss_kib: Vec::new(),
        }
    }

    /// One run: how long it took.
    fn time(&self) -> Duration {
        measure(&mut (self.command)(), self.name)
    }

    fn run_for_memory(&mut self) {
        let kib = peak_rss_kib(&(self.command)(), self.name);
        self.rss_kib.push(kib);
    }
}

/// What a paired measurement found: each side's median and the median of
/// the pairs' ratios.
struct Paired {
    ours: Duration,
    peer: Duration,
    ratio: f64,
}

/// Runs `ours` and `peer` in turn, [`RUNS`] pairs after 3 warm-up runs of
/// each. Each command always follows the other, so neither gains from
/// running after a light command or loses after a heavy one (a command run
/// after curl's 30 ms, or after an idle wait, starts on colder caches), and
/// a drift in the machine's speed moves both runs of a pair alike.
fn paired(ours: &Subject, peer: &Subject) -> Paired {
    for _ in 0..3 {
        ours.time();
        peer.time();
    }
    let pairs: Vec<(Duration, Duration)> = (0..RUNS).map(|_| (ours.time(), peer.time())).collect();
    let ratios = pairs
        .iter()
        .map(|(a, b)| (a.as_secs_f64() / b.as_secs_f64() * 1e6) as u64)
        .collect();
    Paired {
        ours: median(pairs.iter().map(|p| p.0).collect()),
        peer: median(pairs.iter().map(|p| p.1).collect()),
        ratio: median(ratios) as f64 / 1e6,
    }
}

fn median<T: Ord + Copy>(mut values: Vec<T>) -> T {
    values.sort();
    values[values.len() / 2]
}

/// Runs `command` to the end and says how long it took.
fn measure(command: &mut Command, name: &str) -> Duration {
    let started = Instant::now();
    let status = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let wall = started.elapsed();
    assert!(status.success(), "{name} failed");
    wall
}

/// The peak memory (max RSS, KiB) of one run of `command`, run under GNU
/// time with the same arguments and environment.
///
/// Not from `wait4` here: a child this process starts shares its memory
/// until it execs (posix_spawn uses vfork), and the kernel keeps that peak
/// as the child's own, so every child would read at least this bench's
/// RSS (3.5 MiB: `cat` read as much). time forks from its own small image,
/// whose floor is printed with the table.
fn peak_rss_kib(command: &Command, name: &str) -> u64 {
    let report = tempfile::NamedTempFile::new().expect("temp file");
    let mut timed = Command::new(TIME);
    timed
        .args(["-f", "%M", "-o"])
        .arg(report.path())
        .arg(command.get_program())
        .args(command.get_args())
        .env_clear();
    for (key, value) in command.get_envs() {
        if let Some(value) = value {
            timed.env(key, value);
        }
    }
    measure(&mut timed, name);
    let text = std::fs::read_to_string(report.path()).expect("time's report");
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("{name}: time reported {text:?}"))
}

fn installed(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        println!("note: {program} is not installed; its comparisons are skipped");
    }
    found
}

/// zuora-token with `args`, in `sandbox`'s environment (nothing of the
/// machine's but `PATH`, a home of its own, the fake's credentials).
fn zuora_token(sandbox: &Sandbox, args: &[&str]) -> Command {
    let mut command = sandbox.spawnable();
    command.args(args);
    command
}

/// `script` run by `sh` in `sandbox`'s environment, `$ZT` naming the
/// binary.
fn shell(sandbox: &Sandbox, script: &str) -> Command {
    let mut command = in_sandbox(sandbox, "sh");
    command.env("ZT", BIN).args(["-c", script]);
    command
}

/// `program` in `sandbox`'s environment, as the binary runs there.
fn in_sandbox(sandbox: &Sandbox, program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = Command::new(program);
    command.env_clear();
    for (name, value) in sandbox.spawnable().get_envs() {
        if let Some(value) = value {
            command.env(name, value);
        }
    }
    command
}

/// The static musl build, where `cargo build --release --target
/// x86_64-unknown-linux-musl` puts it, if it was built (and is not older
/// than the binary under measurement, which would compare two commits).
fn musl_bin() -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/x86_64-unknown-linux-musl/release/zuora-token");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&path), modified(std::path::Path::new(BIN))) {
        (Some(musl), Some(ours)) if musl >= ours => Some(path),
        _ => {
            println!(
                "note: no static musl build as new as {BIN}; its row is skipped \
                 (cargo build --release --target x86_64-unknown-linux-musl)"
            );
            None
        }
    }
}

/// A peer tool, in an environment as bare as zuora-token's sandbox:
/// nothing of this machine's but `PATH`, so that neither side reads
/// settings the other does not (a `LANG` makes `cat` load locale files, a
/// `CURL_CA_BUNDLE` changes what curl trusts).
fn peer(program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

/// The POST a user would write by hand.
fn curl(base_url: &str, extra: &[OsString]) -> Command {
    let mut command = peer("curl");
    command
        .args(["-fsS", "-X", "POST", "-H", "Accept: application/json"])
        .arg("--data-urlencode")
        .arg(format!("client_id={CLIENT_ID}"))
        .arg("--data-urlencode")
        .arg(format!("client_secret={CLIENT_SECRET}"))
        .args(["-d", "grant_type=client_credentials"])
        .args(extra)
        .arg(format!("{base_url}/oauth/token"));
    command
}

fn curl_jq(base_url: &str) -> Command {
    let curl = curl(base_url, &[]);
    let args: Vec<String> = curl
        .get_args()
        .map(|a| format!("'{}'", a.to_string_lossy()))
        .collect();
    let mut command = peer("sh");
    command
        .arg("-c")
        .arg(format!("curl {} | jq -r .access_token", args.join(" ")));
    command
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The largest peak memory of `subject`'s runs, or why there is none.
fn peak_mib(subject: &Subject) -> String {
    match subject.rss_kib.iter().max() {
        Some(kib) => format!("{:.2} MiB", *kib as f64 / 1024.0),
        None => "not measured".into(),
    }
}

/// One row of the table: the measure, ours, the peer's, the ratio, the target.
fn row(
    what: &str,
    ours: String,
    peer: String,
    ratio: Option<f64>,
    target: &str,
    met: Option<bool>,
) -> String {
    let ratio = ratio.map_or("-".into(), |r| format!("{r:.2}x"));
    let met = match met {
        Some(true) => "met",
        Some(false) => "MISSED",
        None => "-",
    };
    format!("| {what} | {ours} | {peer} | {ratio} | {target} | {met} |")
}

/// The row of a comparison, measured now; one whose command is not there
/// is skipped.
fn compare(what: &str, ours: Option<&Subject>, peer: Option<&Subject>, limit: f64) -> String {
    let target = format!("<= {limit}x");
    match (ours, peer) {
        (Some(ours), Some(peer)) => {
            let found = paired(ours, peer);
            row(
                what,
                ms(found.ours),
                format!("{} ({})", ms(found.peer), peer.name),
                Some(found.ratio),
                &target,
                Some(found.ratio <= limit),
            )
        }
        _ => row(what, "skipped".into(), "-".into(), None, &target, None),
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "{cpu}, {cores} cores, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// Makes the test CA part of the operating system's trust store, for this
/// process and its children only: in a mount namespace of their own (as
/// root), a copy of the system's bundle with the CA added is bind-mounted
/// over `/etc/ssl/certs/ca-certificates.crt`. The machine's store is never
/// changed. Must run before any thread starts.
fn trust_in_the_os_store(ca_pem: &str, scratch: &std::path::Path) -> Result<(), String> {
    const BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";
    let system = std::fs::read_to_string(BUNDLE).map_err(|e| format!("{BUNDLE}: {e}"))?;
    let copy = scratch.join("ca-certificates.crt");
    std::fs::write(&copy, format!("{system}{ca_pem}")).map_err(|e| e.to_string())?;
    let c = |s: &str| std::ffi::CString::new(s).unwrap();
    let (root, target) = (c("/"), c(BUNDLE));
    let source = c(copy.to_str().unwrap());
    // SAFETY: unshare and mount with valid C strings, before any thread.
    unsafe {
        if libc::unshare(libc::CLONE_NEWNS) != 0 {
            return Err(format!("unshare: {}", std::io::Error::last_os_error()));
        }
        let private = libc::MS_REC | libc::MS_PRIVATE;
        if libc::mount(
            std::ptr::null(),
            root.as_ptr(),
            std::ptr::null(),
            private,
            std::ptr::null(),
        ) != 0
            || libc::mount(
                source.as_ptr(),
                target.as_ptr(),
                std::ptr::null(),
                libc::MS_BIND,
                std::ptr::null(),
            ) != 0
        {
            return Err(format!("mount: {}", std::io::Error::last_os_error()));
        }
    }
    Ok(())
}

/// A sandbox whose default profile has `secret` (a TOML line), its config
/// file private, and a token cached.
fn warm_profile(secret: &str) -> Rc<Sandbox> {
    let sb = Sandbox::new(BIN);
    let config = sb.config(&format!(
        "default_profile = \"p\"\n[profiles.p]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\n{secret}\n",
        sb.zuora.url()
    ));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut warm = sb.spawnable();
    warm.env_remove("ZUORA_BASE_URL")
        .env_remove("ZUORA_CLIENT_ID")
        .env_remove("ZUORA_CLIENT_SECRET")
        .arg("get");
    assert!(
        warm.output().unwrap().status.success(),
        "warming {secret} failed"
    );
    Rc::new(sb)
}

/// `get` in a `warm_profile` sandbox: the profile's credentials only.
fn profile_get(sb: &Sandbox) -> Command {
    let mut command = sb.spawnable();
    command
        .env_remove("ZUORA_BASE_URL")
        .env_remove("ZUORA_CLIENT_ID")
        .env_remove("ZUORA_CLIENT_SECRET")
        .arg("get");
    command
}

/// The GitHub Action's install step (`benches/action-install.sh`: key.sh,
/// download.sh, install.sh into a fresh tool cache) from a release host
/// on 127.0.0.1, standing for GitHub's, that serves the packaging
/// script's archive of this release build and its `SHA256SUMS`: the
/// median of [`INSTALL_RUNS`], or why it cannot run here.
fn action_install(scratch: &Path) -> Result<Duration, String> {
    for program in ["bash", "curl", "sha256sum"] {
        if !installed(program) {
            return Err(format!("{program} is not installed"));
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repository = env!("CARGO_PKG_REPOSITORY");
    let path = repository
        .split("://")
        .nth(1)
        .and_then(|r| r.split_once('/'));
    let Some((_, owner_name)) = path else {
        return Err(format!("repository {repository:?} has no path"));
    };
    let host_root = scratch.join("release host");
    let release = host_root
        .join(owner_name)
        .join("releases/download")
        .join(format!("v{}", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(&release).map_err(|e| e.to_string())?;
    let bin_dir = Path::new(BIN).parent().unwrap();
    let packed = Command::new("bash")
        .arg(repo.join("scripts/package"))
        .arg("--out")
        .arg(&release)
        .arg("--bin-dir")
        .arg(bin_dir)
        .arg("x86_64-unknown-linux-musl")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    if !packed.status.success() {
        return Err("scripts/package failed".into());
    }
    let sums = Command::new("sha256sum")
        .current_dir(&release)
        .arg(
            String::from_utf8_lossy(&packed.stdout)
                .trim()
                .rsplit('/')
                .next()
                .unwrap(),
        )
        .output()
        .map_err(|e| e.to_string())?;
    std::fs::write(release.join("SHA256SUMS"), sums.stdout).map_err(|e| e.to_string())?;
    let host = ReleaseHost::serve(&host_root);
    let tool_cache = scratch.join("tool cache");
    let runs = (0..INSTALL_RUNS)
        .map(|_| {
            let mut step = Command::new("bash");
            step.arg(repo.join("benches/action-install.sh"))
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("RUNNER_TOOL_CACHE", &tool_cache)
                .env("GITHUB_SERVER_URL", host.url());
            measure(&mut step, "the Action's install step")
        })
        .collect();
    Ok(median(runs))
}

fn main() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let ca = TestCa::generate();
    let os_store = trust_in_the_os_store(&ca.ca_pem, scratch.path());
    if let Err(why) = &os_store {
        println!(
            "note: cannot put a test CA in the OS trust store here ({why}); its measures are skipped"
        );
    }
    let os_store = os_store.is_ok();
    let http = Rc::new(Sandbox::new(BIN));
    let https = Rc::new(Sandbox::with_zuora(BIN, FakeZuora::start_tls(&ca)));
    let ca_file = https.file("ca.pem", &ca.ca_pem);
    let warm = Rc::new(Sandbox::new(BIN));
    let slow = Rc::new(Sandbox::new(BIN));
    slow.zuora.delay(SLOW_SERVER);
    let (have_curl, have_jq) = (installed("curl"), installed("jq"));

    // A valid cached token for the cached runs, and a small file for `cat`.
    let out = zuora_token(&warm, &["get"]).output().unwrap();
    assert!(out.status.success(), "warming the cache failed");
    let small_file = std::fs::read_dir(warm.home().join(".cache/zuora-token"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".failed.json")
        })
        .unwrap();
    let command_secret = warm_profile(&format!(
        "client_secret_command = \"sleep 1; printf '%s' '{CLIENT_SECRET}'\""
    ));
    let inline_secret = warm_profile(&format!("client_secret = '{CLIENT_SECRET}'"));

    let sb = Rc::clone(&warm);
    let mut cached = Subject::new("zuora-token get (cached)", move || {
        zuora_token(&sb, &["get"])
    });
    let sb = Rc::clone(&warm);
    let mut cached_musl = musl_bin().map(|musl| {
        Subject::new("zuora-token get (cached, musl static)", move || {
            let mut command = in_sandbox(&sb, &musl);
            command.arg("get");
            command
        })
    });
    let file = small_file.clone();
    let mut cat = Subject::new("cat", move || {
        let mut command = peer("cat");
        command.arg(&file);
        command
    });
    let sb = Rc::clone(&http);
    let mut cold_http = Subject::new("zuora-token get --no-cache", move || {
        zuora_token(&sb, &["get", "--no-cache"])
    });
    let (sb, bundle) = (Rc::clone(&https), ca_file.clone());
    let mut cold_https_bundle = Subject::new("zuora-token get --no-cache --ca-bundle", move || {
        let mut command = zuora_token(&sb, &["get", "--no-cache"]);
        command.arg("--ca-bundle").arg(&bundle);
        command
    });
    let sb = Rc::clone(&https);
    let mut cold_https_os = os_store.then(|| {
        Subject::new("zuora-token get --no-cache (OS trust store)", move || {
            zuora_token(&sb, &["get", "--no-cache"])
        })
    });
    let sb = Rc::clone(&slow);
    let cold_slow = Subject::new("zuora-token get --no-cache (server 0.2 s)", move || {
        zuora_token(&sb, &["get", "--no-cache"])
    });
    let sb = Rc::clone(&command_secret);
    let mut cached_command = Subject::new("zuora-token get (cached, secret command)", move || {
        profile_get(&sb)
    });
    let sb = Rc::clone(&inline_secret);
    let mut cached_inline = Subject::new("zuora-token get (cached, inline secret)", move || {
        profile_get(&sb)
    });
    let h = http.zuora.url();
    let curl_http = have_curl.then(|| Subject::new("curl", move || curl(&h, &[])));
    let h = http.zuora.url();
    let curl_jq_http =
        (have_curl && have_jq).then(|| Subject::new("curl | jq", move || curl_jq(&h)));
    let (hs, bundle) = (https.zuora.url(), ca_file.clone());
    let curl_https = have_curl.then(|| {
        Subject::new("curl --cacert", move || {
            curl(&hs, &["--cacert".into(), bundle.clone().into()])
        })
    });
    let hs = https.zuora.url();
    let curl_https_os = (have_curl && os_store)
        .then(|| Subject::new("curl (default store)", move || curl(&hs, &[])));

    // A cached token for the paged list, walked by `api` and by a loop.
    https.zuora.pages(PAGES);
    let mut warm_https = zuora_token(&https, &["get"]);
    warm_https.arg("--ca-bundle").arg(&ca_file);
    assert!(measure(&mut warm_https, "warming the HTTPS cache") > Duration::ZERO);
    let (sb, bundle) = (Rc::clone(&https), ca_file.clone());
    let paginate = Subject::new("zuora-token api --paginate", move || {
        let mut command = zuora_token(&sb, &["api", "--paginate", LIST]);
        command.arg("--ca-bundle").arg(&bundle);
        command
    });
    let (sb, bundle) = (Rc::clone(&https), ca_file.clone());
    let page_loop = (have_curl && have_jq).then(|| {
        Subject::new("a loop of get -o header | curl, jq", move || {
            let mut command = shell(&sb, PAGE_LOOP);
            command.env("CA", &bundle).env("LIST", LIST);
            command
        })
    });

    let mut table = vec![
        compare("cached get vs cat", Some(&cached), Some(&cat), 1.3),
        compare(
            "cached get, static musl build, vs cat",
            cached_musl.as_ref(),
            Some(&cat),
            1.3,
        ),
        compare(
            "cold get, HTTP, vs curl",
            Some(&cold_http),
            curl_http.as_ref(),
            0.25,
        ),
        compare(
            "cold get, HTTP, vs curl | jq",
            Some(&cold_http),
            curl_jq_http.as_ref(),
            0.25,
        ),
        // The guard rails of issue 20, for TLS by the crates: the system's
        // store costs what rustls costs to load it, measured against what
        // a user would run instead.
        compare(
            "cold get, HTTPS, OS store, vs curl on its store",
            cold_https_os.as_ref(),
            curl_https_os.as_ref(),
            0.25,
        ),
        compare(
            "cold get, HTTPS, --ca-bundle, vs curl --cacert",
            Some(&cold_https_bundle),
            curl_https.as_ref(),
            0.35,
        ),
        compare(
            "cached get, secret command (sleep 1), vs inline secret",
            Some(&cached_command),
            Some(&cached_inline),
            1.05,
        ),
        compare(
            "api --paginate, 50 pages, HTTPS, vs a shell loop of curl",
            Some(&paginate),
            page_loop.as_ref(),
            0.3,
        ),
    ];

    // One cold get from the slow server, the bursts' yardstick.
    let one_slow = median((0..RUNS / 4).map(|_| cold_slow.time()).collect());

    // Bursts: 32 processes at once on an empty cache, against a server
    // that takes 0.2 s, counting requests.
    let mut burst_walls = Vec::new();
    let mut burst_requests = Vec::new();
    for _ in 0..BURSTS {
        let burst = Sandbox::new(BIN);
        burst.zuora.delay(SLOW_SERVER);
        let started = Instant::now();
        let children: Vec<_> = (0..BURST_SIZE)
            .map(|_| {
                zuora_token(&burst, &["get"])
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success(), "a burst process failed");
        }
        burst_walls.push(started.elapsed());
        burst_requests.push(burst.zuora.count());
    }
    let burst_wall = median(burst_walls);

    let time_installed = Command::new(TIME)
        .args(["-f", "%M", "true"])
        .output()
        .is_ok_and(|out| out.status.success());
    let mut floor = Subject::new("true", || Command::new("true"));
    let mut measured: Vec<&mut Subject> = vec![
        &mut floor,
        &mut cat,
        &mut cached,
        &mut cached_command,
        &mut cached_inline,
        &mut cold_http,
        &mut cold_https_bundle,
    ];
    measured.extend(cold_https_os.as_mut());
    measured.extend(cached_musl.as_mut());
    if time_installed {
        for _ in 0..RSS_RUNS {
            measured
                .iter_mut()
                .for_each(|subject| subject.run_for_memory());
        }
    } else {
        println!("note: {TIME} (GNU time) is not installed; peak memory is not measured");
    }

    println!();
    println!("zuora-token {} benchmark", env!("CARGO_PKG_VERSION"));
    println!("machine: {}", machine());
    println!(
        "binary: {} bytes ({})",
        std::fs::metadata(BIN).unwrap().len(),
        BIN
    );
    println!(
        "runs: {RUNS} pairs per comparison (A B A B, after 3 warm-up runs of each), a ratio the median of the pairs' ratios; {BURSTS} bursts of {BURST_SIZE}"
    );
    println!(
        "peak memory: max of {RSS_RUNS} runs under GNU time, whose own floor (`true`) is {}; `cat` reads {}",
        peak_mib(&floor),
        peak_mib(&cat)
    );
    println!();
    println!("| measure (median) | zuora-token | peer | ratio | target | |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let ratio = burst_wall.as_secs_f64() / one_slow.as_secs_f64();
    table.push(row(
        "32 parallel cold gets vs one, server 0.2 s",
        ms(burst_wall),
        format!("{} (one cold get)", ms(one_slow)),
        Some(ratio),
        "<= 1.1x",
        Some(ratio <= 1.1),
    ));
    let max_requests = burst_requests.iter().max().copied().unwrap_or(0);
    let min_requests = burst_requests.iter().min().copied().unwrap_or(0);
    table.push(row(
        "32 parallel cold gets: requests to Zuora",
        format!("{min_requests}..={max_requests} per burst"),
        "-".into(),
        None,
        "exactly 1",
        Some(min_requests == 1 && max_requests == 1),
    ));
    let rss = |s: &Subject, limit_mib: u64, what: &str| {
        let peak = s.rss_kib.iter().max().copied();
        row(
            what,
            peak_mib(s),
            "-".into(),
            None,
            &format!("< {limit_mib} MiB"),
            peak.map(|kib| kib < limit_mib * 1024),
        )
    };
    table.push(rss(&cached, 4, "peak RSS, cached get"));
    if let Some(musl) = cached_musl.as_ref() {
        table.push(rss(musl, 4, "peak RSS, cached get, static musl build"));
    }
    table.push(rss(
        &cached_inline,
        4,
        "peak RSS, cached get, profile in a config file",
    ));
    table.push(rss(&cold_http, 6, "peak RSS, cold get (HTTP)"));
    table.push(rss(
        &cold_https_bundle,
        6,
        "peak RSS, cold get (HTTPS, --ca-bundle)",
    ));
    if let Some(os) = cold_https_os.as_ref() {
        table.push(rss(os, 6, "peak RSS, cold get (HTTPS, OS store)"));
    }
    table.push(match action_install(scratch.path()) {
        Ok(took) => row(
            "GitHub Action install step, release from a local host",
            format!("{:.2} s", took.as_secs_f64()),
            "-".into(),
            None,
            "< 5 s",
            Some(took < Duration::from_secs(5)),
        ),
        Err(why) => row(
            "GitHub Action install step, release from a local host",
            format!("skipped: {why}"),
            "-".into(),
            None,
            "< 5 s",
            None,
        ),
    });
    let size = std::fs::metadata(BIN).unwrap().len();
    table.push(row(
        "binary size",
        format!("{:.2} MiB", size as f64 / (1 << 20) as f64),
        "-".into(),
        None,
        "< 4 MiB",
        Some(size < 4 << 20),
    ));
    table.iter().for_each(|line| println!("{line}"));
    println!();
    for subject in [
        &cat,
        &cached,
        &cached_command,
        &cached_inline,
        &cold_http,
        &cold_https_bundle,
    ]
    .into_iter()
    .chain(cold_https_os.as_ref())
    .chain(cached_musl.as_ref())
    {
        println!("{}: peak memory {}", subject.name, peak_mib(subject));
    }
}
