//! The GitHub Action (`action.yml`): its scripts run in bash as a runner
//! runs them, with the runner's files (`GITHUB_ENV`, `GITHUB_OUTPUT`,
//! `GITHUB_PATH`, `RUNNER_TEMP`) in the sandbox, the inputs as the
//! `INPUT_*` variables action.yml passes, the binary under test on `PATH`
//! and the fake Zuora. The download step gets the packaging script's
//! archive of the build under test and its `SHA256SUMS` from a release
//! host on 127.0.0.1 (testkit's `ReleaseHost`, as `GITHUB_SERVER_URL`).
//! The build step's `cargo install` is a stand-in that records how it was
//! called: the tests build nothing. What only GitHub can run (the `uses:`
//! of actions/cache, the expressions) is checked against the scripts here,
//! and by CI against GitHub's schema.
//!
//! They skip, saying so, where bash (or, for the download, tar or gzip) is
//! missing.

#![cfg(unix)]

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, ReleaseHost, Reply, Run, Sandbox, run, skip};

use crate::release::{self, LINUX_X64, archive_name};
use crate::{bin, sandbox};

const ENTITY: &str = "11e643f4-a3ee-8bad-b061-0025904c756d";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> PathBuf {
    repo().join("action").join(name)
}

/// `program`, from this process's `PATH`.
fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|found| found.is_file())
    })
}

/// bash, from this process's `PATH`; `None`, saying so, if it is missing.
fn bash() -> Option<PathBuf> {
    let found = which("bash");
    if found.is_none() {
        skip("bash is not installed");
    }
    found
}

fn executable(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// A runner's view of one job: its files, and a `zuora-token` on `PATH`
/// that records its arguments, then execs the binary under test.
struct Job<'a> {
    sb: &'a Sandbox,
    bash: PathBuf,
    dir: PathBuf,
}

