//! The user's curl arguments, let through only where the wrapper can vouch
//! for them: the request carries the token, so nothing may change where it
//! goes or what credentials it carries.
//!
//! curl's option language is larger than any table of it (config files,
//! proxies, re-routing, redirects, variables), so this is an allow-list:
//! an option is passed on only if the allow-list (`options.rs`) names it, and anything else
//! (an option of curl's it does not know, or one of zuora-token's own
//! written after `curl`) is refused before anything runs. Every argument
//! that is not an option or its value is a URL, and must be on the base
//! URL (a path such as `/v1/accounts/A-1` is made a URL on it).
//!
//! curl takes no `--name=value` form, so an option's value is always the
//! next argument, or the rest of a cluster of short options (`-XPOST`). A
//! long name must be written whole (curl 7 also takes an unambiguous
//! prefix, which the table would not know), and `--no-NAME` is taken for
//! an allowed switch `NAME`.

use std::ffi::{OsStr, OsString};

use zuora_token::{BaseUrl, Error, Result};

use super::options::{Takes, allowed_long, allowed_short, why_refused};
use crate::cli::settings::table::Setting;

/// The arguments curl is given before the user's: globbing off, so that
/// each URL is one transfer, taken as written (`{a,b}` and `[1-3]` would
/// make several).
const LEADING: &[&str] = &["--globoff"];

/// For a plain-HTTP base URL (loopback only), added to [`LEADING`]: no
/// proxy, whatever the environment says, since one would see the request
/// whole, token included. (Through HTTPS, a proxy sees only `CONNECT`.)
const NO_PROXY: &[&str] = &["--noproxy", "*"];

/// For a plain-HTTP base URL on `localhost`: `--resolve` to the loopback
/// address zuora-token's own requests go to, checked as they are. curl
/// would otherwise resolve the name itself, and an older curl (before
/// 7.78) asks the system, whose hosts file or DNS may put `localhost`
/// off this machine: the token would cross a network in clear.
fn pinned_localhost(base: &BaseUrl) -> Result<Vec<OsString>> {
    let Some(resolved) = base.localhost_address() else {
        return Ok(Vec::new());
    };
    let address = resolved.map_err(|e| {
        Error::usage(format!("refusing to talk plain HTTP to {base}: {e}"))
            .with_hint("plain HTTP is for this machine only: use https://, or 127.0.0.1")
    })?;
    // curl wants an IPv6 address in brackets, as a SocketAddr shows it.
    let ip = match address {
        std::net::SocketAddr::V4(v4) => v4.ip().to_string(),
        std::net::SocketAddr::V6(v6) => format!("[{}]", v6.ip()),
    };
    let pin = format!("localhost:{}:{ip}", address.port());
    Ok(vec!["--resolve".into(), pin.into()])
}

/// The user's arguments, ready for curl.
#[derive(Debug, PartialEq, Eq)]
pub struct CurlArgs {
    /// The wrapper's own ([`LEADING`]), then the user's, as given but for
    /// each path made a URL on the base URL.
    pub args: Vec<OsString>,
    /// The request's body (or another value) is read from standard input:
    /// the request cannot be sent a second time.
    pub reads_stdin: bool,
    /// The user asked for the response headers (`-D`): the wrapper cannot
    /// read the status from them.
    pub dumps_headers: bool,
    /// How many URLs were given: the number of transfers, globbing being
    /// off.
    pub transfers: usize,
}

/// One argument as curl reads it.
enum Read {
    /// A URL: every argument that is neither an option nor its value.
    Url,
    /// Allowed options, the last of which takes the next argument as its
    /// value.
    TakesNext(Takes),
    /// Allowed options, the last with its value in the same argument
    /// (`-XPOST`, `-H@file`).
    WithValue(Takes, usize),
    /// Allowed switches only, or the `--` after which all is URLs.
    Switches,
    /// The option (as written, `-x` or `--name`) is not allowed.
    Refused(String),
}

