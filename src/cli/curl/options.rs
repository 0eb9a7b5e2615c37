//! The allow-list of curl's options: those passed on, what each takes, and
//! why an option of the classes that could send the token elsewhere is
//! refused. Everything the list does not name is refused (see `args`).

/// What an allowed option takes, and what its value is checked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Takes {
    /// Nothing: a switch (`--no-NAME` turns it off).
    Nothing,
    /// A value the wrapper need not look at.
    Value,
    /// A URL, which must be on the base URL.
    Url,
    /// A header, which must not be `Authorization` nor come from a file.
    Header,
    /// A body, read from a file after `@` (`-d @-` is standard input).
    Data,
    /// `[name]@file` reads a file (`--data-urlencode name@-`).
    Urlencoded,
    /// `name=@file` or `name=<file` reads a file (`-F x=@-`, `-F x=<-`).
    Form,
    /// A file to upload: `-` or `.` is standard input.
    Upload,
    /// A format, read from a file after `@`.
    Format,
    /// The response headers, taken by the user (`-D`).
    DumpHeader,
}

/// An option curl may be given: its long name, its short letter if any,
/// what it takes.
type Allowed = (&'static str, Option<u8>, Takes);

/// The curl options passed on: those that cannot change where a request
/// goes or what credentials it carries. Grouped by what they touch.
const ALLOWED: &[Allowed] = &[
    // What curl shows and writes, and where: the response stays on this
    // machine. (`-v` and `--trace` show the request's headers, the token
    // among them, to the user who asked for them.)
    ("verbose", Some(b'v'), Takes::Nothing),
    ("silent", Some(b's'), Takes::Nothing),
    ("show-error", Some(b'S'), Takes::Nothing),
    ("progress-bar", Some(b'#'), Takes::Nothing),
    ("progress-meter", None, Takes::Nothing),
    ("include", Some(b'i'), Takes::Nothing),
    ("output", Some(b'o'), Takes::Value),
    ("remote-name", Some(b'O'), Takes::Nothing),
    ("remote-name-all", None, Takes::Nothing),
    ("output-dir", None, Takes::Value),
    ("create-dirs", None, Takes::Nothing),
    ("dump-header", Some(b'D'), Takes::DumpHeader),
    ("write-out", Some(b'w'), Takes::Format),
    ("buffer", Some(b'N'), Takes::Nothing),
    ("trace", None, Takes::Value),
    ("trace-ascii", None, Takes::Value),
    ("trace-time", None, Takes::Nothing),
    // How an HTTP error ends the run.
    ("fail", Some(b'f'), Takes::Nothing),
    ("fail-with-body", None, Takes::Nothing),
    ("fail-early", None, Takes::Nothing),
    // The request: method, body and headers, to the URL given.
    ("request", Some(b'X'), Takes::Value),
    ("get", Some(b'G'), Takes::Nothing),
    ("head", Some(b'I'), Takes::Nothing),
    ("data", Some(b'd'), Takes::Data),
    ("data-ascii", None, Takes::Data),
    ("data-binary", None, Takes::Data),
    ("data-raw", None, Takes::Value),
    ("data-urlencode", None, Takes::Urlencoded),
    ("json", None, Takes::Data),
    ("form", Some(b'F'), Takes::Form),
    ("form-string", None, Takes::Value),
    ("upload-file", Some(b'T'), Takes::Upload),
    ("header", Some(b'H'), Takes::Header),
    ("user-agent", Some(b'A'), Takes::Value),
    ("referer", None, Takes::Value),
    ("compressed", None, Takes::Nothing),
    ("url", None, Takes::Url),
    ("url-query", None, Takes::Urlencoded),
    // Globbing is always off (see `CurlArgs::parse`); saying so again is
    // harmless, but `--no-globoff` is not allowed.
    ("globoff", Some(b'g'), Takes::Nothing),
    // Time limits, pace, and curl's own retries of the same request.
    ("connect-timeout", None, Takes::Value),
    ("max-time", Some(b'm'), Takes::Value),
    ("expect100-timeout", None, Takes::Value),
    ("speed-limit", Some(b'Y'), Takes::Value),
    ("speed-time", Some(b'y'), Takes::Value),
    ("limit-rate", None, Takes::Value),
    ("keepalive", None, Takes::Nothing),
    ("keepalive-time", None, Takes::Value),
    ("retry", None, Takes::Value),
    ("retry-delay", None, Takes::Value),
    ("retry-max-time", None, Takes::Value),
    ("retry-connrefused", None, Takes::Nothing),
    ("retry-all-errors", None, Takes::Nothing),
    // The protocol version and address family, to the same host and port.
    ("http1.0", Some(b'0'), Takes::Nothing),
    ("http1.1", None, Takes::Nothing),
    ("http2", None, Takes::Nothing),
    ("ipv4", Some(b'4'), Takes::Nothing),
    ("ipv6", Some(b'6'), Takes::Nothing),
];

/// Switches the wrapper sets itself, which the user may not turn off.
const FORCED: &[&str] = &["globoff"];

/// What the short option `letter` takes, if it is allowed.
pub fn allowed_short(letter: u8) -> Option<Takes> {
    ALLOWED
        .iter()
        .find(|(_, short, _)| *short == Some(letter))
        .map(|(_, _, takes)| *takes)
}

/// What the long option `name` (without `--`) takes, if it is allowed.
pub fn allowed_long(name: &str) -> Option<Takes> {
    let find = |name: &str| {
        ALLOWED
            .iter()
            .find(|(long, _, _)| *long == name)
            .map(|(_, _, takes)| *takes)
    };
    match name.strip_prefix("no-") {
        Some(switch) if !FORCED.contains(&switch) => {
            find(switch).filter(|takes| *takes == Takes::Nothing)
        }
        Some(_) => None,
        None => find(name),
    }
}

/// Why curl's option `name` (without dashes) is refused, for the classes
/// that can send the token elsewhere; any other is simply not one the
/// wrapper knows.
pub fn why_refused(name: &str) -> &'static str {
    // A name, or a family of them (`proxy` for `proxy-user`, ...).
    let any = |names: &[&str]| {
        names
            .iter()
            .any(|n| name == *n || (n.len() > 2 && name.starts_with(n)))
    };
    if any(&["K", "config", "disable", "variable", "expand-"]) {
        "it reads a curl config file or variables, which can name any URL, proxy or header"
    } else if any(&["x", "U", "proxy", "socks", "preproxy", "noproxy", "haproxy"]) {
        "a proxy would see the request, token included"
    } else if any(&[
        "connect-to",
        "resolve",
        "unix-socket",
        "abstract-unix-socket",
        "interface",
        "dns-",
        "doh-",
        "local-port",
    ]) {
        "it changes where the connection goes"
    } else if any(&["L", "location", "max-redirs", "proto-redir"]) {
        "following a redirect would send the token wherever the answer points"
    } else if any(&[
        "u",
        "user",
        "oauth2-bearer",
        "n",
        "netrc",
        "aws-sigv4",
        "E",
        "cert",
        "key",
        "basic",
        "digest",
        "ntlm",
        "negotiate",
        "anyauth",
        "b",
        "cookie",
        "c",
        "delegation",
    ]) {
        "zuora-token sets the only credentials the request carries"
    } else if any(&[
        "k",
        "insecure",
        "cacert",
        "capath",
        "pinnedpubkey",
        "crlfile",
    ]) {
        "it changes which server is trusted with the token"
    } else if any(&[":", "next", "Z", "parallel", "libcurl"]) {
        "it starts other transfers, or writes the request out"
    } else if name == "no-globoff" {
        "globbing stays off, so that each URL is one transfer"
    } else {
        "it is not one zuora-token can vouch for"
    }
}
