//! The demo set-up around a running fake, for trying zuora-token without a
//! Zuora tenant (`fake_zuora -- COMMAND`) and for the README's examples:
//! a config file whose profiles point at the fake with the demo client, the
//! demo secret in a private file, and a cache directory of its own.

use std::ffi::OsString;
use std::path::Path;

use crate::fake_zuora::{CLIENT_ID, CLIENT_SECRET, FakeZuora};

/// Writes the demo files into `dir` and returns the environment that makes
/// zuora-token use them: `ZUORA_TOKEN_CONFIG` (profiles `prod`, the
/// default, and `sandbox`, both the fake), `ZUORA_BASE_URL` (the fake, for
/// scripts that call the REST API at `$ZUORA_BASE_URL` and for settings
/// given in the environment), and `ZUORA_TOKEN_CACHE_DIR`.
pub fn demo_environment(fake: &FakeZuora, dir: &Path) -> Vec<(&'static str, OsString)> {
    let secret = dir.join("client-secret");
    write_private(&secret, CLIENT_SECRET);
    let url = fake.url();
    let profile = |name: &str| {
        format!(
            "[profiles.{name}]\nbase_url = \"{url}\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret_file = \"{}\"\n",
            secret.display()
        )
    };
    let config = dir.join("config.toml");
    write_private(
        &config,
        &format!(
            "# The fake Zuora's demo profiles.\ndefault_profile = \"prod\"\n\n{}\n{}",
            profile("prod"),
            profile("sandbox")
        ),
    );
    vec![
        ("ZUORA_TOKEN_CONFIG", config.into()),
        ("ZUORA_BASE_URL", url.into()),
        ("ZUORA_TOKEN_CACHE_DIR", dir.join("cache").into()),
    ]
}

/// Writes `contents` to a new file only its owner can read.
fn write_private(path: &Path, contents: &str) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).expect("demo file");
    std::io::Write::write_all(&mut file, contents.as_bytes()).expect("demo file");
}
