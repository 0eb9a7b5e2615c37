//! A fake Zuora on 127.0.0.1: `POST /oauth/token`, and a small slice of
//! the REST API behind the tokens it issues, so that a token can be used as
//! it would be: `GET /v1/catalog/products`, `GET /v1/accounts/{key}`,
//! `POST /v1/accounts`, Zuora's three kinds of pagination (a v1 list's
//! `nextPage` URL, ZOQL's `queryLocator` through `/v1/action/queryMore`,
//! and the Object Query API's `nextPage` cursor), a path that always
//! answers 401 and one that redirects. REST answers keep the connection
//! open, as Zuora's do, and the fake counts connections, so a test can see
//! one reused. Used by the integration tests, by the examples and by the
//! benchmark.
//!
//! By default it behaves as Zuora documents: it checks the method, path,
//! content type, form fields and headers, and answers with Zuora's JSON and
//! headers, or with the error Zuora would give. Replies can be queued to
//! answer otherwise (a 429, a 5xx, garbage). Every request is recorded, so
//! tests can assert exactly what was sent and how many requests were made.
//! Only the standard library is used, so that nothing between the test and
//! the bytes on the wire can hide a mistake.
//!
//! Race and expiry tests wait on events, not clocks: the fake can hold
//! every answer ([`FakeZuora::hold`]) while requests arrive and are counted
//! ([`FakeZuora::wait_for_requests`]), then let them go
//! ([`FakeZuora::release`]); and it can end the life of the tokens it
//! issued ([`FakeZuora::expire_tokens`]) instead of a test waiting for a
//! short one to run out. Its delay ([`FakeZuora::delay`]) is for the one
//! test where time must pass between a request and its answer, and for the
//! benchmark's slow server.
//!
//! Replies queued with [`FakeZuora::then`] are requests the test expects:
//! when the fake is dropped at the end of a test that otherwise passed, it
//! fails the test if any of them was never asked for (as xh's test server
//! checks its hits).

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long any wait of a test may last before it is taken for a hang: a
/// run of the binary is killed after it by the sandbox (and the test fails, saying so),
/// and [`FakeZuora::wait_for_requests`] gives up after it. A
/// guard against a test that would never end, not a bound on how fast
/// anything is: a loaded machine is slow, never that slow. Speed is the
/// benchmark's business (benches/cli.rs).
pub const HANG: Duration = Duration::from_secs(120);

/// The OAuth client the fake accepts: a 36-character id, and a secret with
/// the `+`, `/`, `=` of real secrets plus `&` and `%` to prove the encoding.
pub const CLIENT_ID: &str = "6f1c3a0e-2b7d-4c59-9e81-3d5a7f0b2c64";
pub const CLIENT_SECRET: &str = "dEm0+s3cr3t/with=chars&100%";

/// Zuora's documented token lifetime.
pub const EXPIRES_IN: u64 = 3599;

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Header names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The body decoded as a form, if it is one.
    pub form: Option<Vec<(String, String)>>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        let form = self.form.as_ref()?;
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How to answer one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Behave as Zuora does.
    Zuora,
    /// This status, these headers and this body.
    Canned {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// These bytes as the whole response, HTTP or not.
    Raw(Vec<u8>),
    /// A 200 whose body is this many bytes, written until the client hangs up.
    Large(usize),
    /// Read the request, then never answer.
    Hang,
}

