//! The demo set-up around a running fake, for trying zuora-token without a
//! Zuora tenant (`fake_zuora -- COMMAND`) and for the README's examples:
//! a config file whose profiles point at the fake with the demo client, the
//! demo secret in a private file, and a cache directory of its own; and for
//! the demo shell (`fake_zuora -- bash`), a home of its own that holds what
//! the README's examples need and shells that say they are the demo.

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

/// The script the README's `exec` example runs: an API call with the
/// token `exec` gives it.
const SYNC_ACCOUNTS: &str = r#"#!/bin/sh
# The demo's stand-in for a job that calls Zuora: zuora-token exec gives
# it ZUORA_ACCESS_TOKEN and ZUORA_BASE_URL, never the secret.
set -eu
curl -fsS -H "Authorization: Bearer $ZUORA_ACCESS_TOKEN" "$ZUORA_BASE_URL/v1/accounts/A00000001"
echo
"#;

/// Makes `dir` the demo shell's home, besides [`demo_environment`]'s
/// files, and returns the environment for it: `HOME` (so that the README's
/// `~/.secrets/zuora` is the demo secret, and nothing of the user's own
/// home is read or written), the start-up files of bash, zsh and sh
/// (`ZDOTDIR`, `ENV`), which print a banner (what the demo holds, how to
/// leave), set a prompt that says it is the demo, and go to `dir`, where
/// `./sync-accounts.sh` is. `CARGO_HOME` and `RUSTUP_HOME` keep naming the
/// user's own, so that cargo still works there. `home` is the user's home
/// (`None`: not known).
pub fn demo_home(
    fake: &FakeZuora,
    dir: &Path,
    home: Option<&Path>,
) -> Vec<(&'static str, OsString)> {
    std::fs::create_dir_all(dir.join(".secrets")).expect("demo directory");
    write_private(&dir.join(".secrets/zuora"), CLIENT_SECRET);
    let script = dir.join("sync-accounts.sh");
    write_private(&script, SYNC_ACCOUNTS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let executable = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(&script, executable).expect("demo script");
    }
    let banner = banner(&fake.url());
    let start =
        |prompt: &str| format!("cd \"$HOME\" || return\n{prompt}\ncat <<'EOF'\n{banner}EOF\n");
    write_private(
        &dir.join(".bashrc"),
        &start(r"PS1='(zuora-token demo) \w \$ '"),
    );
    write_private(
        &dir.join(".zshrc"),
        &start("PROMPT='(zuora-token demo) %~ %# '"),
    );
    write_private(&dir.join(".shrc"), &start("PS1='(zuora-token demo) $ '"));
    let mut env = vec![
        ("HOME", dir.into()),
        ("ZDOTDIR", dir.into()),
        ("ENV", dir.join(".shrc").into()),
    ];
    for (variable, under_home) in [("CARGO_HOME", ".cargo"), ("RUSTUP_HOME", ".rustup")] {
        if std::env::var_os(variable).is_none()
            && let Some(own) = home.map(|h| h.join(under_home)).filter(|p| p.is_dir())
        {
            env.push((variable, own.into()));
        }
    }
    env
}

/// What the demo shell says when it starts.
fn banner(url: &str) -> String {
    format!(
        "\
zuora-token demo: a fake Zuora at {url}, on this machine only.
  Profiles prod (the default) and sandbox point at it, and so does
  ZUORA_BASE_URL. Any client id works with the demo secret, which is in
  ~/.secrets/zuora. HOME is the demo's own directory, this one, with
  ./sync-accounts.sh in it; it is removed when you leave.
  Every example in the README works here as written.
  Leave with `exit` (or Ctrl-D).
"
    )
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
