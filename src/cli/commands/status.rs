//! `status`: what is cached for the resolved credentials, without going
//! online; exit 0 if a token with the minimum TTL left is cached.

use std::time::SystemTime;

use zuora_token::{Input, Result};

use crate::cli::args::CacheUse;
use crate::cli::output::{self, Report, Status};
use crate::cli::settings::Inputs;

pub fn run(inputs: &Inputs, format: Report) -> Result<u8> {
    let resolved = inputs.resolve(&CacheUse::default())?;
    let source = &resolved.source;
    let given = |input| source.client().provenance().source(input);
    let from = |input| given(input).unwrap_or_default();
    let now = SystemTime::now();
    let token = source.cached();
    let usable = token.as_ref().is_some_and(|t| source.is_fresh(t, now));
    let cache_file = source.cache_file();
    let report = Status {
        base_url: source.client().endpoint().base_url().as_str(),
        base_url_from: from(Input::BaseUrl),
        // Only a token URL that was given has a source to name.
        token_url: given(Input::TokenUrl)
            .map(|from| (source.client().endpoint().token_url().as_str(), from)),
        client_id: source.credentials().client_id().as_str(),
        client_id_from: from(Input::ClientId),
        secret: from(Input::ClientSecret),
        overridden: resolved
            .overridden
            .iter()
            .map(|o| format!("{}, by {}", o.what, o.by))
            .collect(),
        entity_id: source
            .client()
            .options()
            .entity_id
            .as_ref()
            .map(|e| e.as_str()),
        cache_file: cache_file.as_deref(),
        token: token.as_ref(),
        usable,
        min_ttl: source.cache_policy().min_ttl,
    };
    output::print(&output::status(&report, format, now))?;
    // 1: no usable token cached, as the man page's EXIT STATUS says.
    Ok(u8::from(!usable))
}