impl CurlArgs {
    /// Reads `args` as curl would, refusing every option not in
    /// [`ALLOWED`] and every URL not on `base`, and making each path
    /// (`/v1/...`) a URL on `base`.
    ///
    /// # Errors
    ///
    /// An option that is not allowed, a URL that is not on `base`, a value
    /// that is not allowed (an `Authorization` header), or an argument
    /// that is not UTF-8.
    pub fn parse(args: &[OsString], base: &BaseUrl) -> Result<CurlArgs> {
        let mut leading: Vec<OsString> = LEADING.iter().map(OsString::from).collect();
        if !base.is_https() {
            leading.extend(NO_PROXY.iter().map(OsString::from));
        }
        leading.extend(pinned_localhost(base)?);
        let mut out = CurlArgs {
            args: leading,
            reads_stdin: false,
            dumps_headers: false,
            transfers: 0,
        };
        let mut pending: Option<Takes> = None;
        let mut options_ended = false;
        for arg in args {
            let text = utf8(arg)?;
            let read = match pending.take() {
                Some(Takes::Url) => Read::Url,
                Some(takes) => Read::WithValue(takes, 0),
                None if text == "--" && !options_ended => {
                    options_ended = true;
                    Read::Switches
                }
                None if options_ended => Read::Url,
                None => read(text),
            };
            match read {
                Read::Url => {
                    out.transfers += 1;
                    out.args.push(url(text, base)?);
                    continue;
                }
                Read::TakesNext(takes) => pending = Some(takes),
                Read::WithValue(takes, at) => out.note(takes, &text[at..])?,
                Read::Switches => {}
                Read::Refused(option) => return Err(refused(&option)),
            }
            out.args.push(arg.clone());
        }
        Ok(out)
    }

    /// Checks `value`, given to an option that `takes` it, and notes what
    /// it means for the wrapper.
    fn note(&mut self, takes: Takes, value: &str) -> Result<()> {
        match takes {
            Takes::Header => header(value)?,
            Takes::DumpHeader => self.dumps_headers = true,
            _ => self.reads_stdin |= reads_stdin(takes, value),
        }
        Ok(())
    }
}

/// Whether an option that `takes` `value` reads standard input, in any of
/// curl's spellings. When unsure, yes: the cost is a request not retried.
fn reads_stdin(takes: Takes, value: &str) -> bool {
    match takes {
        Takes::Data | Takes::Format => value == "@-",
        Takes::Urlencoded => value.ends_with("@-"),
        Takes::Upload => value == "-" || value == ".",
        Takes::Form => {
            let content = value.split_once('=').map_or("", |(_, content)| content);
            content.starts_with(['@', '<'])
                && content[1..]
                    .split([',', ';'])
                    .any(|file| file.trim().trim_matches('"') == "-")
        }
        _ => false,
    }
}

/// How curl reads `arg`, an option or a URL, on its own.
fn read(arg: &str) -> Read {
    if let Some(long) = arg.strip_prefix("--") {
        return match allowed_long(long) {
            Some(Takes::Nothing) => Read::Switches,
            Some(takes) => Read::TakesNext(takes),
            None => Read::Refused(arg.to_owned()),
        };
    }
    let Some(cluster) = arg.strip_prefix('-') else {
        return Read::Url;
    };
    if cluster.is_empty() {
        return Read::Refused(arg.to_owned());
    }
    // In a cluster, the first letter that takes a value takes the rest.
    for (at, letter) in cluster.char_indices() {
        let takes = u8::try_from(letter).ok().and_then(allowed_short);
        match takes {
            None => return Read::Refused(format!("-{letter}")),
            Some(Takes::Nothing) => continue,
            Some(takes) if at + 1 == cluster.len() => return Read::TakesNext(takes),
            // After the `-` and the letter, which is ASCII.
            Some(takes) => return Read::WithValue(takes, at + 2),
        }
    }
    Read::Switches
}

/// The error for `option` (as written), which is not allowed: one of
/// zuora-token's own, written after `curl`, or curl's, with what it could
/// do.
fn refused(option: &str) -> Error {
    if let Some(ours) = ours(option) {
        return Error::usage(format!(
            "{option} is zuora-token's option: put it before 'curl' (zuora-token {ours} curl ...)"
        ));
    }
    Error::usage(format!(
        "the curl option {option} is not allowed: {}",
        why_refused(option.trim_start_matches('-'))
    ))
    .with_hint(
        "zuora-token curl passes on only the curl options that cannot change where the \
         request goes or what credentials it carries (see zuora-token-curl(1)); call Zuora with \
         `zuora-token api`, or, taking the responsibility yourself: \
         zuora-token get -o curl | curl -K - ...",
    )
}

