//! The tests' fake Zuora on its own, on 127.0.0.1 only, so that every
//! command can be tried without a Zuora tenant. It issues tokens for the
//! demo secret, with any client id, and serves a small slice of the REST API to them (`GET
//! /v1/catalog/products`, `GET /v1/accounts/A00000001`, `POST /v1/accounts`
//! and the paginated resources `zuora-token api --paginate` follows).
//!
//! ```text
//! fake_zuora [PORT]                  serve until Ctrl-C, printing how to use it
//! fake_zuora [PORT] -- COMMAND...    serve while COMMAND runs, in the demo set-up
//! ```
//!
//! With a command, the command runs with the demo profiles (`prod`, the
//! default, and `sandbox`, both this fake), `ZUORA_BASE_URL` set to the
//! fake, a cache directory of its own, and the `zuora-token` built beside
//! this example first on `PATH`, in a home directory of its own that holds
//! what the README's examples need (`~/.secrets/zuora`,
//! `./sync-accounts.sh`); the demo files are removed when it ends. A bash,
//! zsh or sh started there (`fake_zuora -- bash`) says it is the demo, in
//! a banner and its prompt, and goes to that directory. Its exit code is
//! the command's.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora, demo_environment, demo_home};

const USAGE: &str = "usage: fake_zuora [PORT] [-- COMMAND [ARG...]]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (ours, command) = match args.iter().position(|a| a == "--") {
        Some(at) => (&args[..at], Some(&args[at + 1..])),
        None => (&args[..], None),
    };
    let port = match ours {
        [] => 0,
        [port] => match port.parse::<u16>() {
            Ok(port) => port,
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let fake = match FakeZuora::start_on(port) {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("fake_zuora: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::from(1);
        }
    };
    fake.accept_any_client_id();
    match command {
        Some([program, args @ ..]) => run(&fake, program, args),
        Some([]) => usage(),
        None => serve(&fake),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Runs `program` in the demo set-up; its exit code.
fn run(fake: &FakeZuora, program: &str, args: &[String]) -> ExitCode {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut command = Command::new(program);
    command
        .args(args)
        .envs(demo_environment(fake, dir.path()))
        .envs(demo_home(fake, dir.path(), home.as_deref()));
    if let Some(path) = path_with_our_build() {
        command.env("PATH", path);
    }
    eprintln!(
        "fake_zuora: fake Zuora on {}; demo profiles prod (the default) and sandbox",
        fake.url()
    );
    match command.status() {
        Ok(status) => ExitCode::from(exit_code(status)),
        Err(e) => {
            eprintln!("fake_zuora: cannot run {program}: {e}");
            ExitCode::from(127)
        }
    }
}

/// The command's exit code as a shell gives it: 128 + the signal that
/// killed it.
fn exit_code(status: std::process::ExitStatus) -> u8 {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return 128u8.saturating_add(signal as u8);
    }
    status.code().map_or(1, |code| code as u8)
}

/// `PATH` with the directory of the build this example belongs to first
/// (`target/release` for `target/release/examples/fake_zuora`), so that
/// `zuora-token` is the one just built.
fn path_with_our_build() -> Option<std::ffi::OsString> {
    let exe = std::env::current_exe().ok()?;
    let build: PathBuf = exe.parent()?.parent()?.into();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(build).chain(std::env::split_paths(&rest))).ok()
}

fn serve(fake: &FakeZuora) -> ExitCode {
    println!("fake Zuora listening on {}", fake.url());
    println!("  client id:     {CLIENT_ID}");
    println!("  client secret: {CLIENT_SECRET}");
    println!();
    println!("Try, in another shell:");
    println!("  export ZUORA_BASE_URL={}", fake.url());
    println!("  export ZUORA_CLIENT_ID={CLIENT_ID}");
    println!("  export ZUORA_CLIENT_SECRET='{CLIENT_SECRET}'");
    println!("  zuora-token get -o json");
    println!(
        "  curl -fsS -H @<(zuora-token get -o header) \"$ZUORA_BASE_URL/v1/catalog/products\""
    );
    println!("Stop it with Ctrl-C.");
    loop {
        std::thread::park();
    }
}
