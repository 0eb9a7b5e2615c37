//! A release host on 127.0.0.1: the files of a directory over plain HTTP,
//! standing for GitHub's release downloads
//! (`/OWNER/NAME/releases/download/TAG/FILE`) in the tests of the GitHub
//! Action's install step. A `GET` of a file under the directory gets it
//! (200), anything else a 404; every request's path is recorded. Only the
//! standard library, as the fake Zuora.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// Serves a directory on a port of 127.0.0.1 of its own, for as long as
/// the test runs.
pub struct ReleaseHost {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl ReleaseHost {
    /// Serves `root`'s files: `{url}/a/b` is `root/a/b`.
    pub fn serve(root: &Path) -> ReleaseHost {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind 127.0.0.1");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (root, recorded) = (root.to_owned(), Arc::clone(&requests));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, recorded) = (root.clone(), Arc::clone(&recorded));
                thread::spawn(move || answer(stream, &root, &recorded));
            }
        });
        ReleaseHost { url, requests }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The path of every request so far, in order of arrival.
    pub fn requests(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

fn answer(mut stream: TcpStream, root: &Path, recorded: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers, up to the empty line; none matters here.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim_end() != "" {
        line.clear();
    }
    let mut words = request_line.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    recorded
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_owned());
    let body = match file(root, path) {
        Some(file) if method == "GET" => std::fs::read(file).ok(),
        _ => None,
    };
    let (status, body) = match body {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"Not Found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

/// The file `path` names under `root`: plain segments only (no `..`, no
/// query), and a regular file.
fn file(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.strip_prefix('/')?);
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let file = root.join(relative);
    (plain && !path.contains('?') && file.is_file()).then_some(file)
}
