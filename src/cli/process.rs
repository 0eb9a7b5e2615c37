//! The process itself, set up before anything else runs: the secret kept
//! out of core dumps.
//!
//! Rust's runtime has already done the rest by the time `main` runs: on
//! Unix it gives each closed standard stream /dev/null (so that a file
//! opened later cannot take its number and receive what is written to it)
//! and ignores SIGPIPE (a closed pipe is then an error to report, exit 1,
//! not a silent death).

/// Sets up the process, first thing: makes it undumpable before any secret
/// is read.
pub fn start_process() {
    make_undumpable();
}

/// Keeps the secret out of core dumps: a process that cannot be dumped
/// leaves no core file, however it dies (on Linux, `PR_SET_DUMPABLE` also
/// keeps other processes of the same user from attaching a debugger or
/// reading its memory through /proc). Elsewhere on Unix the core size
/// limit is set to zero.
fn make_undumpable() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_DUMPABLE takes plain integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: a valid rlimit, for the length of the call.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &none);
        }
    }
}
