//! Test support for zuora-token, shared by its integration tests, its
//! benchmark and its examples: a fake Zuora on 127.0.0.1 (HTTP, or HTTPS
//! with a CA made for the run), and the real binary run in a sandbox of its
//! own, with what it printed; and a release host standing for GitHub's
//! release downloads.
//!
//! Nothing here reaches beyond the loopback interface.

mod demo;
mod fake_zuora;
mod release_host;
mod sandbox;

pub use demo::{demo_environment, demo_home};
pub use fake_zuora::{
    ACCOUNT_NUMBER, CLIENT_ID, CLIENT_SECRET, EXPIRES_IN, FakeZuora, HANG, Recorded, Reply, TestCa,
};
pub use release_host::ReleaseHost;
pub use sandbox::{Run, Sandbox, have, percent_encode, run, skip};
