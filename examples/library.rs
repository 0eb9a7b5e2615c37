//! The `zuora_token` library in a program of its own, against the fake
//! Zuora: `cargo run --example library`.
//!
//! It starts the fake on 127.0.0.1 (or uses the one `ZUORA_BASE_URL`
//! names), then makes Zuora's `createToken` call once, and asks a cached
//! `TokenSource` for a token twice: the second answer comes from the cache.
//! The library's events go to this program's own logger, on stderr.

use std::error::Error;
use std::time::SystemTime;

use log::{LevelFilter, Log, Metadata, Record};
use zuora_token::{
    BaseUrl, CachePolicy, Client, ClientId, Credentials, Endpoint, GrantType, Secret, TokenSource,
    TrackId, create_token,
};
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora};

/// A program's own logger: here, every record on stderr with its target.
struct Stderr;

impl Log for Stderr {
    fn enabled(&self, _: &Metadata) -> bool {
        true
    }

    fn log(&self, record: &Record) {
        eprintln!("[{} {}] {}", record.level(), record.target(), record.args());
    }

    fn flush(&self) {}
}

static LOGGER: Stderr = Stderr;

fn main() -> Result<(), Box<dyn Error>> {
    log::set_logger(&LOGGER).map_err(|e| e.to_string())?;
    log::set_max_level(LevelFilter::Info);
    let (url, _fake) = match std::env::var("ZUORA_BASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let fake = FakeZuora::start();
            (fake.url(), Some(fake))
        }
    };
    let endpoint = Endpoint::new(BaseUrl::parse(&url)?)?;
    let client_id = ClientId::new(CLIENT_ID);
    let secret = Secret::new(CLIENT_SECRET);

    // Zuora's createToken, as its SDKs call it: one request.
    let response = create_token(
        &endpoint,
        &client_id,
        &secret,
        GrantType::ClientCredentials,
        Some(&TrackId::parse("library-example")?),
    )?;
    println!(
        "create_token: {} ({}, {} s)",
        response.access_token.as_str(),
        response.token_type,
        response.expires_in.as_secs()
    );

    // The cached path: the first call fetches, the second reads the cache.
    let cache = tempfile::tempdir()?;
    let source = TokenSource::new(Client::new(endpoint), Credentials::new(client_id, secret))
        .with_cache(CachePolicy::in_dir(cache.path()));
    for call in ["first", "second"] {
        let token = source.token()?;
        println!(
            "token source, {call} call: {} ({} s left)",
            token.access_token().as_str(),
            token.seconds_left(SystemTime::now())
        );
    }
    Ok(())
}
