//! `agent`: keep the token of the resolved settings fresh in files (its
//! sinks), in the foreground, until stopped.
//!
//! The token comes from the same [`TokenSource`] as `get`'s, so the agent
//! shares the cache and its lock with every other process: a token another
//! process fetched is taken as it is, and a renewal is one request between
//! all of them. One loop waits for whichever comes first: a signal, the
//! outcome of a fetch (made on a thread of its own, so that a signal is
//! never kept waiting behind Zuora), or the time the next one is due.

use std::fs;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, SystemTime};

use log::{info, warn};
use zuora_token::renewal::Renewal;
use zuora_token::sink::{Caution, Sink};
use zuora_token::{Error, ErrorKind, Result, SourceIdentity, Token, TokenSource};

use super::warn_of_entities;
use crate::cli::agent::{Event, SinkFormat, SinkSpec, forward_signals};
use crate::cli::args::{AgentArgs, CacheUse};
use crate::cli::settings::Inputs;

/// How long a sink that could not be written waits for another try.
const SINK_RETRY: Duration = Duration::from_secs(1);

/// The longest the agent waits before looking at the clock again. A wait
/// is timed by a clock that stops while the machine sleeps (a suspended
/// laptop or VM): one long wait would outlast the token's expiry by the
/// time slept, leaving an expired token in the sinks.
const LOOK_AGAIN: Duration = Duration::from_secs(60);

pub fn run(inputs: &Inputs, args: &AgentArgs) -> Result<u8> {
    let sinks = open_sinks(&args.sinks)?;
    let renewal = args
        .renew_before
        .map_or_else(Renewal::default, Renewal::before);
    let source = inputs.token_source(&CacheUse::default())?;
    if args.once {
        return once(source, renewal, sinks);
    }
    refuse_a_secret_read_once(&source)?;
    let (events, incoming) = mpsc::channel();
    forward_signals(events.clone())?;
    let agent = Agent {
        inputs,
        renewal,
        sinks,
        events,
        incoming,
        current: None,
        failures: 0,
        last_failure: None,
        retry_at: None,
        reload: false,
        look_now: true,
        rejected: false,
    };
    agent.run(source)
}

/// The agent reads the secret at each renewal: standard input, or a pipe
/// such as `<(pass show zuora)`, has nothing left to give the second time.
fn refuse_a_secret_read_once(source: &TokenSource) -> Result<()> {
    let SourceIdentity::Named(name) = source.credentials().secret_source().identity() else {
        return Ok(());
    };
    let once_only = match name.strip_prefix("file ") {
        Some(path) => fs::metadata(path).is_ok_and(|m| !m.is_file()),
        None => name == "standard input",
    };
    match once_only {
        true => Err(Error::usage(format!(
            "the agent reads the client secret at each renewal, and the {name} can be read \
             only once"
        ))
        .with_hint(
            "give it in a file, a command (client_secret_command), the keyring or \
             ZUORA_CLIENT_SECRET",
        )),
        false => Ok(()),
    }
}

/// A sink, and the content it is still to get (none once written).
struct Output {
    sink: Sink,
    format: SinkFormat,
    pending: Option<String>,
    /// The last failure to write it, said once.
    failure: Option<String>,
}

/// Each `--sink`, checked before anything is fetched.
fn open_sinks(specs: &[SinkSpec]) -> Result<Vec<Output>> {
    let mut outputs: Vec<Output> = Vec::with_capacity(specs.len());
    for spec in specs {
        let named = |why: &str| Error::usage(format!("--sink {:?}: {why}", spec.path));
        if outputs.iter().any(|o| o.sink.path() == spec.path) {
            return Err(named("given twice"));
        }
        let (sink, cautions) = Sink::open(&spec.path, spec.mode).map_err(|why| named(&why))?;
        for caution in cautions {
            match caution {
                Caution::SharedDirectory => warn!(
                    "--sink {:?}: others may write to its directory; they could replace or remove it",
                    spec.path
                ),
                Caution::OthersMayRead(mode) => warn!(
                    "--sink {:?}: its mode {mode:04o} lets every user of this machine read the \
                     token; give mode=0600 (or 0640 for a group)",
                    spec.path
                ),
            }
        }
        outputs.push(Output {
            sink,
            format: spec.format,
            pending: None,
            failure: None,
        });
    }
    Ok(outputs)
}

