//! `get`: print a token, raw, as headers (lines or a curl config), or as JSON.

use std::time::SystemTime;

use zuora_token::Result;

use crate::cli::args::CacheUse;
use crate::cli::output::{self, Format};
use crate::cli::settings::Inputs;

pub fn run(inputs: &Inputs, format: Format, cache: &CacheUse) -> Result<u8> {
    let source = inputs.token_source(cache)?;
    let token = source.token()?;
    super::warn_of_entities(&source, &token);
    let headers = source.api_headers(&token);
    output::print(&output::token(&token, &headers, format, SystemTime::now()))?;
    Ok(0)
}
