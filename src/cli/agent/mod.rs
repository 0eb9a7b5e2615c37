//! What the `agent` command needs besides its loop: its flags' values
//! (`--sink`, `--renew-before`), each sink's content, and the signals that
//! reach the loop as events.

mod signals;

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use zuora_token::{ApiHeaders, Result, Token};

use crate::cli::output::{self, Format, Shell};

pub use signals::{Event, forward_signals};

/// `--sink file=PATH[,format=FORMAT][,mode=MODE]`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinkSpec {
    pub path: PathBuf,
    pub format: SinkFormat,
    /// The permission bits asked for, if any.
    pub mode: Option<u32>,
}

/// What a sink holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkFormat {
    /// The token and a newline (`get`).
    Token,
    /// `get -o json`.
    Json,
    /// `Authorization: Bearer <token>` (`get -o header`).
    Header,
    /// `export NAME='value';` lines to source (`env`).
    Env,
    /// `NAME=value` lines (`env --shell dotenv`).
    Dotenv,
}

impl SinkFormat {
    const NAMES: [(&str, SinkFormat); 5] = [
        ("token", SinkFormat::Token),
        ("json", SinkFormat::Json),
        ("header", SinkFormat::Header),
        ("env", SinkFormat::Env),
        ("dotenv", SinkFormat::Dotenv),
    ];

    /// The sink's content for `token`, as the command of the same format
    /// prints it.
    pub fn render(self, token: &Token, headers: &ApiHeaders) -> Result<String> {
        let now = SystemTime::now();
        match self {
            SinkFormat::Token => Ok(output::token(token, headers, Format::Token, now)),
            SinkFormat::Json => Ok(output::token(token, headers, Format::Json, now)),
            SinkFormat::Header => Ok(output::token(token, headers, Format::Header, now)),
            SinkFormat::Env => output::env(token, headers, Shell::Sh),
            SinkFormat::Dotenv => output::env(token, headers, Shell::Dotenv),
        }
    }
}

/// Reads `--sink`'s value: comma-separated `KEY=VALUE` pairs, `file`
/// required, each key at most once (so a path cannot hold a comma).
pub fn parse_sink(text: &str) -> std::result::Result<SinkSpec, String> {
    let (mut path, mut format, mut mode) = (None, None, None);
    for pair in text.split(',') {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(format!(
                "{pair:?} is not KEY=VALUE (file=PATH[,format=FORMAT][,mode=MODE])"
            ));
        };
        let twice = match key {
            "file" if value.is_empty() => return Err("file= names no file".into()),
            "file" => path.replace(PathBuf::from(value)).is_some(),
            "format" => format.replace(parse_format(value)?).is_some(),
            "mode" => mode.replace(parse_mode(value)?).is_some(),
            _ => {
                return Err(format!(
                    "unknown key {key:?}: the keys are file, format, mode"
                ));
            }
        };
        if twice {
            return Err(format!("{key}= is given twice"));
        }
    }
    Ok(SinkSpec {
        path: path.ok_or("file=PATH is required")?,
        format: format.unwrap_or(SinkFormat::Token),
        mode,
    })
}

fn parse_format(text: &str) -> std::result::Result<SinkFormat, String> {
    SinkFormat::NAMES
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, format)| *format)
        .ok_or_else(|| {
            let names: Vec<&str> = SinkFormat::NAMES.iter().map(|(name, _)| *name).collect();
            format!("unknown format {text:?}: one of {}", names.join(", "))
        })
}

/// Three or four octal digits, permission bits only: `0600`, `640`.
fn parse_mode(text: &str) -> std::result::Result<u32, String> {
    let digits = (3..=4).contains(&text.len()) && text.bytes().all(|b| (b'0'..=b'7').contains(&b));
    digits
        .then(|| u32::from_str_radix(text, 8).ok())
        .flatten()
        .filter(|mode| *mode <= 0o777)
        .ok_or_else(|| {
            format!("mode {text:?} is not an octal mode from 000 to 0777 (such as 0600)")
        })
}

/// Reads `--renew-before`: a number of seconds, or of minutes or hours
/// with `m` or `h` (`s` allowed), greater than 0: `90`, `1.5s`, `10m`.
pub fn parse_duration(text: &str) -> std::result::Result<Duration, String> {
    let (number, unit) = match text.char_indices().last() {
        Some((at, 's')) => (&text[..at], 1.0),
        Some((at, 'm')) => (&text[..at], 60.0),
        Some((at, 'h')) => (&text[..at], 3600.0),
        _ => (text, 1.0),
    };
    number
        .parse::<f64>()
        .ok()
        .filter(|n| *n > 0.0)
        .and_then(|n| Duration::try_from_secs_f64(n * unit).ok())
        .ok_or_else(|| format!("{text:?} is not a duration greater than 0 (90, 1.5s, 10m, 1h)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sink_is_read_with_its_defaults() {
        assert_eq!(
            parse_sink("file=/run/zt/token").unwrap(),
            SinkSpec {
                path: "/run/zt/token".into(),
                format: SinkFormat::Token,
                mode: None
            }
        );
        let spec = parse_sink("mode=0640,format=dotenv,file=t.env").unwrap();
        assert_eq!((spec.format, spec.mode), (SinkFormat::Dotenv, Some(0o640)));
        assert_eq!(parse_sink("file=x,mode=600").unwrap().mode, Some(0o600));
    }

    #[test]
    fn a_bad_sink_says_what_is_wrong() {
        for (text, why) in [
            (
                "file=x,format=jsn",
                "unknown format \"jsn\": one of token, json",
            ),
            ("file=x,format=", "unknown format"),
            ("format=json", "file=PATH is required"),
            ("file=", "names no file"),
            ("file=a,file=b", "given twice"),
            ("file=a,b", "is not KEY=VALUE"),
            ("file=a,owner=me", "unknown key \"owner\""),
            ("file=a,mode=0800", "not an octal mode"),
            ("file=a,mode=4755", "not an octal mode"),
            ("file=a,mode=rw", "not an octal mode"),
            ("", "is not KEY=VALUE"),
        ] {
            let error = parse_sink(text).unwrap_err();
            assert!(error.contains(why), "{text}: {error}");
        }
    }

    #[test]
    fn durations_have_units_and_are_positive() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        for bad in ["0", "-1", "m", "", "1d", "1e400", "NaN", "inf"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