/// `--once`: a token with more than its lead left, in every sink; as the
/// running agent, one that is due for renewal but still lives if Zuora
/// fails (not if it rejects the credentials), with a warning.
fn once(source: TokenSource, renewal: Renewal, mut sinks: Vec<Output>) -> Result<u8> {
    let source = with_min_ttl(source, Duration::ZERO);
    let mut token = source.token()?;
    let source = match renewal.is_due(&token, SystemTime::now()) {
        true => {
            let source = with_min_ttl(source, renewal.lead(&token));
            match source.token() {
                Ok(new) => token = new,
                Err(error) if error.is_rejection() => return Err(error),
                Err(error) => {
                    let left = token.seconds_left(SystemTime::now());
                    warn!("cannot renew the token ({left} s left): {error}; writing it as it is");
                }
            }
            source
        }
        false => source,
    };
    warn_of_entities(&source, &token);
    for output in &mut sinks {
        let content = output.format.render(&token, &source.api_headers(&token))?;
        output
            .sink
            .replace(content.as_bytes())
            .map_err(|e| cannot_write(output.sink.path(), &e))?;
    }
    Ok(0)
}

fn cannot_write(path: &Path, error: &std::io::Error) -> Error {
    Error::other(format!("cannot write the sink {path:?}: {error}"))
}

/// `source`, handing out a cached token only while it has `min_ttl` left.
fn with_min_ttl(source: TokenSource, min_ttl: Duration) -> TokenSource {
    let policy = source.cache_policy().clone().with_min_ttl(min_ttl);
    source.with_cache(policy)
}

/// The running agent's state.
struct Agent<'a> {
    inputs: &'a Inputs<'a>,
    renewal: Renewal,
    sinks: Vec<Output>,
    events: Sender<Event>,
    incoming: Receiver<Event>,
    /// The token in the sinks.
    current: Option<Token>,
    /// Failed attempts since the last success.
    failures: u32,
    /// The kind of the last failure: a failure is said once however often
    /// it repeats (its message differs each time by Zuora's request id).
    last_failure: Option<ErrorKind>,
    /// When to try again after a failure.
    retry_at: Option<SystemTime>,
    /// SIGHUP came: read the settings again before the next fetch.
    reload: bool,
    /// Look for a token now, whatever is due: at the start, after a reload.
    look_now: bool,
    /// Zuora rejected the credentials, and the settings were read again
    /// for another try.
    rejected: bool,
}