impl<'a> Job<'a> {
    fn new(sb: &'a Sandbox) -> Option<Job<'a>> {
        let job = Job {
            sb,
            bash: bash()?,
            dir: sb.home().join("runner"),
        };
        executable(
            &job.dir.join("bin/zuora-token"),
            &format!(
                "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\nexec '{}' \"$@\"\n",
                job.dir.join("argv").display(),
                bin()
            ),
        );
        std::fs::create_dir_all(job.dir.join("temp")).unwrap();
        std::fs::write(job.dir.join("github_env"), "EARLIER=kept\n").unwrap();
        std::fs::write(job.dir.join("github_output"), "").unwrap();
        Some(job)
    }

    /// A script of the action, as its step runs it: nothing of this
    /// machine's environment but `PATH` (after the job's `bin`), the
    /// runner's variables, then `env`.
    fn step(&self, name: &str, env: &[(&str, &str)]) -> Command {
        let path = std::env::var("PATH").unwrap_or_default();
        let mut cmd = Command::new(&self.bash);
        cmd.arg(script(name))
            .current_dir(self.sb.home())
            .env_clear()
            .env("PATH", format!("{}:{path}", self.dir.join("bin").display()))
            .env("HOME", self.sb.home())
            .env("XDG_CONFIG_HOME", self.sb.home().join(".config"))
            .env("XDG_CACHE_HOME", self.sb.home().join(".cache"))
            .env("GITHUB_ACTION_PATH", repo())
            .env("GITHUB_ENV", self.dir.join("github_env"))
            .env("GITHUB_OUTPUT", self.dir.join("github_output"))
            .env("GITHUB_PATH", self.dir.join("github_path"))
            .env("RUNNER_TEMP", self.dir.join("temp"))
            .envs(env.iter().copied());
        cmd
    }

    /// `run.sh` with these inputs (`CLIENT_ID` is `INPUT_CLIENT_ID`) and
    /// the job's own variables besides.
    fn fetch(&self, inputs: &[(&str, &str)], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.step("run.sh", env);
        for (name, value) in inputs {
            cmd.env(format!("INPUT_{name}"), value);
        }
        run(&mut assert_cmd::Command::from_std(cmd))
    }

    /// `run.sh` with working inputs for the fake, and `more`.
    fn fetch_ok(&self, more: &[(&str, &str)]) -> Run {
        self.fetch_ok_in(&[], more)
    }

    /// `fetch_ok` with the job's variables `env`.
    fn fetch_ok_in(&self, env: &[(&str, &str)], more: &[(&str, &str)]) -> Run {
        let url = self.sb.zuora.url();
        let mut inputs = vec![
            ("BASE_URL", url.as_str()),
            ("CLIENT_ID", CLIENT_ID),
            ("CLIENT_SECRET", CLIENT_SECRET),
        ];
        inputs.extend_from_slice(more);
        self.fetch(&inputs, env)
    }

    fn github_env(&self) -> String {
        read(&self.dir.join("github_env"))
    }

    fn github_output(&self) -> String {
        read(&self.dir.join("github_output"))
    }

    /// The arguments zuora-token was run with, one a line, every run.
    fn argv(&self) -> Vec<String> {
        read(&self.dir.join("argv"))
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// What is left in `RUNNER_TEMP`.
    fn temp_files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.join("temp"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect()
    }

    /// Asserts that the step left the job as it found it: no token
    /// anywhere, no temporary file.
    fn untouched(&self, out: &Run) {
        assert_eq!(self.github_env(), "EARLIER=kept\n");
        assert_eq!(self.github_output(), "");
        assert!(!out.stdout.contains("::add-mask::"), "{out:#?}");
        assert_eq!(self.temp_files(), Vec::<PathBuf>::new());
    }

    /// A stand-in cargo on the job's `PATH`: records where and how it was
    /// run (in the file returned), and installs a zuora-token where
    /// `--root` says.
    fn cargo_stand_in(&self) -> PathBuf {
        let log = self.dir.join("cargo.log");
        executable(
            &self.dir.join("bin/cargo"),
            &format!(
                "#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\" > '{}'\n\
                 while [ $# -gt 0 ]; do [ \"$1\" = --root ] && root=$2; shift; done\n\
                 mkdir -p \"$root/bin\" && printf '#!/bin/sh\\n' > \"$root/bin/zuora-token\" && chmod +x \"$root/bin/zuora-token\"\n",
                log.display()
            ),
        );
        log
    }

    /// `program` on the job's `PATH` in front of the real one, recording
    /// each run in the file returned.
    fn recording(&self, program: &str) -> PathBuf {
        let log = self.dir.join(format!("{program}.log"));
        let real = which(program).map_or("false".into(), |p| p.display().to_string());
        executable(
            &self.dir.join("bin").join(program),
            &format!(
                "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{real}' \"$@\"\n",
                log.display()
            ),
        );
        log
    }

    /// A step of the install part of action.yml, `GITHUB_OUTPUT` emptied
    /// first: the run, and the outputs it wrote.
    fn install_step(&self, name: &str, env: &[(&str, &str)]) -> (Run, HashMap<String, String>) {
        std::fs::write(self.dir.join("github_output"), "").unwrap();
        let out = run(&mut assert_cmd::Command::from_std(self.step(name, env)));
        let outputs = self
            .github_output()
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        (out, outputs)
    }

    /// key.sh then download.sh, as a runner runs them with `runner`'s
    /// variables (`RUNNER_OS`, `RUNNER_ARCH`, `RUNNER_TOOL_CACHE`,
    /// `GITHUB_SERVER_URL`, ...): download.sh's run, its `installed`
    /// output, and the root key.sh chose.
    fn download(&self, runner: &[(&str, &str)]) -> (Run, Option<String>, PathBuf) {
        let (key, located) = self.install_step("key.sh", runner);
        key.ok();
        let (root, digest) = (&located["root"], &located["digest"]);
        let env = [
            runner,
            &[
                ("ZUORA_TOKEN_ROOT", root.as_str()),
                ("ZUORA_TOKEN_DIGEST", digest),
            ],
        ]
        .concat();
        let (out, outputs) = self.install_step("download.sh", &env);
        (out, outputs.get("installed").cloned(), PathBuf::from(root))
    }
}

#[test]
fn the_inputs_reach_zuora_and_the_token_reaches_later_steps_masked() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let token_url = format!("{}/oauth/token", sb.zuora.url());
    let out = job.fetch_ok(&[
        ("TOKEN_URL", &token_url),
        ("ENTITY_ID", ENTITY),
        ("TRACK_ID", "ci-run-42"),
        ("ORG_IDS", "org-1,org-2"),
        ("TIMEOUT", "20"),
        ("RETRIES", "1"),
        ("VERBOSE", "false"),
        // Empty inputs are not passed.
        ("ENVIRONMENT", ""),
        ("PROFILE", ""),
    ]);
    out.ok().never_shows(CLIENT_SECRET);
    assert_eq!(out.stderr, "", "nothing but under verbose");

    let request = sb.zuora.only_request();
    assert_eq!(request.field("client_id"), Some(CLIENT_ID));
    assert_eq!(request.field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(request.header("zuora-entity-ids"), Some(ENTITY));
    assert_eq!(request.header("zuora-track-id"), Some("ci-run-42"));

    let output = job.github_output();
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3, "{output}");
    let token = lines[0].strip_prefix("token=").expect("token output");
    let expires_at = lines[1].strip_prefix("expires-at=").expect("expires-at");
    assert_eq!(token.len(), 32, "{output}");
    assert!(
        expires_at.starts_with("20") && expires_at.ends_with('Z'),
        "{output}"
    );
    assert_eq!(lines[2], format!("base-url={}", sb.zuora.url()));

    // The mask line and nothing else on stdout; the token nowhere else.
    assert_eq!(out.stdout, format!("::add-mask::{token}\n"));
    assert!(!out.stderr.contains(token), "{out:#?}");
    assert_eq!(
        job.github_env(),
        format!(
            "EARLIER=kept\nZUORA_ACCESS_TOKEN={token}\nZUORA_TOKEN_EXPIRES_AT={expires_at}\nZUORA_BASE_URL={}\n\
             ZUORA_ENTITY_ID={ENTITY}\nZUORA_ORG_IDS=org-1,org-2\nZUORA_TRACK_ID=ci-run-42\n",
            sb.zuora.url()
        )
    );
    // The secret on no command line; each input as its flag.
    assert_eq!(
        job.argv(),
        [
            format!("--base-url={}", sb.zuora.url()).as_str(),
            &format!("--token-url={token_url}"),
            &format!("--client-id={CLIENT_ID}"),
            &format!("--entity-id={ENTITY}"),
            "--track-id=ci-run-42",
            "--org-ids=org-1,org-2",
            "--timeout=20",
            "--retries=1",
            "env",
            "--shell",
            "github",
        ]
    );
    assert_eq!(
        job.temp_files(),
        Vec::<PathBuf>::new(),
        "the private copy is removed"
    );
}

#[test]
fn a_wrong_secret_fails_the_step_with_zuora_tokens_exit_code_and_no_token() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let wrong = "n0t+The/s3cret=";
    let url = sb.zuora.url();
    let out = job.fetch(
        &[
            ("BASE_URL", &url),
            ("CLIENT_ID", CLIENT_ID),
            ("CLIENT_SECRET", wrong),
        ],
        &[],
    );
    out.code(3)
        .stderr_has("zuora-token: error")
        .stdout_has("::error title=zuora-token::zuora-token exited with code 3")
        .never_shows(wrong);
    assert_eq!(sb.zuora.only_request().field("client_secret"), Some(wrong));
    job.untouched(&out);
}

