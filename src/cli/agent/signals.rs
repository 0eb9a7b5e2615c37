//! Signals as events on the agent's channel, so that its one wait (for a
//! signal, a fetch's outcome or the next renewal) is interrupted by any of
//! them: SIGTERM and SIGINT stop it, SIGHUP reloads the settings. On
//! Windows, Ctrl-C (and Ctrl-Break) stop it.

use std::sync::mpsc::Sender;

use zuora_token::{Error, Result, Token, TokenSource};

/// What the agent's loop waits for.
pub enum Event {
    /// SIGTERM, SIGINT (Ctrl-C): end cleanly.
    Stop,
    /// SIGHUP: read the config file (and the secret) again.
    #[cfg_attr(not(unix), expect(dead_code, reason = "Windows has no SIGHUP"))]
    Reload,
    /// A fetch's outcome, and the source it was made with, handed back.
    Fetched(Box<TokenSource>, Result<Token>),
}

/// Sends an [`Event`] on `events` for each signal, from a thread of its own,
/// for as long as the process runs.
///
/// # Errors
///
/// The handlers cannot be installed.
#[cfg(unix)]
pub fn forward_signals(events: Sender<Event>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP]).map_err(cannot_install)?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let event = match signal {
                SIGHUP => Event::Reload,
                _ => Event::Stop,
            };
            if events.send(event).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Windows has no SIGHUP; Ctrl-C arrives as SIGINT, Ctrl-Break as SIGTERM
/// (the C runtime's mapping). Its handler may only set a flag, which a
/// thread looks at every tenth of a second.
#[cfg(not(unix))]
pub fn forward_signals(events: Sender<Event>) -> Result<()> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use signal_hook::consts::{SIGINT, SIGTERM};

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(cannot_install)?;
    }
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = events.send(Event::Stop);
    });
    Ok(())
}

fn cannot_install(error: std::io::Error) -> Error {
    Error::other(format!("cannot handle signals: {error}"))
}
