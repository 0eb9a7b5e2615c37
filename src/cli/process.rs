//! The process itself, set up before anything else runs: what Rust's
//! start-up would do that matters here (the program starts without it),
//! and keeping the secret out of core dumps.

/// Sets up the process, first thing: notes whether stdout was closed, then
/// gives each closed standard stream /dev/null (so that a file opened later
/// cannot take its number and receive what is written to it), ignores
/// SIGPIPE (a closed pipe is then an error to report, exit 1, not a silent
/// death), and makes the process undumpable before any secret is read.
pub fn start_process() {
    #[cfg(unix)]
    // SAFETY: plain system calls on descriptor numbers and a signal
    // disposition; no memory of ours is touched.
    unsafe {
        for fd in [libc::STDIN_FILENO, libc::STDOUT_FILENO, libc::STDERR_FILENO] {
            if libc::fcntl(fd, libc::F_GETFD) == -1 {
                if fd == libc::STDOUT_FILENO {
                    crate::output::note_that_stdout_was_closed();
                }
                // open() takes the lowest free number: this one.
                libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
            }
        }
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
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