#[test]
fn the_step_fails_with_whatever_code_zuora_token_exits_with() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    sb.zuora.then(Reply::status(503, "{}"));
    let out = job.fetch_ok(&[("RETRIES", "0")]);
    out.code(5)
        .stdout_has("::error title=zuora-token::zuora-token exited with code 5");
    job.untouched(&out);
}

#[test]
fn an_invalid_input_is_zuora_tokens_usage_error_and_nothing_is_fetched() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let out = job.fetch(
        &[("ENVIRONMENT", "nowhere"), ("CLIENT_SECRET", CLIENT_SECRET)],
        &[("ZUORA_CLIENT_ID", CLIENT_ID)],
    );
    out.code(2).stderr_has("nowhere");
    assert_eq!(job.argv()[0], "--environment=nowhere");
    job.untouched(&out);

    let out = job.fetch_ok(&[("VERBOSE", "yes")]);
    out.code(2).stdout_has("verbose must be true or false");
    job.untouched(&out);
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn empty_inputs_leave_the_jobs_variables_in_force_and_inputs_beat_them() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let url = sb.zuora.url();
    // The job's own variables: a base URL where nothing listens (as the
    // ZUORA_BASE_URL that an earlier use of the action exports can be), a
    // client id and a secret.
    let job_env = [
        ("ZUORA_BASE_URL", "http://127.0.0.1:9"),
        ("ZUORA_CLIENT_ID", CLIENT_ID),
        ("ZUORA_CLIENT_SECRET", CLIENT_SECRET),
    ];
    let inputs = [
        ("BASE_URL", url.as_str()),
        ("CLIENT_ID", ""),
        ("CLIENT_SECRET", ""),
    ];
    job.fetch(&inputs, &job_env).ok();
    assert_eq!(sb.zuora.count(), 1, "the input's base URL was used");
    assert_eq!(job.argv()[..2], [format!("--base-url={url}"), "env".into()]);

    // A secret input beats a secret file of the job's, rather than being a
    // second source that zuora-token refuses.
    let out = job.fetch(
        &[
            ("BASE_URL", &url),
            ("CLIENT_ID", CLIENT_ID),
            ("CLIENT_SECRET", CLIENT_SECRET),
        ],
        &[("ZUORA_CLIENT_SECRET_FILE", "/nonexistent/secret")],
    );
    out.ok();
    assert_eq!(job.github_output().lines().count(), 6, "two steps' outputs");
}

