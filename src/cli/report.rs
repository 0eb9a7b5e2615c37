//! How a failure reaches the user: `zuora-token: error: ...` on stderr, a
//! `hint:` line for each hint, and never a backtrace.

use zuora_token::Error;

/// Writes `zuora-token: error: ...` (and its hints) to stderr.
pub fn error(error: &Error) {
    eprintln!("zuora-token: error: {error}");
    for hint in error.hints() {
        eprintln!("  hint: {hint}");
    }
}

/// Reports a command line clap could not parse, as every other failure is
/// reported (`zuora-token: error: ...`, clap's own usage line and tip
/// below it), and returns the exit code (2). Help and version, which clap
/// also hands over as errors, are printed as clap prints them; so is the
/// help a bare `zuora-token` gets.
pub fn command_line(error: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    if !error.use_stderr() || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = error.print();
        return code;
    }
    let text = error.render().to_string();
    eprint!("zuora-token: {text}");
    code
}

/// Replaces Rust's panic message (which can carry a backtrace, even values)
/// with one line in the tool's own error format. A panic is a bug, never
/// the way a failure is reported, but if one happens it must not spill
/// internals.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("zuora-token: error: internal error{place}; please report it");
    }));
}
