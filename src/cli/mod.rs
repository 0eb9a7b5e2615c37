//! The command line over the library: clap's types, the settings resolved
//! from flags, environment and config file, and one small file per command.

mod args;
mod commands;
#[cfg(unix)]
mod curl;
/// The library's reading of files as hostile input, compiled into the
/// command too rather than made part of the library's API: the command
/// reads its config file, secret files and `api --input` the same way.
/// (The cache's reading, which the command does not use, is left unused.)
#[path = "../files.rs"]
#[allow(dead_code)]
mod files;
mod keyring;
mod logger;
mod output;
mod process;
mod report;
mod settings;
mod stdin;

pub use args::Cli;
pub use commands::env::parse_failed as env_parse_failed;
pub use commands::run;
pub use logger::init as init_logging;
pub use process::start_process;
pub use report::{
    command_line as report_command_line, error as report_error, exit_code, install_panic_hook,
};