#[test]
fn the_profile_and_config_inputs_choose_the_profile() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let config = sb.file(
        "ci/zuora-token.toml",
        &format!(
            "[profiles.ci]\nbase_url = \"{}\"\nclient_id = \"{CLIENT_ID}\"\ntrack_id = \"from-profile\"\n",
            sb.zuora.url()
        ),
    );
    let config = config.to_str().unwrap();
    let out = job.fetch(
        &[
            ("PROFILE", "ci"),
            ("CONFIG", config),
            ("CLIENT_SECRET", CLIENT_SECRET),
            ("VERBOSE", "true"),
        ],
        &[],
    );
    out.ok().never_shows(CLIENT_SECRET);
    let request = sb.zuora.only_request();
    assert_eq!(request.header("zuora-track-id"), Some("from-profile"));
    assert_eq!(
        job.argv(),
        [
            "--profile=ci",
            &format!("--config={config}"),
            "--verbose",
            "env",
            "--shell",
            "github"
        ]
    );
    // -v speaks on stderr, and never shows the token there.
    let token = job.github_output().lines().next().unwrap()[6..].to_owned();
    assert!(
        out.stderr.contains("zuora-token:") && !out.stderr.contains(&token),
        "{out:#?}"
    );
}

#[test]
fn missing_runner_files_are_an_error_before_anything_is_fetched() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let home = sb.home().to_str().unwrap();
    for (name, value, code, says) in [
        ("GITHUB_ENV", "", 2, "GITHUB_ENV is not set"),
        ("GITHUB_OUTPUT", "", 2, "GITHUB_OUTPUT is not set"),
        // A directory: it cannot be appended to.
        ("GITHUB_ENV", home, 1, "cannot append to $GITHUB_ENV"),
        ("GITHUB_OUTPUT", home, 1, "cannot append to $GITHUB_OUTPUT"),
    ] {
        let out = job.fetch_ok_in(&[(name, value)], &[]);
        out.code(code).stdout_has(says);
        job.untouched(&out);
    }
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn install_builds_from_the_actions_checkout_once_and_puts_it_on_path() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let root = sb.home().join("tool cache/zuora-token/0123456789abcdef");
    let log = job.cargo_stand_in();
    let install = |path: &str| {
        let mut cmd = job.step(
            "install.sh",
            &[("ZUORA_TOKEN_ROOT", root.to_str().unwrap())],
        );
        cmd.env("PATH", path);
        run(&mut assert_cmd::Command::from_std(cmd))
    };
    let bin = job.dir.join("bin");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    install(&path).ok();
    let repo = repo().to_str().unwrap();
    let root_text = root.to_str().unwrap();
    assert_eq!(
        read(&log).lines().collect::<Vec<_>>(),
        [
            repo, "install", "--locked", "--path", repo, "--root", root_text
        ],
        "cargo runs in the action's directory"
    );
    let on_path = format!("{root_text}/bin\n");
    assert_eq!(read(&job.dir.join("github_path")), on_path);

    // Installed (or restored from the cache): cargo is not run again.
    std::fs::remove_file(&log).unwrap();
    install(&path).ok().stdout_has("using the build in");
    assert!(!log.exists(), "cargo ran again");
    assert_eq!(read(&job.dir.join("github_path")), on_path.repeat(2));

    // Not installed, and no cargo to build it with.
    std::fs::remove_dir_all(&root).unwrap();
    let empty = sb.home().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    install(empty.to_str().unwrap())
        .code(1)
        .stdout_has("cargo is not installed");
    assert_eq!(read(&job.dir.join("github_path")), on_path.repeat(2));
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the action's checkout: its sources and its scripts.
fn checkout_copy(sb: &Sandbox) -> PathBuf {
    let copy = sb.home().join("copy");
    for dir in ["src", "action"] {
        copy_tree(&repo().join(dir), &copy.join(dir));
    }
    for file in ["Cargo.toml", "Cargo.lock"] {
        std::fs::copy(repo().join(file), copy.join(file)).unwrap();
    }
    copy
}

