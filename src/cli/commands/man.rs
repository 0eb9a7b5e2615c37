//! `man`: the man page, in roff, generated from the command line's
//! definition.

use clap::CommandFactory;
use zuora_token::{Error, Result};

use crate::cli::args::Cli;
use crate::output;

pub fn run() -> Result<u8> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::other(format!("cannot render the man page: {e}")))?;
    output::print(&String::from_utf8_lossy(&page))?;
    Ok(0)
}
