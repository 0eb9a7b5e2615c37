//! How a failure reaches the user: `zuora-token: error: ...` on stderr, a
//! `hint:` line for each hint, never a backtrace, and the exit code of its
//! kind.

use zuora_token::{Error, ErrorKind};

/// The exit code of a failure of `kind` (1 to 6). Scripts rely on these
/// numbers, so they never change; `api` adds 7, and `exec` and `curl` pass
/// on their command's.
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Other => 1,
        ErrorKind::Usage => 2,
        ErrorKind::Refused => 3,
        ErrorKind::RateLimited => 4,
        ErrorKind::Unreachable => 5,
        ErrorKind::BadResponse => 6,
    }
}

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
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    let bare = error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
    if !error.use_stderr() || bare {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_exit_code_from_1_to_6_is_one_kind() {
        let codes: Vec<u8> = ErrorKind::ALL.into_iter().map(exit_code).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6]);
    }
}