impl Agent<'_> {
    /// Runs until a signal stops it (0), or the token has expired and no
    /// other can be had (that failure).
    fn run(mut self, source: TokenSource) -> Result<u8> {
        // The source is here between fetches, on the fetch's thread during one.
        let mut idle = Some(source);
        loop {
            self.write_sinks();
            let now = SystemTime::now();
            if let Some(source) = idle.take() {
                let source = self.reloaded(source);
                match self.fetch_due(now) {
                    true => self.start_fetch(source),
                    false => idle = Some(source),
                }
            }
            let event = match idle.is_some() {
                true => self.incoming.recv_timeout(self.wait(now)),
                false => self
                    .incoming
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            match event {
                Ok(Event::Stop) => {
                    info!("agent: stopping");
                    return Ok(0);
                }
                Ok(Event::Reload) => self.reload = true,
                Ok(Event::Fetched(source, outcome)) => {
                    self.outcome(&source, outcome)?;
                    idle = Some(*source);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => unreachable!("the agent holds a sender"),
            }
        }
    }

    /// `source`, or the one the settings give now if SIGHUP asked for it
    /// (the one in use if they are wrong).
    fn reloaded(&mut self, source: TokenSource) -> TokenSource {
        if !std::mem::take(&mut self.reload) {
            return source;
        }
        self.look_now = true;
        let resolved = self.inputs.token_source(&CacheUse::default());
        match resolved.and_then(|new| refuse_a_secret_read_once(&new).map(|()| new)) {
            Ok(new) => {
                info!("agent: settings read again");
                new
            }
            Err(e) => {
                warn!("cannot read the settings again ({e}); keeping the ones in use");
                source
            }
        }
    }

    /// Whether to ask for a token now.
    fn fetch_due(&self, now: SystemTime) -> bool {
        if self.look_now {
            return true;
        }
        match (&self.current, self.retry_at) {
            (_, Some(at)) => at <= now,
            (Some(token), None) => self.renewal.is_due(token, now),
            (None, None) => true,
        }
    }

    /// How long to wait for a signal before looking again.
    fn wait(&self, now: SystemTime) -> Duration {
        let due = match (&self.current, self.retry_at) {
            (_, Some(at)) => at,
            (Some(token), None) => self.renewal.due(token),
            (None, None) => now,
        };
        let pending = self.sinks.iter().any(|o| o.pending.is_some());
        wait_until(due, now, pending)
    }

    /// Asks `source` for a token on a thread of its own: one that has more
    /// than its lead left (any live one when there is none yet), else a new
    /// one, under the cache's lock.
    fn start_fetch(&mut self, source: TokenSource) {
        self.look_now = false;
        let min_ttl = self
            .current
            .as_ref()
            .map_or(Duration::ZERO, |t| self.renewal.lead(t));
        let source = with_min_ttl(source, min_ttl);
        let events = self.events.clone();
        thread::spawn(move || {
            let outcome = source.token();
            let _ = events.send(Event::Fetched(Box::new(source), outcome));
        });
    }

    /// Takes a fetch's outcome: a new token for the sinks, or a failure to
    /// retry while the current token lives.
    fn outcome(&mut self, source: &TokenSource, outcome: Result<Token>) -> Result<()> {
        let now = SystemTime::now();
        let token = match outcome {
            Ok(token) => token,
            Err(error) => return self.failed(error, now),
        };
        if self.failures > 0 {
            info!(
                "agent: a token again after {} failed attempts",
                self.failures
            );
        }
        (self.failures, self.retry_at, self.last_failure) = (0, None, None);
        self.rejected = false;
        if self.current.as_ref() == Some(&token) {
            info!("agent: the token in the sinks is still good");
            return Ok(());
        }
        if self.current.is_none() {
            warn_of_entities(source, &token);
        }
        info!(
            "agent: a token with {} s left; the next is asked for {} s before it expires",
            token.seconds_left(now),
            self.renewal.lead(&token).as_secs_f64()
        );
        let headers = source.api_headers(&token);
        for output in &mut self.sinks {
            output.pending = Some(output.format.render(&token, &headers)?);
        }
        self.current = Some(token);
        Ok(())
    }

    /// A failed attempt: retried with backoff while the current token
    /// lives; the end once it has expired. Zuora rejecting the credentials
    /// gets one more try, with the settings (and the secret) read again.
    fn failed(&mut self, error: Error, now: SystemTime) -> Result<()> {
        let live = self
            .current
            .as_ref()
            .filter(|t| !t.time_left(now).is_zero());
        let Some(token) = live else {
            return Err(error);
        };
        if error.is_rejection() {
            if std::mem::replace(&mut self.rejected, true) {
                return Err(error);
            }
            warn!("{error}; reading the settings again for one more try");
            self.reload = true;
            return Ok(());
        }
        self.failures = self.failures.saturating_add(1);
        let left = token.seconds_left(now);
        if self.last_failure.replace(error.kind()) == Some(error.kind()) {
            info!("agent: attempt {} failed too: {error}", self.failures);
        } else {
            warn!("cannot renew the token ({left} s left): {error}; trying again until it expires");
        }
        self.retry_at = Some(self.renewal.retry_at(token, self.failures, now));
        Ok(())
    }

    /// Writes every sink whose content is not yet written; a failure is
    /// said once and tried again shortly.
    fn write_sinks(&mut self) {
        for output in &mut self.sinks {
            let Some(content) = &output.pending else {
                continue;
            };
            match output.sink.replace(content.as_bytes()) {
                Ok(()) => {
                    output.pending = None;
                    output.failure = None;
                }
                Err(e) => {
                    let message = cannot_write(output.sink.path(), &e).to_string();
                    if output.failure.as_deref() != Some(&message) {
                        warn!("{message}; trying again");
                        output.failure = Some(message);
                    }
                }
            }
        }
    }
}

/// How long to wait at `now` for `due`: at most [`LOOK_AGAIN`], and at
/// most [`SINK_RETRY`] while a sink is still to be written.
fn wait_until(due: SystemTime, now: SystemTime, sink_pending: bool) -> Duration {
    let wait = due.duration_since(now).unwrap_or_default().min(LOOK_AGAIN);
    match sink_pending {
        true => wait.min(SINK_RETRY),
        false => wait,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agent_looks_at_the_clock_again_every_minute_at_least() {
        let now = SystemTime::UNIX_EPOCH;
        let hour = now + Duration::from_secs(3600);
        assert_eq!(wait_until(hour, now, false), LOOK_AGAIN);
        assert_eq!(wait_until(hour, now, true), SINK_RETRY);
        let soon = now + Duration::from_secs(5);
        assert_eq!(wait_until(soon, now, false), Duration::from_secs(5));
        assert_eq!(wait_until(now, soon, false), Duration::ZERO);
    }
}
