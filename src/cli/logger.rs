//! The library's events, and the command's own, on stderr: warnings unless
//! `-q`, the `-v` trail when asked for. stdout is reserved for what the
//! user asked for.

use log::{Level, LevelFilter, Log, Metadata, Record};

/// Writes this program's log records to stderr.
struct Stderr;

static STDERR: Stderr = Stderr;

/// Routes the events of the library and of the command to stderr:
/// warnings unless `quiet`, `info` only when `verbose`.
pub fn init(verbose: bool, quiet: bool) {
    let level = match (verbose, quiet) {
        (_, true) => LevelFilter::Off,
        (true, false) => LevelFilter::Info,
        (false, false) => LevelFilter::Warn,
    };
    if log::set_logger(&STDERR).is_ok() {
        log::set_max_level(level);
    }
}

impl Log for Stderr {
    /// Only zuora-token's own records: the HTTP and TLS crates log too, and
    /// what they say is neither for users nor vetted for secrets.
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.target().starts_with("zuora_token") && metadata.level() <= log::max_level()
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        match record.level() {
            Level::Error | Level::Warn => eprintln!("zuora-token: warning: {}", record.args()),
            Level::Info | Level::Debug | Level::Trace => {
                eprintln!("zuora-token: {}", record.args())
            }
        }
    }

    fn flush(&self) {}
}
