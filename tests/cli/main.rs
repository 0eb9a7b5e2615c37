//! The integration tests: the real binary, and the library, against the
//! fake Zuora on 127.0.0.1 (`zuora-token-testkit`). One test binary, so that
//! it links once and every part of the test support is used by something.

mod cache;
mod commands;
mod completion;
mod errors;
mod herd;
mod hostile;
mod library;
mod man;
mod output;
mod request;
mod resilience;
mod settings;

use zuora_token_testkit::{Reply, Run, Sandbox, run};

/// The binary under test.
const BIN: &str = env!("CARGO_BIN_EXE_zuora-token");

/// A sandbox for the binary under test, with a fake Zuora of its own.
fn sandbox() -> Sandbox {
    Sandbox::new(BIN)
}

/// `get ARGS` with working credentials and `env` besides.
fn run_get(sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Run {
    run(sb.authed().arg("get").args(args).envs(env.iter().copied()))
}

/// The fake's own check, which every test relies on: a reply queued for a
/// request that never came fails the test.
#[test]
#[should_panic(expected = "1 queued replies were never asked for")]
fn the_fake_fails_a_test_whose_expected_request_never_came() {
    let sb = sandbox();
    sb.zuora.then(Reply::status(500, "{}"));
}
