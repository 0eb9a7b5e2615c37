//! `get`: print a token, raw, as an `Authorization` header, or as JSON.

use std::time::SystemTime;

use zuora_token::Result;

use crate::cli::args::CacheUse;
use crate::cli::settings::Inputs;
use crate::output::{self, Format};

pub fn run(inputs: &Inputs, format: Format, cache: &CacheUse) -> Result<u8> {
    let token = inputs.token_source(cache)?.token()?;
    output::print(&output::token(&token, format, SystemTime::now()))?;
    Ok(0)
}
