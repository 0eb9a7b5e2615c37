//! The GitHub Action (`action.yml`): its scripts run in bash as a runner
//! runs them, with the runner's files (`GITHUB_ENV`, `GITHUB_OUTPUT`,
//! `GITHUB_PATH`, `RUNNER_TEMP`) in the sandbox, the inputs as the
//! `INPUT_*` variables action.yml passes, the binary under test on `PATH`
//! and the fake Zuora. The install step's `cargo install` is a stand-in that
//! records how it was called: the tests build nothing. What only GitHub can
//! run (the `uses:` of actions/cache, the expressions) is checked against
//! the scripts here, and by CI against GitHub's schema.
//!
//! They skip, saying so, where bash is missing.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, Reply, Run, Sandbox, run, skip};

use crate::{bin, sandbox};

const ENTITY: &str = "11e643f4-a3ee-8bad-b061-0025904c756d";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> PathBuf {
    repo().join("action").join(name)
}

/// bash, from this process's `PATH`; `None`, saying so, if it is missing.
fn bash() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join("bash"))
            .find(|bash| bash.is_file())
    });
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
    let log = job.dir.join("cargo.log");
    // A stand-in cargo: records where and how it was run, and installs a
    // zuora-token where --root says.
    executable(
        &job.dir.join("bin/cargo"),
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\" > '{}'\n\
             while [ $# -gt 0 ]; do [ \"$1\" = --root ] && root=$2; shift; done\n\
             mkdir -p \"$root/bin\" && printf '#!/bin/sh\\n' > \"$root/bin/zuora-token\" && chmod +x \"$root/bin/zuora-token\"\n",
            log.display()
        ),
    );
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
        assert_eq!(lines.len(), 2, "{output}");
        let key = lines[0].strip_prefix("key=").unwrap().to_owned();
        let root = lines[1].strip_prefix("root=").unwrap().to_owned();
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
    let copy = sb.home().join("copy");
    copy_tree(&repo().join("src"), &copy.join("src"));
    for file in ["Cargo.toml", "Cargo.lock"] {
        std::fs::copy(repo().join(file), copy.join(file)).unwrap();
    }
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
    for input in &inputs {
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
    for step in ["key.sh", "install.sh", "run.sh"] {
        assert!(
            yaml.contains(&format!("run: bash \"$GITHUB_ACTION_PATH/action/{step}\"")),
            "{step}"
        );
    }
    // Third-party actions pinned by full commit SHA.
    let pins: Vec<&str> = yaml
        .lines()
        .filter_map(|line| line.trim().strip_prefix("uses: "))
        .collect();
    assert!(!pins.is_empty());
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
