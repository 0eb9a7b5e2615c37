//! zuora-token: fetch OAuth bearer tokens for Zuora's REST API and print
//! them for shell scripts, CI jobs and curl. A command line over the
//! `zuora_token` library.
//!
//! The C runtime calls `main` directly (`no_main`): Rust's own start-up
//! reads /proc/self/maps to place the main thread's stack guard, a tenth of
//! a cached call's work. What of it matters here is done by
//! `cli::start_process`.

#![cfg_attr(not(test), no_main)]

mod cli;
mod output;

use clap::CommandFactory;

// GCC's unwinder linked in, where the build script found it: then
// libgcc_s, which the standard library names only for its unwinder, is
// not loaded at every start (see `build.rs`).
#[cfg(static_unwinder)]
#[link(name = "gcc_eh", kind = "static")]
unsafe extern "C" {}

#[cfg(not(test))]
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    std::ffi::c_int::from(run())
}

/// The program; its exit code.
#[cfg_attr(
    test,
    expect(dead_code, reason = "a unit-test build's main is the test harness")
)]
fn run() -> u8 {
    cli::start_process();
    cli::install_panic_hook();
    // Answers a shell's completion request (`COMPLETE=bash zuora-token ...`)
    // and exits; otherwise returns at once.
    clap_complete::CompleteEnv::with_factory(cli::Cli::command).complete();
    // The common command lines without clap's cost; the rest, help and
    // every message about a bad one, through clap.
    let parsed = cli::Cli::parse_fast().map_or_else(cli::Cli::try_parse_args, Ok);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            cli::env_parse_failed(&error);
            return cli::report_command_line(&error);
        }
    };
    cli::init_logging(cli.settings.verbose, cli.settings.quiet);
    cli::run(&cli).unwrap_or_else(|error| {
        cli::report_error(&error);
        error.kind().exit_code()
    })
}