impl Reply {
    pub fn status(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Canned {
            status,
            headers: vec![(
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body: body.into(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Canned { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

#[derive(Default)]
struct State {
    requests: Mutex<Vec<Recorded>>,
    /// Signalled on each arrival, so a test can wait for the `n`th.
    arrived: Condvar,
    /// Whether answers are held (see [`FakeZuora::hold`]).
    held: Mutex<bool>,
    /// Signalled when the held answers are released.
    released: Condvar,
    /// OAuth clients accepted besides the demo one.
    clients: Mutex<Vec<(String, String)>>,
    /// Whether any client id is accepted with the demo secret.
    any_client_id: AtomicBool,
    queued: Mutex<VecDeque<Reply>>,
    /// The reply when none is queued, instead of Zuora's behaviour.
    otherwise: Mutex<Option<Reply>>,
    expires_in: Mutex<Option<String>>,
    /// The `scope` of tokens issued, as raw JSON, when not the usual one.
    scope: Mutex<Option<String>>,
    delay: Mutex<Duration>,
    /// Where the token endpoint is served, when not at `/oauth/token`.
    token_path: Mutex<Option<String>>,
    issued: AtomicU64,
    /// Connections accepted (SOCKS greetings aside).
    connections: AtomicU64,
    /// This fake's own URL, for the `nextPage` links it writes.
    url: Mutex<String>,
    /// How many pages each paginated resource has.
    pages: Mutex<Option<usize>>,
    /// Where `nextPage` links point, when not at this fake.
    next_page_base: Mutex<Option<String>>,
    /// Where `/v1/redirect` sends the client.
    redirect_to: Mutex<Option<String>>,
    /// The tokens issued, and until when each is good (`None`: for as long
    /// as the fake runs, when `expires_in` is not a number).
    tokens: Mutex<HashMap<String, Option<Instant>>>,
}

/// A running fake. It serves until the process ends; dropping it checks
/// that every queued reply was asked for.
pub struct FakeZuora {
    addr: SocketAddr,
    tls: bool,
    state: Arc<State>,
}

/// A certificate authority made for one run, and a server certificate it
/// issued for `localhost`, `127.0.0.1` and `::1`.
pub struct TestCa {
    /// The CA's certificate, for `--ca-bundle` or `curl --cacert`.
    pub ca_pem: String,
    config: Arc<rustls::ServerConfig>,
}

impl TestCa {
    pub fn generate() -> TestCa {
        TestCa::make(false)
    }

    /// A CA whose server certificate is issued by an intermediate CA of
    /// its own, which the server sends with it: the chain most public
    /// servers have.
    pub fn with_intermediate() -> TestCa {
        TestCa::make(true)
    }

    fn make(intermediate: bool) -> TestCa {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
        let ca = |name: &str| {
            let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            params.distinguished_name.push(DnType::CommonName, name);
            (params, KeyPair::generate().expect("CA key"))
        };
        let (root_params, root_key) = ca("zuora-token test CA");
        let root = root_params.self_signed(&root_key).expect("CA certificate");
        let root_issuer = Issuer::new(root_params, root_key);
        let mut chain = Vec::new();
        let issuer = if intermediate {
            let (params, key) = ca("zuora-token test intermediate CA");
            let cert = params
                .signed_by(&key, &root_issuer)
                .expect("intermediate certificate");
            chain.push(cert.der().clone());
            Issuer::new(params, key)
        } else {
            root_issuer
        };
        let names = vec![
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
            "::1".to_owned(),
        ];
        let key = KeyPair::generate().expect("server key");
        let cert = CertificateParams::new(names)
            .expect("server params")
            .signed_by(&key, &issuer)
            .expect("server certificate");
        chain.insert(0, cert.der().clone());
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(
                chain,
                rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
            )
            .expect("server TLS config");
        TestCa {
            ca_pem: root.pem(),
            config: Arc::new(config),
        }
    }
}

impl FakeZuora {
    /// Starts on a free port of 127.0.0.1.
    pub fn start() -> FakeZuora {
        FakeZuora::start_on(0).expect("bind 127.0.0.1")
    }

    /// Starts serving HTTPS with a certificate of `ca`, on a free port.
    pub fn start_tls(ca: &TestCa) -> FakeZuora {
        FakeZuora::listen(0, Some(Arc::clone(&ca.config))).expect("bind 127.0.0.1")
    }

    /// Starts on `port` of 127.0.0.1 (0 for any free one).
    pub fn start_on(port: u16) -> std::io::Result<FakeZuora> {
        FakeZuora::listen(port, None)
    }

    fn listen(port: u16, tls: Option<Arc<rustls::ServerConfig>>) -> std::io::Result<FakeZuora> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let fake = FakeZuora {
            addr: listener.local_addr()?,
            tls: tls.is_some(),
            state: Arc::default(),
        };
        *lock(&fake.state.url) = fake.url();
        let state = Arc::clone(&fake.state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&state);
                let tls = tls.clone();
                thread::spawn(move || match tls {
                    None => serve(stream, &state),
                    Some(config) => {
                        let Ok(conn) = rustls::ServerConnection::new(config) else {
                            return;
                        };
                        let mut stream = rustls::StreamOwned::new(conn, stream);
                        serve(&mut stream, &state);
                        stream.conn.send_close_notify();
                        let _ = stream.flush();
                    }
                });
            }
        });
        Ok(fake)
    }

    /// `http://127.0.0.1:PORT`, or `https://localhost:PORT` when serving TLS.
    pub fn url(&self) -> String {
        match self.tls {
            true => format!("https://localhost:{}", self.addr.port()),
            false => format!("http://{}", self.addr),
        }
    }

    /// Queues `reply` for the next request not yet answered.
    pub fn then(&self, reply: Reply) -> &FakeZuora {
        lock(&self.state.queued).push_back(reply);
        self
    }

    /// Answers `reply` to every request for which none is queued (a rate
    /// limit that never ends, say), instead of behaving as Zuora does.
    pub fn otherwise(&self, reply: Reply) {
        *lock(&self.state.otherwise) = Some(reply);
    }

    /// The `expires_in` of tokens issued from now on, as raw JSON (`3599`, `0.5`).
    pub fn expires_in(&self, json: &str) {
        *lock(&self.state.expires_in) = Some(json.to_owned());
    }

    /// The `scope` of tokens issued from now on, as raw JSON (`"user.x
    /// entity.a entity.b tenant.19"`, or anything else), in place of one
    /// that names the token's one entity.
    pub fn scope(&self, json: &str) {
        *lock(&self.state.scope) = Some(json.to_owned());
    }

    /// Accepts another client id and secret too.
    pub fn accept(&self, client_id: &str, secret: &str) {
        lock(&self.state.clients).push((client_id.into(), secret.into()));
    }

    /// Accepts any client id with the demo secret, as the demo does, so
    /// that an example's own client id works there as written. The secret
    /// is still checked.
    pub fn accept_any_client_id(&self) {
        self.state.any_client_id.store(true, Ordering::SeqCst);
    }

    /// Revokes every token issued so far: the REST API answers 401 to them
    /// from now on, as Zuora does to a token of a deleted or rotated client.
    pub fn revoke_tokens(&self) {
        lock(&self.state.tokens).clear();
    }

    /// Ends the life of every token issued so far, as time would: the REST
    /// API answers 401 to them from now on. Expiry without a sleep.
    pub fn expire_tokens(&self) {
        let now = Instant::now();
        for until in lock(&self.state.tokens).values_mut() {
            *until = Some(now);
        }
    }

    /// How many requests were made for `path` (`/oauth/token`, say).
    pub fn count_path(&self, path: &str) -> usize {
        lock(&self.state.requests)
            .iter()
            .filter(|r| r.path == path)
            .count()
    }

    /// Serves the token endpoint at `path` instead of `/oauth/token`
    /// (which then answers 404), as a token endpoint other than the REST
    /// API's would be. The path is the test's own choice, not one of
    /// Zuora's.
    pub fn serve_token_at(&self, path: &str) {
        *lock(&self.state.token_path) = Some(path.to_owned());
    }

    /// The number of pages of each paginated resource (3 unless set).
    pub fn pages(&self, pages: usize) {
        *lock(&self.state.pages) = Some(pages);
    }

    /// Writes the `nextPage` links of v1 lists on `base` (another server's
    /// URL) instead of this fake's own.
    pub fn next_pages_at(&self, base: &str) {
        *lock(&self.state.next_page_base) = Some(base.to_owned());
    }

    /// Makes `/v1/redirect` answer `307` to `location` (by default
    /// `/v1/catalog/products` on this fake).
    pub fn redirect_to(&self, location: &str) {
        *lock(&self.state.redirect_to) = Some(location.to_owned());
    }

    /// How many connections clients opened.
    pub fn connections(&self) -> u64 {
        self.state.connections.load(Ordering::SeqCst)
    }

    /// Holds every answer from now on until [`FakeZuora::release`]:
    /// requests still arrive and are recorded (so a test can wait for them
    /// with [`FakeZuora::wait_for_requests`]), but none is answered. The
    /// gate a race test waits on instead of a sleep: hold, start the
    /// processes, wait until the requests it expects have arrived, act,
    /// release.
    pub fn hold(&self) {
        *lock(&self.state.held) = true;
    }

    /// Answers the held requests, and every later one at once.
    pub fn release(&self) {
        *lock(&self.state.held) = false;
        self.state.released.notify_all();
    }

    /// Waits until at least `n` requests have arrived (answered or held),
    /// and returns how many have. Panics after [`HANG`] without them: a
    /// guard against a test that would hang, not a bound on how fast the
    /// client is.
    pub fn wait_for_requests(&self, n: usize) -> usize {
        let requests = lock(&self.state.requests);
        let (requests, timeout) = self
            .state
            .arrived
            .wait_timeout_while(requests, HANG, |requests| requests.len() < n)
            .unwrap_or_else(|e| e.into_inner());
        assert!(
            !timeout.timed_out(),
            "waited {HANG:?} for {n} requests; {} arrived: {:#?}",
            requests.len(),
            *requests
        );
        requests.len()
    }

    /// Waits this long before answering each request.
    pub fn delay(&self, delay: Duration) {
        *lock(&self.state.delay) = delay;
    }

    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state.requests).clone()
    }

    pub fn count(&self) -> usize {
        lock(&self.state.requests).len()
    }

    /// The only request made; panics unless exactly one was.
    pub fn only_request(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(
            requests.len(),
            1,
            "expected exactly one request, got {requests:#?}"
        );
        requests.into_iter().next().unwrap()
    }
}

impl Drop for FakeZuora {
    fn drop(&mut self) {
        if thread::panicking() {
            return;
        }
        let unused = lock(&self.state.queued).len();
        assert_eq!(
            unused,
            0,
            "{unused} queued replies were never asked for; the requests were: {:#?}",
            self.requests()
        );
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn serve(mut stream: impl Read + Write, state: &State) {
    let mut reader = BufReader::new(&mut stream);
    let socks = reader
        .fill_buf()
        .is_ok_and(|bytes| bytes.first() == Some(&5));
    if socks {
        return socks5(reader, state);
    }
    state.connections.fetch_add(1, Ordering::SeqCst);
    while let Some(request) = read_request(&mut reader) {
        if !answer(request, reader.get_mut(), state) {
            return;
        }
    }
}

/// Answers one request; whether the connection stays open for another.
fn answer(request: Recorded, stream: &mut impl Write, state: &State) -> bool {
    let index = {
        let mut requests = lock(&state.requests);
        requests.push(request.clone());
        requests.len()
    };
    state.arrived.notify_all();
    let held = lock(&state.held);
    drop(
        state
            .released
            .wait_while(held, |held| *held)
            .unwrap_or_else(|e| e.into_inner()),
    );
    // Copied out first: the guard of `lock(..)` inside `sleep(..)` would be
    // held for the whole sleep, making concurrent requests wait in turn.
    let delay = *lock(&state.delay);
    thread::sleep(delay);
    let queued = lock(&state.queued).pop_front();
    let reply = queued
        .or_else(|| lock(&state.otherwise).clone())
        .unwrap_or(Reply::Zuora);
    let (bytes, open) = match reply {
        Reply::Zuora => (zuora(&request, state, index), keeps_open(&request)),
        Reply::Canned {
            status,
            headers,
            body,
        } => (response(status, &headers, &body), false),
        Reply::Raw(bytes) => (bytes, false),
        Reply::Large(size) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
            );
            let chunk = vec![b' '; 64 * 1024];
            let mut written = 0;
            let _ = stream.write_all(head.as_bytes());
            while written < size
                && stream
                    .write_all(&chunk[..chunk.len().min(size - written)])
                    .is_ok()
            {
                written += chunk.len();
            }
            return false;
        }
        Reply::Hang => {
            thread::sleep(Duration::from_secs(600));
            return false;
        }
    };
    stream
        .write_all(&bytes)
        .and_then(|()| stream.flush())
        .is_ok()
        && open
}

/// Whether Zuora's own answer to `request` keeps the connection open: a
/// REST call's does, unless the client asked to close; the token
/// endpoint's closes it.
fn keeps_open(request: &Recorded) -> bool {
    is_rest(&request.path)
        && !request
            .header("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"))
}

