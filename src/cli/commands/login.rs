//! `login`: store the client secret in the OS keyring, for the base URL and
//! client id the settings name, where a token fetch finds it when no other
//! source is given.

use std::io::IsTerminal;

use zuora_token::{Error, Result, Secret};

use crate::cli::deadline::Deadline;
use crate::cli::keyring::{self, KeyringEntry};
use crate::cli::settings::Inputs;
use crate::cli::settings::secret::{non_empty, read_secret_stdin};

use super::note;

pub fn run(inputs: &Inputs) -> Result<u8> {
    // Before asking for a secret that could not be kept.
    keyring::built_in()?;
    let (entry, timeout) = inputs.keyring_entry()?;
    let secret = read_secret(&entry)?;
    // The deadline is the keyring's: a person's typing does not count.
    entry.store(&secret, Deadline::after(timeout).instant())?;
    note(
        inputs.quiet,
        &format!("stored the client secret in {entry}"),
    );
    Ok(0)
}

/// The secret, typed without echo at a prompt on stderr when standard input
/// is a terminal, else standard input to its end (`pass show zuora |
/// zuora-token login`), never the command line. Trimmed as every source
/// is; empty, it is refused.
fn read_secret(entry: &KeyringEntry) -> Result<Secret> {
    if std::io::stdin().is_terminal() {
        let prompt = format!(
            "Client secret for {} at {}: ",
            entry.client_id, entry.base_url
        );
        let config = rpassword::ConfigBuilder::new()
            .output_writer(std::io::stderr())
            .build();
        let text = rpassword::prompt_password_with_config(prompt, config).map_err(|e| {
            Error::other(format!(
                "cannot read the client secret from the terminal: {e}"
            ))
        })?;
        non_empty(&text, &"the terminal")
    } else {
        let failed = |why: &dyn std::fmt::Display| {
            Error::usage(format!(
                "cannot read the client secret from standard input: {why}"
            ))
        };
        let bytes = read_secret_stdin().map_err(|e| failed(&e))?;
        let text = String::from_utf8(bytes).map_err(|_| failed(&"it is not UTF-8 text"))?;
        non_empty(&text, &"standard input")
    }
}
