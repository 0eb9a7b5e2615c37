//! Runs one parsed command line: resolve the settings, get a token, print it.

use std::time::SystemTime;

use clap::ArgMatches;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::output;
use crate::settings::Settings;
use crate::zuora;

/// Runs `cli`; `matches` are what it was parsed from (they tell a flag from
/// its environment variable).
pub fn run(cli: &Cli, matches: &ArgMatches) -> Result<()> {
    let settings = Settings::resolve(&cli.settings, matches)?;
    let text = match cli.command {
        Command::Get { output: format } => {
            output::token(&zuora::fetch(&settings)?, format, SystemTime::now())
        }
        Command::Env { shell } => output::env(&zuora::fetch(&settings)?, shell)?,
    };
    output::print(&text)
}
