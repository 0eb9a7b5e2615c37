//! `cargo bench`: zuora-token measured against the tools users would
//! otherwise reach for, side by side and interleaved in one run, so that the
//! ratios hold on a noisy machine. Everything talks to the fake Zuora on
//! 127.0.0.1. A peer tool that is not installed is skipped with a note.
//!
//! 1. cold fetch over HTTP: `get --no-cache` vs `curl` (and `curl | jq`);
//! 2. cold fetch over HTTPS with a test CA: vs `curl --cacert`;
//! 3. cached `get` vs `cat` of a small file (the floor: a process start);
//! 4. bursts of 32 parallel cold `get`s: wall time and requests seen;
//! 5. peak memory (max RSS) of a cold fetch and of a cached get.

use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora, Sandbox, TestCa};

const BIN: &str = env!("CARGO_BIN_EXE_zuora-token");
const RUNS: usize = 40;
const BURSTS: usize = 30;
const BURST_SIZE: usize = 32;

/// One run of a command: how long it took and its peak memory.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    max_rss_kib: u64,
}

/// A command under measurement and its samples.
struct Subject {
    name: &'static str,
    command: Box<dyn Fn() -> Command>,
    samples: Vec<Sample>,
}

impl Subject {
    fn new(name: &'static str, command: impl Fn() -> Command + 'static) -> Subject {
        Subject {
            name,
            command: Box::new(command),
            samples: Vec::new(),
        }
    }

    fn run(&mut self) {
        let sample = measure(&mut (self.command)(), self.name);
        self.samples.push(sample);
    }

    fn median(&self) -> Duration {
        median(self.samples.iter().map(|s| s.wall).collect())
    }

    fn median_rss_kib(&self) -> u64 {
        median(self.samples.iter().map(|s| s.max_rss_kib).collect())
    }
}

fn median<T: Ord + Copy>(mut values: Vec<T>) -> T {
    values.sort();
    values[values.len() / 2]
}

