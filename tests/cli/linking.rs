//! How `zuora-token` is linked on Linux with GNU's C library (`build.rs`):
//! the code a cached call runs placed together by `link/hot-text.ld`, and
//! GCC's unwinder linked in, so that no libgcc_s is loaded at start. Both
//! are for speed only; these tests keep them from going away unseen.

use std::process::Command;

use zuora_token_testkit::{have, skip};

use crate::BIN;

/// What `readelf FLAG` says of the binary under test.
fn readelf(flag: &str) -> String {
    let out = Command::new("readelf").arg(flag).arg(BIN).output().unwrap();
    assert!(out.status.success(), "readelf {flag} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cached_path_is_laid_out_together() {
    if !have("readelf") {
        return;
    }
    let sections = readelf("-SW");
    let hot = sections
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .find(|fields| fields.contains(&".text.hot"))
        .unwrap_or_else(|| {
            panic!("no .text.hot: build.rs's linker script is not in effect\n{sections}")
        });
    // Name, type, address, offset, size.
    let at = hot.iter().position(|f| *f == "PROGBITS").unwrap();
    let size = u64::from_str_radix(hot[at + 3], 16).unwrap();
    // About 250 functions, some 300 KB; far less means the list no longer
    // names the code (run link/hot-text.sh).
    assert!(size > 64 << 10, "the hot text is {size} bytes");
}

#[test]
fn libgcc_s_is_not_loaded() {
    if !have("readelf") || !have("cc") {
        return;
    }
    let found = Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .unwrap();
    if !String::from_utf8_lossy(&found.stdout)
        .trim()
        .starts_with('/')
    {
        skip("the C compiler has no libgcc_eh.a, so the build links libgcc_s");
        return;
    }
    let dynamic = readelf("-d");
    assert!(dynamic.contains("[libc.so.6]"), "{dynamic}");
    assert!(!dynamic.contains("libgcc_s"), "{dynamic}");
}
