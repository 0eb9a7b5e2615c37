//! zuora-token-keyring: zuora-token's door to the OS keyring (Secret
//! Service on Linux, Keychain on macOS, Credential Manager on Windows), a
//! program of its own that zuora-token runs only when a secret
//! is to be read from the keyring, stored or removed.
//!
//! Why apart: the Secret Service client is libdbus, linked statically. In
//! zuora-token itself it would cost every run, a cached `get` included,
//! 590 KB more to load and about 20% more instructions (its relocations and libc
//! symbols bound at start), for a call that a cached `get` never makes.
//! Here it costs only the runs that use it. zuora-token runs it from its
//! own directory, waits for it until the command's deadline and kills it
//! then (a D-Bus call on a silent bus blocks, an unlock prompt waits for
//! a person).
//!
//! `zuora-token-keyring get|set|delete SERVICE USER`: `get` prints the
//! entry's text on stdout, `set` stores what stdin holds, `delete` removes
//! the entry. Exit codes: 0 done, 3 no such entry, 10 no keyring available,
//! 11 the keyring refused access (locked), 12 any other failure, 2 a bad
//! command line; a message on stderr for the failures, never the secret.
//!
//! On other platforms (the BSDs) it is built, as the feature asks, but
//! without a keyring client (Cargo.toml says why): it says so and exits
//! 10, and zuora-token never runs it there.

#[cfg(any(target_os = "linux", target_os = "macos", windows))]
use std::io::{Read, Write};
use std::process::ExitCode;

/// Where the keyring crate has no client that this build can carry.
#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn main() -> ExitCode {
    eprintln!(
        "zuora-token has no keyring on this platform (it has one on Linux, macOS and Windows)"
    );
    ExitCode::from(10)
}

/// Not for people: zuora-token runs it. What a person sees comes from
/// zuora-token's messages, which quote this one's.
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
fn main() -> ExitCode {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_DUMPABLE takes plain integers and touches no memory.
    // The secret passes through here: no core file may hold it.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [op, service, user] = args.as_slice() else {
        eprintln!("usage: zuora-token-keyring get|set|delete SERVICE USER");
        return ExitCode::from(2);
    };
    let outcome = keyring::Entry::new(service, user).and_then(|entry| match op.as_str() {
        "get" => entry.get_password().and_then(|text| {
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| keyring::Error::PlatformFailure(e.into()))
        }),
        "set" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| keyring::Error::PlatformFailure(e.into()))?;
            entry.set_password(&text)
        }
        "delete" => entry.delete_credential(),
        _ => Err(keyring::Error::Invalid(
            op.clone(),
            "not get, set or delete".into(),
        )),
    });
    let Err(error) = outcome else {
        return ExitCode::SUCCESS;
    };
    // The crate's messages name the platform's failure (a D-Bus error,
    // say); a BadEncoding error would hold the entry's bytes, so it is
    // not quoted.
    let (code, message) = match error {
        keyring::Error::NoEntry => return ExitCode::from(3),
        keyring::Error::PlatformFailure(why) => (10, why.to_string()),
        keyring::Error::NoStorageAccess(why) => (11, why.to_string()),
        keyring::Error::BadEncoding(_) => (12, "the entry is not UTF-8 text".into()),
        keyring::Error::Ambiguous(found) => (
            12,
            format!(
                "the keyring holds {} entries that match it; remove all but one",
                found.len()
            ),
        ),
        other => (12, other.to_string()),
    };
    eprintln!("{message}");
    ExitCode::from(code)
}