/// Runs `command` to the end, timing it and reading its peak RSS from the
/// kernel's accounting of the child (wait4), so nothing else is counted.
#[allow(clippy::zombie_processes)] // The child is reaped by wait4, not Child::wait.
fn measure(command: &mut Command, name: &str) -> Sample {
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, which is not waited for elsewhere.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(pid, child.id() as libc::pid_t, "{name}: wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{name} failed"
    );
    Sample {
        wall,
        max_rss_kib: usage.ru_maxrss as u64,
    }
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

/// The POST a user would write by hand.
fn curl(base_url: &str, extra: &[OsString]) -> Command {
    let mut command = Command::new("curl");
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
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("curl {} | jq -r .access_token", args.join(" ")));
    command
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// One row of the table: the measure, ours, the peer's, the ratio, the target.
fn row(
    what: &str,
    ours: String,
    peer: String,
    ratio: Option<f64>,
    target: &str,
    met: Option<bool>,
) {
    let ratio = ratio.map_or("-".into(), |r| format!("{r:.2}x"));
    let met = match met {
        Some(true) => "met",
        Some(false) => "MISSED",
        None => "-",
    };
    println!("| {what} | {ours} | {peer} | {ratio} | {target} | {met} |");
}

fn compare(what: &str, ours: &Subject, peer: Option<&Subject>, limit: f64) {
    match peer {
        Some(peer) => {
            let ratio = ours.median().as_secs_f64() / peer.median().as_secs_f64();
            let peer_text = format!("{} ({})", ms(peer.median()), peer.name);
            row(
                what,
                ms(ours.median()),
                peer_text,
                Some(ratio),
                &format!("<= {limit}x"),
                Some(ratio <= limit),
            );
        }
        None => row(
            what,
            ms(ours.median()),
            "skipped".into(),
            None,
            &format!("<= {limit}x"),
            None,
        ),
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

fn main() {
    // One sandbox for the uncached runs over HTTP, one over HTTPS, one
    // whose cache holds a valid token; each burst gets a new one below.
    let http = Rc::new(Sandbox::new(BIN));
    let ca = TestCa::generate();
    let https = Rc::new(Sandbox::with_zuora(BIN, FakeZuora::start_tls(&ca)));
    let ca_file = https.file("ca.pem", &ca.ca_pem);
    let warm = Rc::new(Sandbox::new(BIN));
    let (have_curl, have_jq) = (installed("curl"), installed("jq"));

    // A valid cached token for the cached runs, and a small file for `cat`.
    let out = zuora_token(&warm, &["get"]).output().unwrap();
    assert!(out.status.success(), "warming the cache failed");
    let small_file = std::fs::read_dir(warm.home().join(".cache/zuora-token"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();

    let sb = Rc::clone(&http);
    let mut cold_http = Subject::new("zuora-token get --no-cache", move || {
        zuora_token(&sb, &["get", "--no-cache"])
    });
    let (sb, bundle) = (Rc::clone(&https), ca_file.clone());
    let mut cold_https = Subject::new("zuora-token get --no-cache --ca-bundle", move || {
        let mut command = zuora_token(&sb, &["get", "--no-cache"]);
        command.arg("--ca-bundle").arg(&bundle);
        command
    });
    let sb = Rc::clone(&warm);
    let mut cached = Subject::new("zuora-token get (cached)", move || {
        zuora_token(&sb, &["get"])
    });
    let file = small_file.clone();
    let mut cat = Subject::new("cat", move || {
        let mut command = Command::new("cat");
        command.arg(&file);
        command
    });
    let h = http.zuora.url();
    let mut curl_http = have_curl.then(|| Subject::new("curl", move || curl(&h, &[])));
    let h = http.zuora.url();
    let mut curl_jq_http =
        (have_curl && have_jq).then(|| Subject::new("curl | jq", move || curl_jq(&h)));
    let hs = https.zuora.url();
    let mut curl_https = have_curl.then(|| {
        Subject::new("curl --cacert", move || {
            curl(&hs, &["--cacert".into(), ca_file.clone().into()])
        })
    });

    // Warm up (page cache, lazy binding), then interleave the measured runs.
    let mut subjects: Vec<&mut Subject> =
        vec![&mut cold_http, &mut cold_https, &mut cached, &mut cat];
    subjects.extend(curl_http.as_mut());
    subjects.extend(curl_jq_http.as_mut());
    subjects.extend(curl_https.as_mut());
    for subject in subjects.iter_mut() {
        for _ in 0..3 {
            subject.run();
        }
        subject.samples.clear();
    }
    for _ in 0..RUNS {
        for subject in subjects.iter_mut() {
            subject.run();
        }
    }

    // Bursts: 32 processes at once on an empty cache, counting requests.
    let mut burst_walls = Vec::new();
    let mut burst_requests = Vec::new();
    for _ in 0..BURSTS {
        let burst = Sandbox::new(BIN);
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
    // The floor for a burst: 32 processes that do nothing but start and
    // read a small file.
    let cat_walls = (0..BURSTS)
        .map(|_| {
            let started = Instant::now();
            let children: Vec<_> = (0..BURST_SIZE)
                .map(|_| {
                    Command::new("cat")
                        .arg(&small_file)
                        .stdout(Stdio::null())
                        .spawn()
                        .unwrap()
                })
                .collect();
            for mut child in children {
                assert!(child.wait().unwrap().success());
            }
            started.elapsed()
        })
        .collect();
    let cat_burst_wall = median(cat_walls);

    println!();
    println!("zuora-token {} benchmark", env!("CARGO_PKG_VERSION"));
    println!("machine: {}", machine());
    println!(
        "binary: {} bytes ({})",
        std::fs::metadata(BIN).unwrap().len(),
        BIN
    );
    println!(
        "runs: {RUNS} interleaved per command (after 3 warm-up runs each); {BURSTS} bursts of {BURST_SIZE}"
    );
    println!();
    println!("| measure (median) | zuora-token | peer | ratio | target | |");
    println!("| --- | --- | --- | --- | --- | --- |");
    compare("cold fetch, HTTP", &cold_http, curl_http.as_ref(), 0.5);
    if let Some(jq) = curl_jq_http.as_ref() {
        compare("cold fetch, HTTP (vs curl | jq)", &cold_http, Some(jq), 0.5);
    }
    compare("cold fetch, HTTPS", &cold_https, curl_https.as_ref(), 0.6);
    compare("cached get", &cached, Some(&cat), 1.5);
    let ratio = burst_wall.as_secs_f64() / cold_http.median().as_secs_f64();
    row(
        "burst of 32 cold gets, wall",
        ms(burst_wall),
        format!("{} (one cold fetch)", ms(cold_http.median())),
        Some(ratio),
        "<= 3x",
        Some(ratio <= 3.0),
    );
    let ratio = burst_wall.as_secs_f64() / cat_burst_wall.as_secs_f64();
    row(
        "burst of 32 cold gets, wall, vs a burst of 32 cat",
        ms(burst_wall),
        format!("{} (32 cat)", ms(cat_burst_wall)),
        Some(ratio),
        "(the floor)",
        None,
    );
    let max_requests = burst_requests.iter().max().copied().unwrap_or(0);
    let min_requests = burst_requests.iter().min().copied().unwrap_or(0);
    row(
        "burst of 32: requests to Zuora",
        format!("{min_requests}..={max_requests} per burst"),
        "-".into(),
        None,
        "exactly 1",
        Some(min_requests == 1 && max_requests == 1),
    );
    let rss = |s: &Subject, limit_mib: u64, what: &str| {
        let kib = s.median_rss_kib();
        let peak = s.samples.iter().map(|s| s.max_rss_kib).max().unwrap_or(0);
        row(
            what,
            format!("{} (max {})", mib(kib), mib(peak)),
            "-".into(),
            None,
            &format!("< {limit_mib} MiB"),
            Some(peak < limit_mib * 1024),
        );
    };
    rss(&cached, 4, "peak RSS, cached get");
    rss(&cold_http, 8, "peak RSS, cold fetch (HTTP)");
    rss(&cold_https, 8, "peak RSS, cold fetch (HTTPS)");
    let size = std::fs::metadata(BIN).unwrap().len();
    row(
        "binary size",
        format!("{:.2} MiB", size as f64 / (1 << 20) as f64),
        "-".into(),
        None,
        "< 3 MiB",
        Some(size < 3 << 20),
    );
    println!();
    for subject in [&cold_http, &cold_https, &cached, &cat]
        .into_iter()
        .chain(curl_http.as_ref())
        .chain(curl_jq_http.as_ref())
        .chain(curl_https.as_ref())
    {
        println!(
            "{}: median {}, median max RSS {}",
            subject.name,
            ms(subject.median()),
            mib(subject.median_rss_kib())
        );
    }
}