/// zuora-token's own `option` (`--profile`, `-p`, `-q`, as written), as it
/// is written before `curl`, with the name of its value if it takes one.
fn ours(option: &str) -> Option<String> {
    let setting = match option.strip_prefix("--") {
        Some("quiet") => return Some(option.to_owned()),
        Some(long) => Setting::ALL.iter().find(|s| s.flag() == long),
        None if option == "-q" => return Some(option.to_owned()),
        None => {
            let short = option.strip_prefix('-').and_then(|s| s.chars().next());
            Setting::ALL
                .iter()
                .find(|s| s.short().is_some() && s.short() == short)
        }
    }?;
    // The secret's own flag is not shown as the way to go: it puts the
    // secret in the process list.
    Some(match setting {
        Setting::ClientSecret => format!(
            "--client-secret-file {}",
            Setting::ClientSecretFile.value_name()
        ),
        _ => format!("{option} {}", setting.value_name()),
    })
}

/// Checks a header given with `-H`: the request's `Authorization` is
/// zuora-token's, a header file (`@file`) could hold one, and a line break
/// would start another header.
fn header(value: &str) -> Result<()> {
    let name = value.split([':', ';']).next().unwrap_or_default().trim();
    let why = if value.starts_with('@') {
        "a header file could hold an Authorization header; give each header with -H"
    } else if name.eq_ignore_ascii_case("authorization") {
        "zuora-token sets the Authorization header"
    } else if value.contains(['\r', '\n']) {
        "a line break would start another header"
    } else {
        return Ok(());
    };
    Err(Error::usage(format!(
        "the curl header {name:?} is not allowed: {why}"
    )))
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

    fn parse_on(base: &str, args: &[&str]) -> Result<CurlArgs> {
        let base = BaseUrl::parse(base).unwrap();
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        CurlArgs::parse(&args, &base)
    }

    fn parse(args: &[&str]) -> Result<CurlArgs> {
        parse_on("https://rest.zuora.com", args)
    }

    fn texts(parsed: &CurlArgs) -> Vec<&str> {
        parsed.args.iter().map(|a| a.to_str().unwrap()).collect()
    }

    fn refusal(args: &[&str]) -> String {
        let error = parse(args).expect_err(&format!("{args:?} is refused"));
        format!("{error}")
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
            "-H",
            "Zuora-Version: 211.0",
        ])
        .unwrap();
        assert_eq!(
            texts(&parsed),
            [
                "--globoff",
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
                "-H",
                "Zuora-Version: 211.0",
            ]
        );
        assert!(!parsed.reads_stdin && !parsed.dumps_headers);
        assert_eq!(parsed.transfers, 2);
    }

    #[test]
    fn globbing_is_off_and_plain_http_goes_through_no_proxy() {
        let https = parse(&["/v1/x"]).unwrap();
        assert_eq!(
            texts(&https)[..2],
            ["--globoff", "https://rest.zuora.com/v1/x"]
        );
        let http = parse_on("http://127.0.0.1:8080", &["/v1/{a,b}"]).unwrap();
        assert_eq!(
            texts(&http),
            [
                "--globoff",
                "--noproxy",
                "*",
                "http://127.0.0.1:8080/v1/{a,b}"
            ]
        );
        assert_eq!(http.transfers, 1);
        assert!(refusal(&["--no-globoff", "/v1/x"]).contains("globbing stays off"));
    }

    #[test]
    fn the_allowed_options_pass_in_every_spelling() {
        for args in [
            &["-fsS", "-i", "-v", "-#", "--no-progress-meter"][..],
            &["--fail-with-body", "--silent", "--show-error", "--verbose"],
            &["-o", "x", "-ox", "-O", "--output-dir", "d", "--create-dirs"],
            &[
                "-D",
                "h",
                "-w",
                "%{http_code}",
                "--trace",
                "t",
                "--trace-ascii",
                "-",
            ],
            &["-X", "PUT", "-XDELETE", "-G", "-I", "--head", "--get"],
            &[
                "-d",
                "a=1",
                "-da=1",
                "--data-binary",
                "@f",
                "--data-raw",
                "@x",
            ],
            &[
                "--json",
                "{}",
                "--data-urlencode",
                "a=b",
                "-F",
                "f=@x",
                "--form-string",
                "a=<b",
            ],
            &[
                "-T",
                "file",
                "-A",
                "agent",
                "--referer",
                "r",
                "--compressed",
            ],
            &[
                "--connect-timeout",
                "3",
                "-m",
                "5",
                "-m5",
                "--retry",
                "2",
                "--retry-all-errors",
            ],
            &[
                "--http1.1",
                "--http2",
                "-4",
                "--no-keepalive",
                "-N",
                "--no-buffer",
                "-g",
            ],
            &["-H", "Content-Type: application/json", "-HAccept: */*"],
            &["--url-query", "a=b", "--", "https://rest.zuora.com/v1/x"],
        ] {
            let parsed = parse(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert_eq!(texts(&parsed)[1..], *args, "{args:?}");
        }
    }

    #[test]
    fn every_other_option_is_refused_and_named() {
        for (args, option, why) in [
            (&["-K", "cfg"][..], "-K", "config file"),
            (&["--config", "-"], "--config", "zuora-token's option"),
            (&["-sK-"], "-K", "config file"),
            (&["--disable"], "--disable", "config file"),
            (&["--variable", "x=y"], "--variable", "config file"),
            (&["--expand-url", "{{x}}"], "--expand-url", "config file"),
            (&["-x", "http://127.0.0.1:9"], "-x", "proxy"),
            (&["--proxy", "p"], "--proxy", "proxy"),
            (&["--socks5-hostname", "p"], "--socks5-hostname", "proxy"),
            (&["--preproxy", "p"], "--preproxy", "proxy"),
            (&["--noproxy", "*"], "--noproxy", "proxy"),
            (
                &["--connect-to", "::127.0.0.1:9"],
                "--connect-to",
                "where the connection",
            ),
            (
                &["--resolve", "a:1:127.0.0.1"],
                "--resolve",
                "where the connection",
            ),
            (
                &["--unix-socket", "s"],
                "--unix-socket",
                "where the connection",
            ),
            (
                &["--dns-servers", "s"],
                "--dns-servers",
                "where the connection",
            ),
            (&["--doh-url", "u"], "--doh-url", "where the connection"),
            (
                &["--interface", "lo"],
                "--interface",
                "where the connection",
            ),
            (&["-L"], "-L", "redirect"),
            (&["-sL"], "-L", "redirect"),
            (&["--location-trusted"], "--location-trusted", "redirect"),
            (&["-u", "a:b"], "-u", "credentials"),
            (&["--oauth2-bearer", "t"], "--oauth2-bearer", "credentials"),
            (&["--netrc-file", "n"], "--netrc-file", "credentials"),
            (&["--aws-sigv4", "a"], "--aws-sigv4", "credentials"),
            (&["-E", "c"], "-E", "credentials"),
            (&["-k"], "-k", "trusted"),
            (&["--cacert", "c"], "--cacert", "trusted"),
            (&["-:"], "-:", "other transfers"),
            (&["--next"], "--next", "other transfers"),
            (&["-Z"], "-Z", "other transfers"),
            (&["--libcurl", "x.c"], "--libcurl", "writes the request"),
            (&["--locat"], "--locat", "not one zuora-token can vouch for"),
            (
                &["--output=x"],
                "--output=x",
                "not one zuora-token can vouch for",
            ),
            (&["-"], "-", "not one zuora-token can vouch for"),
        ] {
            let message = refusal(args);
            assert!(
                message.contains(&format!("option {option} is not allowed"))
                    || message.starts_with(&format!("{option} is zuora-token's")),
                "{args:?}: {message}"
            );
            assert!(message.contains(why), "{args:?}: {message}");
        }
    }

    #[test]
    fn zuora_tokens_own_options_are_sent_before_curl() {
        for (args, message) in [
            (
                &["--profile", "sandbox", "/v1/x"][..],
                "--profile is zuora-token's option: put it before 'curl' \
                 (zuora-token --profile NAME curl ...)",
            ),
            (&["-p", "sandbox"], "-p is zuora-token's option"),
            (&["-e", "sandbox"], "-e is zuora-token's option"),
            (
                &["--client-secret", "s3cr3t"],
                "--client-secret is zuora-token's option: put it before 'curl' \
                 (zuora-token --client-secret-file PATH curl ...)",
            ),
            (&["--quiet"], "--quiet is zuora-token's option"),
            (&["-q"], "-q is zuora-token's option"),
        ] {
            let refused = refusal(args);
            assert!(refused.contains(message), "{args:?}: {refused}");
            assert!(!refused.contains("s3cr3t") && !refused.contains("sandbox"));
        }
    }

    #[test]
    fn an_authorization_header_or_a_header_file_is_refused() {
        for header in [
            "Authorization: Bearer x",
            "authorization:x",
            " AUTHORIZATION ;",
            "@headers.txt",
            "@-",
            "X-A: b\r\nAuthorization: c",
        ] {
            assert!(parse(&["-H", header]).is_err(), "{header:?}");
            assert!(parse(&[&format!("-H{header}")]).is_err(), "{header:?}");
            assert!(parse(&["--header", header]).is_err(), "{header:?}");
        }
        assert!(!refusal(&["-H", "Authorization: Bearer s3cr3t"]).contains("s3cr3t"));
    }

    #[test]
    fn urls_elsewhere_are_refused() {
        assert!(parse(&["https://rest.zuora.com/v1/x"]).is_ok());
        assert!(parse(&["https://REST.zuora.com:443/v1/x?page=2#f"]).is_ok());
        assert!(parse(&["HTTPS://rest.zuora.com?u=https://evil.example"]).is_ok());
        assert!(
            parse(&["rest.zuora.com/v1/x"]).is_err(),
            "http is another origin"
        );
        for bad in [
            &["https://evil.example/v1"][..],
            &["evil.example"],
            &["--url", "https://x.example"],
            &["--url", "@urls.txt"],
            &["https://rest.zuora.com.evil"],
            &["https://rest.zuora.com@evil.example/"],
            &["-d", "x", "--", "-d"],
            &["https://rest.zuora.com\\@evil.example/"],
            &["https://rest.zuora.com:443\\.evil.example/"],
            &["https://evil.example\\.rest.zuora.com/"],
            &["https://evil.example#@rest.zuora.com/"],
            &["https://rest.zuora.com\t.evil.example/"],
            &["https://rest.zuora.com./v1"],
            &["https:rest.zuora.com/v1"],
            &["https:/rest.zuora.com/v1"],
            &[" https://rest.zuora.com/v1"],
            &["https://%72est.zuora.com/v1"],
            &["https://rest.zuora.com:443:443/v1"],
            &["http://rest.zuora.com:443/v1"],
            &["--url", "evil.example?x=https://rest.zuora.com"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_body_from_stdin_is_noticed_in_every_spelling() {
        for args in [
            &["-d", "@-", "/v1/x"][..],
            &["-d@-"],
            &["--data", "@-"],
            &["--data-ascii", "@-"],
            &["--data-binary", "@-"],
            &["--json", "@-"],
            &["--data-urlencode", "@-"],
            &["--data-urlencode", "name@-"],
            &["--url-query", "q@-"],
            &["-F", "file=@-"],
            &["-F", "file=<-"],
            &["-Ffile=@-;type=text/plain"],
            &["-F", "file=@\"-\""],
            &["-F", "files=@a.txt,-"],
            &["-T", "-"],
            &["-T-"],
            &["-T", "."],
            &["--upload-file", "."],
            &["-w", "@-"],
        ] {
            assert!(parse(args).unwrap().reads_stdin, "{args:?}");
        }
        for args in [
            &["-d", "@body.json", "-o", "-"][..],
            &["--data-raw", "@-"],
            &["--form-string", "a=@-"],
            &["-F", "a=b@-c"],
            &["-T", "file-"],
            &["-w", "%{http_code}"],
        ] {
            assert!(!parse(args).unwrap().reads_stdin, "{args:?}");
        }
    }

    #[test]
    fn dumped_headers_are_noticed() {
        for args in [&["-D", "h.txt"][..], &["-sD-"], &["--dump-header", "-"]] {
            assert!(parse(args).unwrap().dumps_headers, "{args:?}");
        }
    }

    #[test]
    fn after_a_double_dash_everything_is_a_url() {
        assert!(parse(&["--", "-d"]).is_err());
        let parsed = parse(&["--", "/v1/x"]).unwrap();
        assert_eq!(
            texts(&parsed),
            ["--globoff", "--", "https://rest.zuora.com/v1/x"]
        );
    }
}