/// Whether `path` is the REST API's rather than the token endpoint's.
fn is_rest(path: &str) -> bool {
    path.starts_with("/v1/") || path.starts_with("/object-query/")
}

/// Reads one HTTP/1.1 request: request line, headers, Content-Length body.
fn read_request(reader: &mut impl BufRead) -> Option<Recorded> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length.min(1 << 20)];
    reader.read_exact(&mut body).ok()?;
    let body = String::from_utf8_lossy(&body).into_owned();
    let form = decode_form(&body);
    Some(Recorded {
        method,
        path,
        headers,
        body,
        form,
    })
}

/// Acts as a SOCKS5 proxy (RFC 1928) just far enough to learn where the
/// client wants to go: records `SOCKS5 host:port` as a request, then
/// refuses the connection, so that nothing leaves 127.0.0.1.
fn socks5<S: Read + Write>(mut stream: BufReader<&mut S>, state: &State) {
    let Some(greeting) = read_n(&mut stream, 2) else {
        return;
    };
    // The client's methods; answer "no authentication".
    if read_n(&mut stream, usize::from(greeting[1])).is_none()
        || stream.get_mut().write_all(&[5, 0]).is_err()
    {
        return;
    }
    let Some(request) = read_n(&mut stream, 4) else {
        return;
    };
    let host = match request[3] {
        1 => read_n(&mut stream, 4).map(|ip| format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])),
        3 => read_n(&mut stream, 1)
            .and_then(|len| read_n(&mut stream, usize::from(len[0])))
            .map(|name| String::from_utf8_lossy(&name).into_owned()),
        4 => read_n(&mut stream, 16).map(|ip| {
            let octets: [u8; 16] = ip.try_into().expect("16 bytes");
            format!("[{}]", std::net::Ipv6Addr::from(octets))
        }),
        _ => None,
    };
    let (Some(host), Some(port)) = (host, read_n(&mut stream, 2)) else {
        return;
    };
    lock(&state.requests).push(Recorded {
        method: "SOCKS5".into(),
        path: format!("{host}:{}", u16::from_be_bytes([port[0], port[1]])),
        headers: Vec::new(),
        body: String::new(),
        form: None,
    });
    // Connection refused.
    let _ = stream.get_mut().write_all(&[5, 5, 0, 1, 0, 0, 0, 0, 0, 0]);
}