#[test]
fn the_cache_key_follows_the_sources_the_binary_is_built_from() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let key_of = |action_path: &Path| {
        std::fs::write(job.dir.join("github_output"), "").unwrap();
        let mut cmd = job.step(
            "key.sh",
            &[
                ("RUNNER_OS", "Linux"),
                ("RUNNER_ARCH", "X64"),
                ("ImageOS", "ubuntu24"),
                ("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache"),
            ],
        );
        cmd.env("GITHUB_ACTION_PATH", action_path);
        run(&mut assert_cmd::Command::from_std(cmd)).ok();
        let output = job.github_output();
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines.len(), 3, "{output}");
        let key = lines[0].strip_prefix("key=").unwrap().to_owned();
        let root = lines[1].strip_prefix("root=").unwrap().to_owned();
        let digest = lines[2].strip_prefix("digest=").unwrap().to_owned();
        assert!(key.ends_with(&format!("-{digest}")), "{output}");
        (key, root)
    };
    let (key, root) = key_of(repo());
    let digest = key
        .strip_prefix("zuora-token-Linux-X64-ubuntu24-")
        .unwrap_or_else(|| panic!("{key}"));
    assert!(
        digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()),
        "{key}"
    );
    assert_eq!(
        root,
        format!("/opt/hostedtoolcache/zuora-token/{}", &digest[..16])
    );

    // The same sources elsewhere: the same key, whatever else is there.
    let copy = checkout_copy(&sb);
    std::fs::write(copy.join("README.md"), "not a source").unwrap();
    assert_eq!(key_of(&copy).0, key);
    // A source changed: another key.
    let main = copy.join("src/main.rs");
    std::fs::write(&main, read(&main) + "\n").unwrap();
    assert_ne!(key_of(&copy).0, key);
}

/// The names of the keys right under a top-level `section:` of a YAML file
/// indented by two spaces, as action.yml is.
fn keys_under(yaml: &str, section: &str) -> Vec<String> {
    let mut inside = false;
    let mut keys = Vec::new();
    for line in yaml.lines() {
        if !line.starts_with([' ', '#']) && !line.is_empty() {
            inside = line == format!("{section}:");
        } else if let Some(key) = line
            .strip_prefix("  ")
            .filter(|rest| !rest.starts_with([' ', '#']))
            .and_then(|rest| rest.strip_suffix(':'))
            && inside
        {
            keys.push(key.to_owned());
        }
    }
    keys
}

