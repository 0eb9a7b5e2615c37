//! Runs the tests' fake Zuora on its own, so that every command can be tried
//! without a Zuora tenant: `cargo run --example fake_zuora [PORT]`.
//! It listens on 127.0.0.1 only.

use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, FakeZuora};

fn main() {
    let port = match std::env::args().nth(1).map(|p| p.parse::<u16>()) {
        None => 0,
        Some(Ok(port)) => port,
        Some(Err(_)) => {
            eprintln!("usage: cargo run --example fake_zuora [PORT]");
            std::process::exit(2);
        }
    };
    let fake = FakeZuora::start_on(port).unwrap_or_else(|e| {
        eprintln!("fake_zuora: cannot listen on 127.0.0.1:{port}: {e}");
        std::process::exit(1);
    });
    println!("fake Zuora listening on {}", fake.url());
    println!("  client id:     {CLIENT_ID}");
    println!("  client secret: {CLIENT_SECRET}");
    println!();
    println!("Try, in another shell:");
    println!("  export ZUORA_BASE_URL={}", fake.url());
    println!("  export ZUORA_CLIENT_ID={CLIENT_ID}");
    println!("  export ZUORA_CLIENT_SECRET='{CLIENT_SECRET}'");
    println!("  zuora-token get -o json");
    println!("Stop it with Ctrl-C.");
    loop {
        std::thread::park();
    }
}
