//! `completions`: a shell's completion script, generated from the command
//! line's definition.

use clap::CommandFactory;
use zuora_token::Result;

use crate::cli::args::Cli;
use crate::output;

pub fn run(shell: clap_complete::Shell) -> Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "zuora-token", &mut script);
    output::print(&String::from_utf8_lossy(&script))?;
    Ok(0)
}