#[test]
fn action_yml_passes_every_input_to_the_script_as_zuora_tokens_setting() {
    let yaml = read(&repo().join("action.yml"));
    let run_sh = read(&script("run.sh"));
    let help = run(sandbox().cmd().arg("--help")).stdout;
    let inputs = keys_under(&yaml, "inputs");
    assert!(inputs.len() >= 10, "{inputs:?}");
    // `version` chooses the release the install steps download.
    assert_eq!(
        yaml.matches("INPUT_VERSION: ${{ inputs.version }}").count(),
        2,
        "key.sh and download.sh"
    );
    for input in inputs.iter().filter(|input| *input != "version") {
        let variable = format!("INPUT_{}", input.to_uppercase().replace('-', "_"));
        assert!(
            yaml.contains(&format!("{variable}: ${{{{ inputs.{input} }}}}")),
            "action.yml does not pass the input {input} as {variable}"
        );
        assert!(
            run_sh.contains(&format!("{variable}:-")),
            "run.sh ignores {variable}"
        );
        assert!(
            help.contains(&format!("--{input} ")),
            "the input {input} is no setting of zuora-token"
        );
    }
    let outputs = keys_under(&yaml, "outputs");
    assert_eq!(outputs, ["token", "expires-at", "base-url"]);
    for output in &outputs {
        assert!(yaml.contains(&format!("value: ${{{{ steps.token.outputs.{output} }}}}")));
    }
    for step in ["key.sh", "download.sh", "install.sh", "run.sh"] {
        assert!(
            yaml.contains(&format!("run: bash \"$GITHUB_ACTION_PATH/action/{step}\"")),
            "{step}"
        );
    }
    // Third-party actions pinned by full commit SHA, here and in the
    // workflows.
    let workflows = ["ci.yml", "release.yml"]
        .map(|name| read(&repo().join(".github/workflows").join(name)))
        .concat();
    let all = [yaml.as_str(), &workflows].concat();
    let pins: Vec<&str> = all
        .lines()
        .filter_map(|line| line.trim().trim_start_matches("- ").strip_prefix("uses: "))
        .collect();
    assert!(pins.len() >= 8, "{pins:?}");
    for pin in pins {
        let sha = pin
            .split_once('@')
            .map_or("", |(_, rest)| &rest[..40.min(rest.len())]);
        assert!(
            sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
            "not pinned by commit: {pin}"
        );
    }
}

/// The owner/name part of Cargo.toml's `repository`: where the download
/// step looks when GitHub does not say which repository the action is.
fn repository() -> String {
    let url = release::package("repository");
    url.strip_prefix("https://github.com/")
        .unwrap_or_else(|| panic!("{url}"))
        .to_owned()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A release of this checkout on a release host of the test's own: the
/// packaging script's archive of the build under test (as the Linux x86_64
/// archive), and a SHA256SUMS with its line and another target's, where
/// GitHub serves release downloads.
struct Published {
    host: ReleaseHost,
    /// The release's directory on the host.
    dir: PathBuf,
    /// The archive's name, as the script names it.
    name: String,
    /// The request path of each file.
    path: String,
    /// The runner's tool cache.
    tool_cache: String,
}

impl Published {
    fn new(sb: &Sandbox) -> Option<Published> {
        let archive = release::archive()?;
        let path = format!(
            "/{}/releases/download/v{}",
            repository(),
            release::package("version")
        );
        let root = sb.home().join("release host");
        let dir = root.join(&path[1..]);
        std::fs::create_dir_all(&dir).unwrap();
        let name = archive_name(LINUX_X64);
        std::fs::copy(archive, dir.join(&name)).unwrap();
        let published = Published {
            host: ReleaseHost::serve(&root),
            dir,
            name,
            path,
            tool_cache: sb.home().join("tool cache").to_str().unwrap().to_owned(),
        };
        published.sums(&[&published.name]);
        Some(published)
    }

    /// SHA256SUMS with a line for each of `names` (as the files now are;
    /// a name that is not a file gets an empty file's), then another
    /// target's line.
    fn sums(&self, names: &[&str]) {
        let mut sums = String::new();
        for name in names {
            let bytes = std::fs::read(self.dir.join(name)).unwrap_or_default();
            sums += &format!("{}  {name}\n", sha256_hex(&bytes));
        }
        sums += &format!(
            "{}  zuora-token-0.0.0-aarch64-apple-darwin.tar.gz\n",
            "0".repeat(64)
        );
        std::fs::write(self.dir.join("SHA256SUMS"), sums).unwrap();
    }

    /// The environment of a Linux X64 runner whose GitHub is this host.
    fn runner(&self) -> Vec<(&str, &str)> {
        vec![
            ("RUNNER_OS", "Linux"),
            ("RUNNER_ARCH", "X64"),
            ("RUNNER_TOOL_CACHE", &self.tool_cache),
            ("GITHUB_SERVER_URL", self.host.url()),
        ]
    }
}

#[test]
fn the_install_steps_download_the_release_check_it_and_put_it_on_path() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let Some(release) = Published::new(&sb) else {
        return;
    };
    let cargo = job.cargo_stand_in();
    let runner = release.runner();

    let (out, installed, root) = job.download(&runner);
    out.ok().stdout_has(&format!(
        "zuora-token: installed release v{} ({LINUX_X64}) in {}, its SHA-256 checked against SHA256SUMS",
        release::package("version"),
        root.display()
    ));
    assert_eq!(installed.as_deref(), Some("true"));
    assert_eq!(
        release.host.requests(),
        [
            format!("{}/SHA256SUMS", release.path),
            format!("{}/{}", release.path, release.name)
        ]
    );
    assert!(root.starts_with(&release.tool_cache), "{}", root.display());
    let installed_bin = root.join("bin/zuora-token");
    assert!(root.join("bin/zuora-token-keyring").is_file());
    let version = Command::new(&installed_bin)
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("zuora-token {}\n", release::package("version"))
    );
    assert_eq!(job.temp_files(), Vec::<PathBuf>::new(), "downloads removed");

    // The build step finds it and builds nothing; it is on PATH.
    let (out, _) = job.install_step(
        "install.sh",
        &[("ZUORA_TOKEN_ROOT", root.to_str().unwrap())],
    );
    out.ok().stdout_has("using the build in");
    assert!(!cargo.exists(), "cargo ran");
    assert_eq!(
        read(&job.dir.join("github_path")),
        format!("{}\n", root.join("bin").display())
    );

    // The token step runs the installed zuora-token from that PATH.
    let path = format!(
        "{}:{}",
        root.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    job.fetch_ok_in(&[("PATH", &path)], &[]).ok();
    assert!(job.argv().is_empty(), "the job's own zuora-token ran");
    assert_eq!(sb.zuora.count_path("/oauth/token"), 1);
    assert!(job.github_output().starts_with("token="));

    // A later job on the same runner: already in the tool cache.
    let (out, installed, _) = job.download(&runner);
    out.ok().stdout_has("already installed");
    assert_eq!(installed.as_deref(), Some("true"));
    assert_eq!(release.host.requests().len(), 2, "downloaded again");
}

