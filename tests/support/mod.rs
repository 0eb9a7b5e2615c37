//! What every integration test needs: the fake Zuora, and the real binary
//! run in a sandbox of its own.

#![allow(dead_code)] // Each test file uses a different part.

pub mod fake_zuora;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
pub use fake_zuora::{CLIENT_ID, CLIENT_SECRET, EXPIRES_IN, FakeZuora, Recorded, Reply};
use tempfile::TempDir;

/// A fake Zuora and a home directory of its own for the binary.
pub struct Sandbox {
    pub zuora: FakeZuora,
    home: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            zuora: FakeZuora::start(),
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The binary with nothing of this machine's environment but `PATH`:
    /// `HOME` and the XDG directories point into the sandbox, and no
    /// `ZUORA_*`, proxy or `RUST_BACKTRACE` variable leaks in.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_zuora-token"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("XDG_CACHE_HOME", self.home().join(".cache"));
        cmd
    }

    /// `cmd` with working credentials for the fake in the environment.
    pub fn authed(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("ZUORA_BASE_URL", self.zuora.url())
            .env("ZUORA_CLIENT_ID", CLIENT_ID)
            .env("ZUORA_CLIENT_SECRET", CLIENT_SECRET);
        cmd
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

/// The output of a finished command, as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Whether `program` can be run here; tests that need it skip (saying so) if not.
pub fn have(program: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        eprintln!("{program} is not installed: skipping (CI installs it)");
    }
    found
}
