//! The user's curl arguments, read as curl reads them, as far as the
//! wrapper needs: which are URLs (a path such as `/v1/accounts/A-1` is
//! made a URL on the base URL, and any other URL must be on the base URL,
//! since the request carries the token), whether the request's body comes
//! from standard input (which cannot be sent twice), and whether the user
//! took the response headers for themselves (`-D`), which the wrapper reads
//! the status from.
//!
//! curl takes no `--name=value` form, so an option's value is always the
//! next argument, or the rest of a cluster of short options (`-XPOST`).
//! Which options take a value is curl's own table (`curl --help all`,
//! 7.88, plus newer options); an option not in it is taken as a switch.

use std::ffi::{OsStr, OsString};

use zuora_token::{BaseUrl, Error, Result};

/// curl's short options that take a value.
const SHORT_WITH_VALUE: &[u8] = b"AbcCdDeEFHKmoPQrtTuUwxXyYz";

/// curl's long options that take a value (`--expand-NAME` is `--NAME`).
const LONG_WITH_VALUE: &[&str] = &[
    "abstract-unix-socket",
    "alt-svc",
    "aws-sigv4",
    "cacert",
    "capath",
    "cert",
    "cert-type",
    "ciphers",
    "config",
    "connect-timeout",
    "connect-to",
    "continue-at",
    "cookie",
    "cookie-jar",
    "create-file-mode",
    "crlfile",
    "curves",
    "data",
    "data-ascii",
    "data-binary",
    "data-raw",
    "data-urlencode",
    "delegation",
    "dns-interface",
    "dns-ipv4-addr",
    "dns-ipv6-addr",
    "dns-servers",
    "doh-url",
    "dump-header",
    "ech",
    "egd-file",
    "engine",
    "etag-compare",
    "etag-save",
    "expect100-timeout",
    "form",
    "form-string",
    "ftp-account",
    "ftp-alternative-to-user",
    "ftp-method",
    "ftp-port",
    "ftp-ssl-ccc-mode",
    "happy-eyeballs-timeout-ms",
    "header",
    "hostpubmd5",
    "hostpubsha256",
    "hsts",
    "interface",
    "ip-tos",
    "json",
    "keepalive-cnt",
    "keepalive-time",
    "key",
    "key-type",
    "knownhosts",
    "krb",
    "libcurl",
    "limit-rate",
    "local-port",
    "login-options",
    "mail-auth",
    "mail-from",
    "mail-rcpt",
    "max-filesize",
    "max-redirs",
    "max-time",
    "netrc-file",
    "noproxy",
    "oauth2-bearer",
    "output",
    "output-dir",
    "parallel-max",
    "parallel-max-host",
    "pass",
    "pinnedpubkey",
    "preproxy",
    "proto",
    "proto-default",
    "proto-redir",
    "proxy",
    "proxy-cacert",
    "proxy-capath",
    "proxy-cert",
    "proxy-cert-type",
    "proxy-ciphers",
    "proxy-crlfile",
    "proxy-header",
    "proxy-key",
    "proxy-key-type",
    "proxy-pass",
    "proxy-pinnedpubkey",
    "proxy-service-name",
    "proxy-tls13-ciphers",
    "proxy-tlsauthtype",
    "proxy-tlspassword",
    "proxy-tlsuser",
    "proxy-user",
    "proxy1.0",
    "pubkey",
    "quote",
    "random-file",
    "range",
    "rate",
    "referer",
    "request",
    "request-target",
    "resolve",
    "retry",
    "retry-delay",
    "retry-max-time",
    "sasl-authzid",
    "service-name",
    "sigalgs",
    "socks4",
    "socks4a",
    "socks5",
    "socks5-gssapi-service",
    "socks5-hostname",
    "speed-limit",
    "speed-time",
    "ssl-sessions",
    "stderr",
    "telnet-option",
    "tftp-blksize",
    "time-cond",
    "tls-max",
    "tls13-ciphers",
    "tlsauthtype",
    "tlspassword",
    "tlsuser",
    "trace",
    "trace-ascii",
    "trace-config",
    "unix-socket",
    "upload-file",
    "upload-flags",
    "url",
    "url-query",
    "user",
    "user-agent",
    "variable",
    "vlan-priority",
    "write-out",
];

