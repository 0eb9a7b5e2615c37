//! Diagnostics on stderr: warnings (silenced by `-q`) and the `-v` trail.
//! stdout is reserved for what the user asked for.

use std::fmt::Display;

#[derive(Debug, Clone, Copy, Default)]
pub struct Diag {
    verbose: bool,
    quiet: bool,
}

impl Diag {
    pub fn new(verbose: bool, quiet: bool) -> Diag {
        Diag { verbose, quiet }
    }

    pub fn warn(&self, message: impl Display) {
        if !self.quiet {
            eprintln!("zuora-token: warning: {message}");
        }
    }

    /// A confirmation of what a command did (`cache clear`), unless `-q`.
    pub fn note(&self, message: impl Display) {
        if !self.quiet {
            eprintln!("zuora-token: {message}");
        }
    }

    pub fn info(&self, message: impl Display) {
        if self.verbose {
            eprintln!("zuora-token: {message}");
        }
    }
}
