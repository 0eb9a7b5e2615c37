//! Standard input read whole, as a secret (`--client-secret-file -`,
//! `login`) or a request body (`api --input -`) is: to its end, but never
//! past a bound, so that `yes | zuora-token ...` cannot fill memory.

use std::io::{self, Read};

/// Standard input to its end, at most `limit` bytes; more is an error
/// that says how much is allowed.
pub fn read_stdin(limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    match bytes.len() as u64 > limit {
        true => Err(io::Error::other(format!("it is larger than {limit} bytes"))),
        false => Ok(bytes),
    }
}
