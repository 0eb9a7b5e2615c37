//! `api`: a call to Zuora's REST API, made here with the library's
//! [`ApiClient`], so that the token goes to the base URL and nowhere else.
//! This file turns the flags into an [`ApiRequest`] and prints the answer.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use serde_json::{Map, Value};
use zuora_token::{
    ApiClient, ApiRequest, ApiResponse, ApiUrl, BaseUrl, Error, ErrorKind, Method, Result,
};

use crate::cli::args::{ApiArgs, CacheUse};
use crate::cli::deadline::Deadline;
use crate::cli::files;
use crate::cli::output;
use crate::cli::report;
use crate::cli::settings::Inputs;
use crate::cli::stdin::read_stdin;

/// The exit code of a call that Zuora answered with a status other than
/// 2xx (after every retry): the body is printed all the same.
pub const HTTP_ERROR: u8 = 7;

/// The largest body `--input` or a field's `@FILE` may give: Zuora's
/// requests are a few KiB, and the body is kept to be sent again.
const MAX_INPUT: u64 = 16 << 20;

pub fn run(inputs: &Inputs, args: &ApiArgs) -> Result<u8> {
    let source = inputs.token_source(&CacheUse::default())?;
    let base = source.client().endpoint().base_url();
    // Not `Instant::now() + timeout`: a --timeout of 1e19 would overflow.
    let deadline = Deadline::after(source.client().options().timeout).instant();
    let request = request(args, base, deadline)?;
    let mut client = ApiClient::new(&source)?;
    let pretty = std::io::stdout().is_terminal();
    // A hash of every request sent: a server leading back to a page
    // already fetched (A, B, A, ...) would be paged through forever. A
    // server can still send pages without end, each new, as a body can be
    // endless; each costs it a round trip, and us a few bytes here.
    let keys = RandomState::new();
    let mut sent = HashSet::new();
    let mut request = Some(request);
    while let Some(this) = request {
        let key = keys.hash_one((this.method().as_str(), this.url().as_str(), this.body()));
        if !sent.insert(key) {
            return Err(Error::new(
                ErrorKind::BadResponse,
                "Zuora's answer names a page already fetched as the next one; stopping",
            ));
        }
        let response = client.send(&this)?;
        if let (true, Some(token)) = (sent.len() == 1, client.token()) {
            super::warn_of_entities(&source, token);
        }
        print(&response, args, pretty)?;
        if !response.is_success() {
            report::error(&Error::other(summary(&response)));
            return Ok(HTTP_ERROR);
        }
        request = match args.paginate {
            true => this.next_page(&response)?,
            false => None,
        };
    }
    Ok(0)
}

/// The request the flags describe, every part checked before anything
/// is sent.
fn request(args: &ApiArgs, base: &BaseUrl, deadline: Instant) -> Result<ApiRequest> {
    let url = ApiUrl::resolve(base, &args.path)
        .map_err(|why| Error::usage(format!("the path {:?}: {why}", args.path)))?;
    let method = match &args.method {
        Some(method) => {
            Method::parse(method).map_err(|why| Error::usage(format!("-X {method:?}: {why}")))?
        }
        None if args.input.is_some() => Method::post(),
        None => Method::get(),
    };
    let stdin_input = usize::from(args.input.as_deref() == Some(Path::new("-")));
    if stdin_readers(&args.fields).saturating_add(stdin_input) > 1 {
        return Err(Error::usage(
            "standard input can be read once: only one of --input - and the fields' @- can have it",
        ));
    }
    let fields = fields(args, deadline)?;
    let in_query = method == Method::get() || args.input.is_some();
    let mut request = match in_query {
        true => {
            let pairs: Vec<(String, String)> = fields
                .into_iter()
                .map(|(k, v)| (k, query_text(v)))
                .collect();
            let url = url.with_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            ApiRequest::new(method, url)
        }
        false if fields.is_empty() => ApiRequest::new(method, url),
        false => {
            let object: Map<String, Value> = fields.into_iter().collect();
            let body = serde_json::to_vec(&object).expect("JSON values serialize");
            ApiRequest::new(method, url).with_json_body(body)
        }
    };
    if let Some(path) = &args.input {
        request = request.with_json_body(read_input(path, "--input", deadline)?);
    }
    for header in &args.headers {
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| Error::usage(format!("-H {header:?}: a header is 'Name: value'")))?;
        request = request
            .with_header(name.trim(), value)
            .map_err(|why| Error::usage(format!("-H {name:?}: {why}")))?;
    }
    Ok(request)
}

