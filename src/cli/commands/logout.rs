//! `logout`: remove the client secret that `login` stored for the base URL
//! and client id the settings name.

use zuora_token::Result;

use crate::cli::deadline::Deadline;
use crate::cli::keyring;
use crate::cli::settings::Inputs;

use super::note;

pub fn run(inputs: &Inputs) -> Result<u8> {
    keyring::built_in()?;
    let (entry, timeout) = inputs.keyring_entry()?;
    let message = match entry.remove(Deadline::after(timeout).instant())? {
        true => format!("removed the client secret from {entry}"),
        false => format!("there was no client secret in {entry}; nothing to remove"),
    };
    note(inputs.quiet, &message);
    Ok(0)
}