/// The user's arguments, ready for curl.
#[derive(Debug, PartialEq, Eq)]
pub struct CurlArgs {
    /// As given, with each path made a URL on the base URL.
    pub args: Vec<OsString>,
    /// The request's body (or config) is read from standard input: the
    /// request cannot be sent a second time.
    pub reads_stdin: bool,
    /// The user asked for the response headers (`-D`): the wrapper cannot
    /// read the status from them.
    pub dumps_headers: bool,
}

/// One argument as curl reads it.
enum Read<'a> {
    /// A URL: every argument that is neither an option nor its value.
    Url,
    /// An option that takes the next argument as its value; its long name
    /// (or the short letter's long name where it matters).
    TakesNext(&'a str),
    /// An option with its value in the same argument (`-XPOST`), or a
    /// switch.
    Done { name: &'a str, value: &'a str },
}

impl CurlArgs {
    /// Reads `args` as curl would, making each path (`/v1/...`) a URL on
    /// `base`.
    ///
    /// # Errors
    ///
    /// A URL that is not on `base` (the request carries the token, which
    /// must go to Zuora only), or an argument that is not UTF-8.
    pub fn parse(args: &[OsString], base: &BaseUrl) -> Result<CurlArgs> {
        let mut out = CurlArgs {
            args: Vec::with_capacity(args.len()),
            reads_stdin: false,
            dumps_headers: false,
        };
        let mut pending: Option<String> = None;
        let mut options_ended = false;
        for arg in args {
            let text = utf8(arg)?;
            if let Some(option) = pending.take() {
                out.note(&option, text);
                out.args.push(match option.as_str() {
                    "url" => url(text, base)?,
                    _ => arg.clone(),
                });
                continue;
            }
            if text == "--" && !options_ended {
                options_ended = true;
                out.args.push(arg.clone());
                continue;
            }
            let read = match options_ended {
                true => Read::Url,
                false => read(text),
            };
            match read {
                Read::Url => out.args.push(url(text, base)?),
                Read::TakesNext(name) => {
                    pending = Some(name.to_owned());
                    out.args.push(arg.clone());
                }
                Read::Done { name, value } => {
                    out.note(name, value);
                    out.args.push(arg.clone());
                }
            }
        }
        Ok(out)
    }

    /// Notes what option `name` with `value` means for the wrapper.
    fn note(&mut self, name: &str, value: &str) {
        match name {
            "dump-header" => self.dumps_headers = true,
            // `-T .` is standard input too, read without blocking.
            "upload-file" if value == "-" || value == "." => self.reads_stdin = true,
            "config" if value == "-" => self.reads_stdin = true,
            _ if value.ends_with("@-") => self.reads_stdin = true,
            _ => {}
        }
    }
}

/// How curl reads `arg`, on its own.
fn read(arg: &str) -> Read<'_> {
    if let Some(long) = arg.strip_prefix("--").filter(|l| !l.is_empty()) {
        let name = long.strip_prefix("expand-").unwrap_or(long);
        return match LONG_WITH_VALUE.contains(&name) {
            true => Read::TakesNext(name),
            false => Read::Done { name, value: "" },
        };
    }
    let Some(cluster) = arg.strip_prefix('-').filter(|c| !c.is_empty()) else {
        return Read::Url;
    };
    // In a cluster, the first letter that takes a value takes the rest.
    for (at, letter) in cluster.bytes().enumerate() {
        if SHORT_WITH_VALUE.contains(&letter) {
            let name = short_name(letter);
            return match &cluster[at + 1..] {
                "" => Read::TakesNext(name),
                value => Read::Done { name, value },
            };
        }
    }
    Read::Done {
        name: "",
        value: "",
    }
}

/// The long name of a short option, where the wrapper cares which it is.
fn short_name(letter: u8) -> &'static str {
    match letter {
        b'D' => "dump-header",
        b'K' => "config",
        b'T' => "upload-file",
        _ => "",
    }
}

