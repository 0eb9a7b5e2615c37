//! What `zuora-token curl` needs of curl: its arguments read as curl reads
//! them, and a run of curl with the headers passed off the command line.
//! Unix only: the headers reach curl on an inherited pipe (`/dev/fd/N`).

mod args;
mod attempt;
mod options;

pub use args::CurlArgs;
pub use attempt::{Ran, run, run_unwatched};