#[test]
fn a_tampered_archive_or_a_missing_checksum_line_fails_the_step_before_anything_is_extracted() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let Some(release) = Published::new(&sb) else {
        return;
    };
    let tar = job.recording("tar");
    let runner = release.runner();
    let archive = release.dir.join(&release.name);
    let original = std::fs::read(&archive).unwrap();
    let fails = |says: &str| {
        let (out, installed, root) = job.download(&runner);
        out.code(1)
            .stdout_has("::error title=zuora-token::")
            .stdout_has(says)
            .stdout_has("not installed");
        assert_eq!(installed, None);
        assert!(!root.exists(), "{} was made", root.display());
        assert!(!tar.exists(), "tar ran: {}", read(&tar));
        assert_eq!(job.temp_files(), Vec::<PathBuf>::new());
    };

    // One byte more than SHA256SUMS says.
    let mut tampered = original.clone();
    tampered.push(0);
    std::fs::write(&archive, &tampered).unwrap();
    fails(&format!(
        "{} has SHA-256 {}, but SHA256SUMS of release v",
        release.name,
        sha256_hex(&tampered)
    ));

    // The archive as published, but no line for it in SHA256SUMS; then two.
    std::fs::write(&archive, &original).unwrap();
    release.sums(&[]);
    let no_line = format!("has no (single) line for {}", release.name);
    fails(&no_line);
    release.sums(&[&release.name, "zuora-token-x.tar.gz"]);
    let sums = read(&release.dir.join("SHA256SUMS"));
    let twice = sums.replace("zuora-token-x.tar.gz", &release.name);
    std::fs::write(release.dir.join("SHA256SUMS"), twice).unwrap();
    fails(&no_line);

    // Put right, it is extracted (by tar) and installed.
    release.sums(&[&release.name]);
    let (out, installed, _) = job.download(&runner);
    out.ok();
    assert_eq!(installed.as_deref(), Some("true"));
    assert!(read(&tar).starts_with("-xzf "), "{}", read(&tar));
}