fn read_n(stream: &mut impl Read, n: usize) -> Option<Vec<u8>> {
    let mut bytes = vec![0; n];
    stream.read_exact(&mut bytes).ok().map(|()| bytes)
}

/// Decodes `application/x-www-form-urlencoded`; `None` if it is malformed.
fn decode_form(body: &str) -> Option<Vec<(String, String)>> {
    if body.is_empty() {
        return Some(Vec::new());
    }
    body.split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((decode(name)?, decode(value)?))
        })
        .collect()
}

fn decode(text: &str) -> Option<String> {
    let mut out = Vec::new();
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        out.push(match b {
            b'+' => b' ',
            b'%' => {
                let hex = [bytes.next()?, bytes.next()?];
                u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?
            }
            _ => b,
        });
    }
    String::from_utf8(out).ok()
}

/// Zuora's behaviour: the checks it makes, in order, and its answers.
fn zuora(request: &Recorded, state: &State, index: usize) -> Vec<u8> {
    let error = |status: u16, message: &str| {
        let body = format!(r#"{{"code":{status}0000,"message":"{message}"}}"#);
        response(status, &json_headers(None), body.as_bytes())
    };
    if is_rest(&request.path) {
        return rest(request, state);
    }
    let token_path = lock(&state.token_path).clone();
    if request.path != token_path.as_deref().unwrap_or("/oauth/token") {
        return error(404, "Not found");
    }
    if request.method != "POST" {
        return error(405, "Method not allowed");
    }
    if request.header("content-type") != Some("application/x-www-form-urlencoded") {
        return error(415, "Unsupported content type");
    }
    if ["authorization", "apiaccesskeyid", "apisecretaccesskey"]
        .iter()
        .any(|h| request.header(h).is_some())
    {
        return error(400, "Do not send authentication headers to /oauth/token");
    }
    let Some(form) = &request.form else {
        return error(400, "Malformed form body");
    };
    let mut names: Vec<&str> = form.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    if names != ["client_id", "client_secret", "grant_type"] {
        return error(
            400,
            "client_id, client_secret and grant_type are required, once each",
        );
    }
    if request.field("grant_type") != Some("client_credentials") {
        return error(400, "Unsupported grant type");
    }
    let known = |(id, secret): &(String, String)| {
        request.field("client_id") == Some(id) && request.field("client_secret") == Some(secret)
    };
    let demo = (CLIENT_ID.to_owned(), CLIENT_SECRET.to_owned());
    let any_id = state.any_client_id.load(Ordering::SeqCst)
        && request.field("client_secret") == Some(CLIENT_SECRET);
    if !known(&demo) && !any_id && !lock(&state.clients).iter().any(known) {
        let body = br#"{"message":"Authentication error"}"#;
        return response(401, &json_headers(None), body);
    }
    let track_id = request.header("zuora-track-id");
    if track_id.is_some_and(|t| t.len() > 64 || t.contains([':', ';', '"', '\''])) {
        return error(400, "Invalid Zuora-Track-Id");
    }
    let entity = request.header("zuora-entity-ids");
    if entity.is_some_and(|e| e.len() != 36) {
        return error(400, "Invalid Zuora-Entity-Ids");
    }

    let n = state.issued.fetch_add(1, Ordering::SeqCst);
    let expires_in = lock(&state.expires_in)
        .clone()
        .unwrap_or_else(|| EXPIRES_IN.to_string());
    let token = hex_id(n, 0);
    let good_until = expires_in
        .parse::<f64>()
        .ok()
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .and_then(|lifetime| Instant::now().checked_add(lifetime));
    lock(&state.tokens).insert(token.clone(), good_until);
    let entity = entity.unwrap_or(ENTITY_ID);
    let scope = lock(&state.scope).clone().unwrap_or_else(|| {
        format!(
            r#""user.7c4d5433dc234c369a01b9719ecd059f entity.{entity} service.echo.read tenant.19""#
        )
    });
    let body = format!(
        r#"{{"access_token":"{token}","expires_in":{expires_in},"jti":"{}","scope":{scope},"token_type":"bearer"}}"#,
        hex_id(n, 1)
    );
    let mut headers = json_headers(track_id);
    headers.push(("X-RateLimit-Limit-minute".into(), "100".into()));
    headers.push((
        "X-RateLimit-Remaining-minute".into(),
        100usize.saturating_sub(index).to_string(),
    ));
    response(200, &headers, body.as_bytes())
}

/// The entity a token is for when the request names none.
const ENTITY_ID: &str = "1a2b7a37-3e7d-4cb3-b0e2-883de9e766cc";

/// The account the REST slice knows, by number.
pub const ACCOUNT_NUMBER: &str = "A00000001";

/// The REST slice: a bearer token this fake issued and that is neither
/// expired nor revoked, else 401 as Zuora answers it; a few resources with
/// canned JSON in Zuora's shape.
fn rest(request: &Recorded, state: &State) -> Vec<u8> {
    let headers = json_headers(request.header("zuora-track-id"));
    let close = !keeps_open(request);
    let reply = |status: u16, body: &str| http(status, &headers, body.as_bytes(), close);
    let (path, query) = request
        .path
        .split_once('?')
        .unwrap_or((request.path.as_str(), ""));
    let token = request
        .header("authorization")
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    let valid = token.is_some_and(|token| match lock(&state.tokens).get(token) {
        Some(Some(until)) => Instant::now() < *until,
        Some(None) => true,
        None => false,
    });
    if !valid || path == "/v1/always-401" {
        return reply(401, r#"{"message":"Authentication error"}"#);
    }
    let pages = lock(&state.pages).unwrap_or(3);
    let page = |name: &str| {
        query_param(query, name)
            .and_then(|v| {
                v.trim_start_matches('c')
                    .trim_end_matches('=')
                    .parse::<usize>()
                    .ok()
            })
            .unwrap_or(1)
    };
    let body = match (request.method.as_str(), path) {
        ("GET", "/v1/catalog/products") => CATALOG.to_owned(),
        ("GET", "/v1/redirect") => {
            let location = lock(&state.redirect_to)
                .clone()
                .unwrap_or_else(|| "/v1/catalog/products".into());
            let mut headers = headers.clone();
            headers.push(("Location".into(), location));
            return http(307, &headers, b"", close);
        }
        ("POST", "/v1/accounts") => {
            r#"{"success":true,"accountId":"8a8aa0b86f3a1f3c016f3b6c1e0a9abd","accountNumber":"A00000002"}"#.to_owned()
        }
        ("GET", "/v1/subscriptions/accounts/A00000001") => {
            let base = lock(&state.next_page_base)
                .clone()
                .unwrap_or_else(|| lock(&state.url).clone());
            list_page(page("page"), pages, &base)
        }
        ("POST", "/v1/action/query") if request.body.contains("\"queryString\"") => {
            query_batch(1, pages)
        }
        ("POST", "/v1/action/queryMore") => {
            match json_string(&request.body, "queryLocator")
                .and_then(|l| l.strip_prefix("QL-")?.parse::<usize>().ok())
                .filter(|n| (2..=pages).contains(n))
            {
                Some(n) => query_batch(n, pages),
                None => {
                    let body = r#"{"success":false,"reasons":[{"code":50000011,"message":"invalid queryLocator"}]}"#;
                    return reply(400, body);
                }
            }
        }
        ("GET", "/object-query/accounts") => object_page(page("cursor"), pages),
        ("GET", path) if path.starts_with("/v1/accounts/") => match &path[13..] {
            ACCOUNT_NUMBER => ACCOUNT.to_owned(),
            key => {
                let body = format!(
                    r#"{{"success":false,"reasons":[{{"code":50000040,"message":"Cannot find entity by key: '{}'."}}]}}"#,
                    key.replace(['"', '\\'], "")
                );
                return reply(404, &body);
            }
        },
        (_, "/v1/catalog/products" | "/v1/accounts" | "/v1/action/query" | "/object-query/accounts") => {
            let body = r#"{"success":false,"reasons":[{"code":50000005,"message":"Method not allowed"}]}"#;
            return reply(405, body);
        }
        _ => {
            let body = r#"{"success":false,"reasons":[{"code":50000040,"message":"This fake does not serve that path"}]}"#;
            return reply(404, body);
        }
    };
    reply(200, &body)
}

/// Page `n` of `pages` of a v1 list: two subscriptions, and while more
/// pages exist, `nextPage` with the whole URL of the next one on `base`.
fn list_page(n: usize, pages: usize, base: &str) -> String {
    let next = match n < pages {
        true => format!(
            r#","nextPage":"{base}/v1/subscriptions/accounts/A00000001?page={}&pageSize=2""#,
            n + 1
        ),
        false => String::new(),
    };
    format!(
        r#"{{"subscriptions":[{{"subscriptionNumber":"A-S{n:05}1"}},{{"subscriptionNumber":"A-S{n:05}2"}}],"success":true{next}}}"#
    )
}

/// Batch `n` of `pages` of a ZOQL query: two records, `done`, and while
/// not done a `queryLocator` for `/v1/action/queryMore`.
fn query_batch(n: usize, pages: usize) -> String {
    let done = n >= pages;
    let locator = match done {
        true => String::new(),
        false => format!(r#","queryLocator":"QL-{}""#, n + 1),
    };
    format!(
        r#"{{"records":[{{"Id":"acc-{n}-1"}},{{"Id":"acc-{n}-2"}}],"size":{},"done":{done}{locator}}}"#,
        pages * 2
    )
}

/// Page `n` of `pages` of an Object Query: two accounts in `data`, and
/// while more pages exist a `nextPage` cursor (with the `=` of Zuora's
/// base64 cursors, which must reach the fake percent-encoded).
fn object_page(n: usize, pages: usize) -> String {
    let next = match n < pages {
        true => format!(r#","nextPage":"c{}==""#, n + 1),
        false => String::new(),
    };
    format!(r#"{{"data":[{{"id":"obj-{n}-1"}},{{"id":"obj-{n}-2"}}]{next}}}"#)
}

/// The decoded value of `name` in a URL's query.
fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=')?;
        (n == name).then(|| decode(v))?
    })
}

/// The value of the string member `key` of a flat JSON object, enough for
/// the bodies this fake reads.
fn json_string(json: &str, key: &str) -> Option<String> {
    let after = &json[json.find(&format!("\"{key}\""))? + key.len() + 2..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    let value = after.strip_prefix('"')?;
    Some(value[..value.find('"')?].to_owned())
}

/// `GET /v1/catalog/products`, cut down to one product.
const CATALOG: &str = r#"{"products":[{"id":"8a8aa0b86f3a1f3c016f3b6a9e0a1234","sku":"SKU-00000001","name":"Gold Plan","description":"A demo product of the fake Zuora","effectiveStartDate":"2024-01-01","effectiveEndDate":"2034-01-01","productRatePlans":[{"id":"8a8aa0b86f3a1f3c016f3b6aa0f25678","name":"Gold Monthly","status":"Active"}]}],"success":true}"#;

/// `GET /v1/accounts/A00000001`, cut down.
const ACCOUNT: &str = r#"{"basicInfo":{"id":"8a8aa0b86f3a1f3c016f3b6c1e0a9abc","accountNumber":"A00000001","name":"Demo Customer","status":"Active","currency":"USD","balance":0.0},"billingAndPayment":{"billCycleDay":1,"paymentTerm":"Due Upon Receipt"},"success":true}"#;

/// Zuora's usual response headers: JSON, a request id, the echoed track id.
fn json_headers(track_id: Option<&str>) -> Vec<(String, String)> {
    let mut headers = vec![
        (
            "Content-Type".into(),
            "application/json; charset=utf-8".into(),
        ),
        ("Zuora-Request-Id".into(), request_id()),
    ];
    if let Some(track_id) = track_id {
        headers.push(("Zuora-Track-Id".into(), track_id.into()));
    }
    headers
}

/// 32 hex characters, different for each token and each run.
fn hex_id(n: u64, salt: u64) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mixed = (nanos ^ (n << 32) ^ salt).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let more = (mixed ^ n ^ (salt << 16)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    format!("{mixed:016x}{more:016x}")
}

fn request_id() -> String {
    let h = hex_id(u64::from(std::process::id()), 7);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn response(status: u16, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    http(status, headers, body, true)
}

/// A whole HTTP/1.1 response; with `close`, one that ends the connection.
fn http(status: u16, headers: &[(String, String)], body: &[u8], close: bool) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\n",
        body.len()
    );
    if close {
        head.push_str("Connection: close\r\n");
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}