/// `text` as a URL for curl: a path is put on `base`; anything else must
/// be on `base` already (curl takes `host/path` without a scheme as
/// `http://host/path`).
fn url(text: &str, base: &BaseUrl) -> Result<OsString> {
    if text.starts_with('/') {
        return Ok(format!("{base}{text}").into());
    }
    // The origin is all that is compared: a query or fragment is the API's.
    let before_query = text.split(['?', '#']).next().unwrap_or_default();
    let absolute = match before_query.contains("://") {
        true => before_query.to_owned(),
        false => format!("http://{before_query}"),
    };
    match BaseUrl::parse(&absolute) {
        Ok(origin) if origin == *base => Ok(text.into()),
        _ => Err(Error::usage(format!(
            "refusing to send the token to {text:?}: it is not on the base URL {base}"
        ))
        .with_hint(
            "give a path such as /v1/accounts/A-1 (it goes to the base URL), or change \
             --base-url; for another host use curl itself",
        )),
    }
}

fn utf8(arg: &OsStr) -> Result<&str> {
    arg.to_str().ok_or_else(|| {
        Error::usage(format!(
            "the curl argument {:?} is not valid UTF-8",
            arg.to_string_lossy()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<CurlArgs> {
        let base = BaseUrl::parse("https://rest.zuora.com").unwrap();
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        CurlArgs::parse(&args, &base)
    }

    fn texts(parsed: &CurlArgs) -> Vec<&str> {
        parsed.args.iter().map(|a| a.to_str().unwrap()).collect()
    }

    #[test]
    fn paths_become_urls_on_the_base_url_and_option_values_stay() {
        let parsed = parse(&[
            "-sS",
            "-o",
            "/tmp/out",
            "-XPOST",
            "/v1/accounts",
            "-d",
            "/x",
            "--url",
            "/v1/a",
            "-w",
            "%{http_code}",
        ])
        .unwrap();
        assert_eq!(
            texts(&parsed),
            [
                "-sS",
                "-o",
                "/tmp/out",
                "-XPOST",
                "https://rest.zuora.com/v1/accounts",
                "-d",
                "/x",
                "--url",
                "https://rest.zuora.com/v1/a",
                "-w",
                "%{http_code}",
            ]
        );
        assert!(!parsed.reads_stdin && !parsed.dumps_headers);
    }

    #[test]
    fn urls_elsewhere_are_refused() {
        assert!(parse(&["https://rest.zuora.com/v1/x"]).is_ok());
        assert!(parse(&["https://REST.zuora.com:443/v1/x?page=2#f"]).is_ok());
        assert!(
            parse(&["rest.zuora.com/v1/x"]).is_err(),
            "http is another origin"
        );
        for bad in [
            "https://evil.example/v1",
            "evil.example",
            "--url",
            "https://rest.zuora.com.evil",
        ] {
            let args = match bad {
                "--url" => vec!["--url", "https://x.example"],
                _ => vec![bad],
            };
            assert!(parse(&args).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_body_from_stdin_and_dumped_headers_are_noticed() {
        for args in [
            &["-d", "@-", "/v1/x"][..],
            &["--data-binary", "@-"],
            &["-F", "file=@-"],
            &["-T", "-"],
            &["-T-"],
            &["--upload-file", "."],
            &["-K", "-"],
        ] {
            assert!(parse(args).unwrap().reads_stdin, "{args:?}");
        }
        for args in [&["-D", "h.txt"][..], &["-sD-"], &["--dump-header", "-"]] {
            assert!(parse(args).unwrap().dumps_headers, "{args:?}");
        }
        assert!(!parse(&["-d", "@body.json", "-o", "-"]).unwrap().reads_stdin);
    }

    #[test]
    fn after_a_double_dash_everything_is_a_url() {
        assert!(parse(&["--", "-d"]).is_err());
        let parsed = parse(&["--", "/v1/x"]).unwrap();
        assert_eq!(texts(&parsed), ["--", "https://rest.zuora.com/v1/x"]);
    }
}
