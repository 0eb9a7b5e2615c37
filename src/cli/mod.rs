//! The command line over the library: clap's types, the settings resolved
//! from flags, environment and config file, and one small file per command.

mod agent;
mod args;
mod commands;
#[cfg(unix)]
mod curl;
#[cfg(test)]
mod docs;
// Two of the library's private modules, compiled into the command too
// rather than made part of the library's API for the command's sake: the
// one deadline (every read of a setting within `--timeout`), and the
// reading of files as hostile input (the config file, secret files, `api
// --input`). What only the library uses of them is left unused here.
#[path = "../deadline.rs"]
#[allow(dead_code)]
mod deadline;
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
