//! The real binary run in a sandbox of its own: a home directory, the fake
//! Zuora, and nothing of the machine's environment but `PATH`.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::fake_zuora::{CLIENT_ID, CLIENT_SECRET, FakeZuora, HANG};

/// A fake Zuora, a home directory, and the binary under test to run there.
pub struct Sandbox {
    pub zuora: FakeZuora,
    bin: PathBuf,
    home: TempDir,
}

impl Sandbox {
    /// A sandbox for `bin` (a test's `env!("CARGO_BIN_EXE_zuora-token")`)
    /// with a fake Zuora over plain HTTP.
    pub fn new(bin: impl Into<PathBuf>) -> Sandbox {
        Sandbox::with_zuora(bin, FakeZuora::start())
    }

    /// A sandbox for `bin` whose credentials point at `zuora`.
    pub fn with_zuora(bin: impl Into<PathBuf>, zuora: FakeZuora) -> Sandbox {
        Sandbox {
            zuora,
            bin: bin.into(),
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The binary's home directory (`HOME`; the XDG directories are in it).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Nothing of this machine's environment but `PATH`: `HOME` and the XDG
    /// directories point into the sandbox, and no `ZUORA_*`, proxy or
    /// `RUST_BACKTRACE` variable leaks in.
    fn base_env(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", self.home().into()),
            ("XDG_CONFIG_HOME", self.home().join(".config").into()),
            ("XDG_CACHE_HOME", self.home().join(".cache").into()),
        ]
    }

    /// Working credentials for the fake.
    fn credentials_env(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("ZUORA_BASE_URL", self.zuora.url().into()),
            ("ZUORA_CLIENT_ID", CLIENT_ID.into()),
            ("ZUORA_CLIENT_SECRET", CLIENT_SECRET.into()),
        ]
    }

    /// The binary, in the sandbox's environment, killed if it runs for
    /// [`HANG`].
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env_clear().envs(self.base_env()).timeout(HANG);
        cmd
    }

    /// The binary run by `launcher`, a program and its first arguments,
    /// which runs what follows them (`dbus-run-session -- sh -c '...; exec
    /// "$@"' sh`): in the sandbox's environment, without credentials; the
    /// binary's arguments go after it. Killed if it runs for [`HANG`].
    pub fn launched(&self, launcher: &[&str]) -> Command {
        let (program, args) = launcher.split_first().expect("a launcher");
        let mut cmd = Command::new(program);
        cmd.args(args)
            .arg(&self.bin)
            .env_clear()
            .envs(self.base_env())
            .timeout(HANG);
        cmd
    }

    /// `cmd` with the fake's base URL and client id, but no secret.
    pub fn without_secret(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("ZUORA_BASE_URL", self.zuora.url())
            .env("ZUORA_CLIENT_ID", CLIENT_ID);
        cmd
    }

    /// `cmd` with working credentials for the fake in the environment.
    pub fn authed(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.envs(self.credentials_env());
        cmd
    }

    /// The binary with working credentials, as a std `Command` (for
    /// spawning many at once).
    pub fn spawnable(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(&self.bin);
        cmd.env_clear()
            .envs(self.base_env())
            .envs(self.credentials_env());
        cmd
    }

    /// `program` (a shell) running `script` in the sandbox's environment with
    /// working credentials, `$ZT` naming the binary; killed if it runs for
    /// [`HANG`].
    pub fn shell(&self, program: &str, script: &str) -> Run {
        run(Command::from_std(self.shell_command(program, script)).timeout(HANG))
    }

    /// The command [`Sandbox::shell`] runs, to be started by the test (for
    /// one whose output it reads as it comes).
    pub fn shell_command(&self, program: &str, script: &str) -> std::process::Command {
        let mut shell = std::process::Command::new(program);
        shell
            .args(["-c", script])
            .env_clear()
            .envs(self.base_env())
            .envs(self.credentials_env())
            .env("ZT", &self.bin);
        shell
    }

    /// Writes `name` in the sandbox and returns its path.
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.home().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Writes the config file where the binary looks by default.
    pub fn config(&self, toml: &str) -> PathBuf {
        self.file(".config/zuora-token/config.toml", toml)
    }
}

/// What a finished command did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing everything on failure.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, expected, "unexpected exit code: {self:#?}");
        self
    }

    /// Asserts exit code 0.
    pub fn ok(&self) -> &Run {
        self.code(0)
    }

    /// Asserts that stderr holds `text`, showing it otherwise.
    pub fn stderr_has(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts that stdout holds `text`, showing it otherwise.
    pub fn stdout_has(&self, text: &str) -> &Run {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout
        );
        self
    }

    /// Asserts that neither stream holds `text` (a secret, say), in any form
    /// it could have been sent in.
    pub fn never_shows(&self, text: &str) -> &Run {
        for form in [text.to_owned(), percent_encode(text)] {
            assert!(
                !self.stdout.contains(&form),
                "stdout shows {form:?}: {self:#?}"
            );
            assert!(
                !self.stderr.contains(&form),
                "stderr shows {form:?}: {self:#?}"
            );
        }
        self
    }
}

/// Runs `cmd` to the end.
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("run the binary");
    let Some(code) = output.status.code() else {
        panic!(
            "killed, not exited (a run still going after {HANG:?} is taken for a hang and \
             killed): {output:#?}"
        );
    };
    Run {
        code,
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Whether `program` can be run here; a test that needs it skips, saying
/// so, if not.
pub fn have(program: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        skip(&format!("{program} is not installed"));
    }
    found
}

/// Says that the running test skips (some or all of what it checks), and
/// why, on the process's real stderr: the test harness captures `eprintln!`
/// and shows it only for a test that fails, so a skip said that way would
/// go unseen in CI's log.
pub fn skip(why: &str) {
    let current = std::thread::current();
    let test = current.name().unwrap_or("a test");
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}