#[test]
fn without_a_release_of_its_sources_the_step_says_so_and_builds_from_source() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    let Some(release) = Published::new(&sb) else {
        return;
    };
    let cargo = job.cargo_stand_in();
    let version = release::package("version");
    let falls_back = |env: &[(&str, &str)], says: &str| {
        let (out, installed, root) = job.download(env);
        out.ok()
            .stdout_has(&format!("zuora-token: {says}: building it from source"));
        assert_eq!(installed.as_deref(), Some("false"));
        assert!(!root.exists());
        root
    };

    // No release for this version (404).
    std::fs::remove_dir_all(&release.dir).unwrap();
    let runner = release.runner();
    let root = falls_back(
        &runner,
        &format!(
            "no release v{version} at {}{}",
            release.host.url(),
            release.path
        ),
    );
    // ... so the build step builds it, from the action's checkout.
    let (out, _) = job.install_step(
        "install.sh",
        &[("ZUORA_TOKEN_ROOT", root.to_str().unwrap())],
    );
    out.ok();
    assert_eq!(read(&cargo).lines().nth(1), Some("install"));
    std::fs::remove_dir_all(&root).unwrap();

    // A release whose archive is not there.
    std::fs::create_dir_all(&release.dir).unwrap();
    release.sums(&[]);
    falls_back(
        &runner,
        &format!("release v{version} has no {}", release.name),
    );

    // A release, but of other sources than this checkout's (a branch, a
    // commit between releases): its archive is checked, then not used.
    let published = Published::new(&sb).unwrap();
    let copy = checkout_copy(&sb);
    let main = copy.join("src/main.rs");
    std::fs::write(&main, read(&main) + "\n").unwrap();
    let copy_path = copy.to_str().unwrap();
    let runner = [published.runner(), vec![("GITHUB_ACTION_PATH", copy_path)]].concat();
    falls_back(
        &runner,
        &format!("release v{version} was built from other sources than this ref of the action"),
    );

    // A runner without archives.
    let mut freebsd = published.runner();
    freebsd[0] = ("RUNNER_OS", "FreeBSD");
    falls_back(&freebsd, "no release archive for a FreeBSD X64 runner");

    // Asked for a version that has no release: no build of another.
    let with_version = [published.runner(), vec![("INPUT_VERSION", "9.9.9")]].concat();
    let (out, installed, root) = job.download(&with_version);
    out.code(1).stdout_has(&format!(
        "::error title=zuora-token::no release v9.9.9 at {}/{}/releases/download/v9.9.9",
        published.host.url(),
        repository()
    ));
    assert_eq!(installed, None);
    assert!(root.ends_with("zuora-token/v9.9.9"), "{}", root.display());
}

#[test]
fn each_runner_gets_the_archive_the_packaging_script_names_for_its_platform() {
    let sb = sandbox();
    let Some(job) = Job::new(&sb) else { return };
    // A fork's release, whose SHA256SUMS lists nothing: each runner asks
    // for its archive by name, and fails on the missing line.
    let fork = "someone/zuora-token-fork";
    let version = release::package("version");
    let dir = sb
        .home()
        .join("host")
        .join(fork)
        .join("releases/download")
        .join(format!("v{version}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("SHA256SUMS"), "").unwrap();
    let host = ReleaseHost::serve(&sb.home().join("host"));
    for (os, arch, target) in [
        ("Linux", "X64", "x86_64-unknown-linux-musl"),
        ("Linux", "ARM64", "aarch64-unknown-linux-musl"),
        ("macOS", "X64", "x86_64-apple-darwin"),
        ("macOS", "ARM64", "aarch64-apple-darwin"),
        ("Windows", "X64", "x86_64-pc-windows-msvc"),
    ] {
        let name = archive_name(target);
        std::fs::write(dir.join(&name), target).unwrap();
        let tool_cache = sb.home().join("tool cache");
        let (out, _, _) = job.download(&[
            ("RUNNER_OS", os),
            ("RUNNER_ARCH", arch),
            ("RUNNER_TOOL_CACHE", tool_cache.to_str().unwrap()),
            ("GITHUB_SERVER_URL", host.url()),
            ("ZUORA_TOKEN_REPOSITORY", fork),
        ]);
        out.code(1)
            .stdout_has(&format!("has no (single) line for {name}: not installed"));
        assert_eq!(
            host.requests().last(),
            Some(&format!("/{fork}/releases/download/v{version}/{name}")),
            "{os} {arch}"
        );
    }
}