/// The fields, `-f`'s as strings, then `-F`'s typed.
fn fields(args: &ApiArgs, deadline: Instant) -> Result<Vec<(String, Value)>> {
    let raw = args.raw_fields.iter().map(|field| {
        let (key, value) = key_value(field, "-f")?;
        Ok((key, Value::String(value.to_owned())))
    });
    let typed = args.fields.iter().map(|field| {
        let (key, value) = key_value(field, "-F")?;
        Ok((key, typed(value, deadline)?))
    });
    raw.chain(typed).collect()
}

/// `key=value`, its key not empty.
fn key_value<'a>(field: &'a str, flag: &str) -> Result<(String, &'a str)> {
    match field.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value)),
        _ => Err(Error::usage(format!(
            "{flag} {field:?}: a field is key=value"
        ))),
    }
}

/// A `-F` value: JSON's literals and numbers as such, `@FILE` as the
/// file's text, anything else a string.
fn typed(value: &str, deadline: Instant) -> Result<Value> {
    if let Some(path) = value.strip_prefix('@') {
        let bytes = read_input(Path::new(path), "-F", deadline)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::usage(format!("-F @{path}: the file is not UTF-8 text")))?;
        return Ok(Value::String(text));
    }
    Ok(match value {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => match serde_json::from_str::<serde_json::Number>(value) {
            Ok(number) => Value::Number(number),
            Err(_) => Value::String(value.to_owned()),
        },
    })
}

/// A field's value in a query: a string as it is, anything else as JSON.
fn query_text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

/// How many `-F` fields read standard input: a second would read it
/// empty, and send that.
fn stdin_readers(fields: &[String]) -> usize {
    fields
        .iter()
        .filter(|f| f.split_once('=').is_some_and(|(_, v)| v == "@-"))
        .count()
}

/// The bytes of `path` (`-`: standard input), at most [`MAX_INPUT`].
fn read_input(path: &Path, flag: &str, deadline: Instant) -> Result<Vec<u8>> {
    let bytes = match path == Path::new("-") {
        true => read_stdin(MAX_INPUT),
        false => files::read_setting(path, MAX_INPUT, deadline),
    };
    bytes.map_err(|e| Error::usage(format!("{flag}: cannot read {}: {e}", path.display())))
}

/// Prints one answer: with `-i` its status line and headers first; the
/// body pretty-printed on a terminal when it is JSON, else as received,
/// or (paging) as one line of JSON.
fn print(response: &ApiResponse, args: &ApiArgs, pretty: bool) -> Result<()> {
    let mut out = Vec::new();
    if args.include {
        out.extend_from_slice(response.status_line().as_bytes());
        out.push(b'\n');
        for (name, value) in response.headers() {
            out.extend_from_slice(format!("{name}: {value}\n").as_bytes());
        }
        out.push(b'\n');
    }
    let json = match pretty || args.paginate {
        true => serde_json::from_slice::<Value>(response.body()).ok(),
        false => None,
    };
    match json {
        Some(json) if pretty => {
            let text = serde_json::to_string_pretty(&json).expect("JSON values serialize");
            out.extend_from_slice(text.as_bytes());
            out.push(b'\n');
        }
        Some(json) => {
            out.extend_from_slice(json.to_string().as_bytes());
            out.push(b'\n');
        }
        None => out.extend_from_slice(response.body()),
    }
    output::print_bytes(&out)
}

/// The one-line summary of an answer that is not a success, and where a
/// redirect went (it is not followed: the token goes nowhere else).
fn summary(response: &ApiResponse) -> String {
    let summary = response.summary();
    match (300..400).contains(&response.status()) {
        true => format!("{summary}; redirects are not followed"),
        false => summary,
    }
}
