//! How `zuora-token` is linked on Linux, for a cached call's sake: a
//! cached `get` is mostly process start-up, and two things in how the
//! binary is laid out and loaded decide much of it (BENCHMARKS.md has the
//! measures).
//!
//! - **The cached path's code together.** `link/hot-text.ld` names the
//!   functions a cached call runs and places them first, in one block of
//!   the text, so that the kernel maps a few 64 KiB blocks of code instead
//!   of pages spread over the whole 2 MB: fewer page faults, a smaller
//!   resident set. The list is made by `link/hot-text.sh`; a stale list
//!   costs only speed.
//! - **The unwinder linked in.** Rust's standard library names libgcc_s's
//!   unwinder, so every run would load a second shared library for code a
//!   program built with `panic = "abort"` never runs but to print a
//!   backtrace. GCC's static unwinder (`libgcc_eh.a`, as `-static-libgcc`
//!   links it) resolves those names first, and the linker (`--as-needed`)
//!   then drops libgcc_s. Only the `zuora-token` binary is linked so (the
//!   `static_unwinder` cfg in `src/main.rs`), never the library.
//!
//! Both only for Linux with GNU's C library, and each only where it
//! applies: elsewhere the binary is linked as usual.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(static_unwinder)");
    println!("cargo::rerun-if-changed=build.rs");
    let target = |key: &str| env::var(format!("CARGO_CFG_TARGET_{key}")).unwrap_or_default();
    if target("OS") != "linux" {
        return;
    }
    // Valgrind names only the functions in `.text`, so the script that
    // makes the list (under callgrind) builds without it.
    println!("cargo::rerun-if-env-changed=ZUORA_TOKEN_NO_HOT_TEXT");
    if env::var_os("ZUORA_TOKEN_NO_HOT_TEXT").is_none() {
        let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
        let script = manifest.join("link").join("hot-text.ld");
        println!("cargo::rerun-if-changed={}", script.display());
        // The C compiler's own -T, the path its own argument: a path with
        // a comma would be split by -Wl.
        println!("cargo::rustc-link-arg-bin=zuora-token=-T");
        println!("cargo::rustc-link-arg-bin=zuora-token={}", script.display());
    }
    let static_crt = target("FEATURE").split(',').any(|f| f == "crt-static");
    if target("ENV") == "gnu"
        && !static_crt
        && let Some(dir) = static_unwinder_dir()
    {
        println!("cargo::rustc-link-search=native={}", dir.display());
        println!("cargo::rustc-cfg=static_unwinder");
    }
}

/// The directory of the C compiler's `libgcc_eh.a`, if it has one: the
/// linker Rust drives is the C compiler (`RUSTC_LINKER`, else `cc`), and
/// it says where its own libraries are. A cross build with no linker named
/// would ask the host's compiler about the host's library: none then.
fn static_unwinder_dir() -> Option<PathBuf> {
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    let linker = match env::var_os("RUSTC_LINKER") {
        Some(linker) => linker,
        None if env::var("TARGET") == env::var("HOST") => "cc".into(),
        None => return None,
    };
    let output = Command::new(linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    // Without the library the compiler prints the bare name back.
    (output.status.success() && path.is_absolute() && path.is_file())
        .then(|| path.parent().map(Path::to_path_buf))
        .flatten()
}
