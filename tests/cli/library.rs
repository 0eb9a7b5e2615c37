//! The library's public API against the fake Zuora, in process, and the
//! library example run as a program.

use std::process::Command;
use std::time::Duration;

use zuora_token::{
    BaseUrl, CacheMode, CachePolicy, Client, ClientId, Credentials, Endpoint, EntityId, ErrorKind,
    GrantType, RequestOptions, Secret, TokenSource, TokenUrl, TrackId, create_token,
};
use zuora_token_testkit::{CLIENT_ID, CLIENT_SECRET, EXPIRES_IN, FakeZuora, Reply, Sandbox};

use crate::token_url::token_endpoint;
use crate::{example, sandbox};

fn endpoint(fake: &FakeZuora) -> Endpoint {
    Endpoint::new(BaseUrl::parse(&fake.url()).unwrap()).unwrap()
}

fn credentials(secret: &str) -> Credentials {
    Credentials::new(ClientId::new(CLIENT_ID), Secret::new(secret))
}

/// A token source for the fake, caching in the sandbox's home.
fn source(sb: &Sandbox) -> TokenSource {
    let client = Client::new(endpoint(&sb.zuora));
    TokenSource::new(client, credentials(CLIENT_SECRET))
        .with_cache(CachePolicy::in_dir(sb.home().join("cache")))
}

#[test]
fn create_token_sends_the_documented_request_and_returns_the_response() {
    let sb = sandbox();
    let response = create_token(
        &endpoint(&sb.zuora),
        &ClientId::new(CLIENT_ID),
        &Secret::new(CLIENT_SECRET),
        GrantType::ClientCredentials,
        Some(&TrackId::parse("lib-1").unwrap()),
    )
    .unwrap();
    assert_eq!(response.access_token.as_str().len(), 32);
    assert_eq!(response.token_type, "bearer");
    assert_eq!(response.expires_in, Duration::from_secs(EXPIRES_IN));
    assert!(response.scope.unwrap().contains("tenant.19"));
    assert_eq!(response.jti.map(|j| j.len()), Some(32));
    let request = sb.zuora.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/oauth/token")
    );
    assert_eq!(request.field("client_id"), Some(CLIENT_ID));
    assert_eq!(request.field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(request.field("grant_type"), Some("client_credentials"));
    assert_eq!(request.header("zuora-track-id"), Some("lib-1"));
    assert_eq!(request.header("zuora-entity-ids"), None);
}

#[test]
fn the_client_sends_the_entity_of_its_options() {
    let sb = sandbox();
    let entity = "11e643f4-a3ee-8bad-b061-0025904c756d";
    let options = RequestOptions {
        entity_id: Some(EntityId::parse(entity).unwrap()),
        ..RequestOptions::default()
    };
    Client::new(endpoint(&sb.zuora))
        .with_options(options)
        .create_token(
            &ClientId::new(CLIENT_ID),
            &Secret::new(CLIENT_SECRET),
            GrantType::ClientCredentials,
            None,
        )
        .unwrap();
    let request = sb.zuora.only_request();
    assert_eq!(request.header("zuora-entity-ids"), Some(entity));
    assert_eq!(request.header("zuora-track-id"), None);
}

#[test]
fn a_failure_has_a_kind_and_plain_hints_but_never_the_secret() {
    let sb = sandbox();
    let client = Client::new(endpoint(&sb.zuora));
    let error = TokenSource::new(client, credentials("wrong-secret"))
        .token()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    let text = format!("{error} {:?}", error.hints());
    assert!(
        text.contains("HTTP 401 Unauthorized: Authentication error"),
        "{text}"
    );
    // Without a Provenance, inputs are named plainly, with no origin.
    assert!(
        text.contains(&format!(
            "check the client id and secret against the OAuth client in Zuora, and that it belongs to {}",
            sb.zuora.url()
        )),
        "{text}"
    );
    assert!(!text.contains("wrong-secret"), "{text}");

    sb.zuora.then(Reply::status(429, "{}"));
    let impatient = Client::new(endpoint(&sb.zuora)).with_options(RequestOptions {
        retries: 0,
        ..RequestOptions::default()
    });
    let error = TokenSource::new(impatient, credentials(CLIENT_SECRET))
        .token()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
}

#[test]
fn a_token_source_asks_once_then_hands_out_the_cached_token() {
    let sb = sandbox();
    let source = source(&sb);
    assert!(matches!(source.cache_policy().mode, CacheMode::Use(_)));
    assert_eq!(source.cached(), None);
    let first = source.token().unwrap();
    let second = source.token().unwrap();
    assert_eq!(first, second);
    assert_eq!(sb.zuora.count(), 1);
    assert_eq!(source.cached(), Some(first));
    assert!(source.cache_file().unwrap().exists());
    assert!(source.forget().unwrap());
    assert_eq!(source.cached(), None);
    assert!(!source.forget().unwrap());
}

#[test]
fn the_library_example_prints_tokens_from_the_fake_and_logs_the_cache() {
    let sb = sandbox();
    let out = Command::new(example("library"))
        .env_clear()
        .env("ZUORA_BASE_URL", sb.zuora.url())
        .env("TMPDIR", sb.home())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(out.status.success(), "{stdout}{stderr}");
    let requests = sb.zuora.requests();
    assert_eq!(requests.len(), 2, "create_token, then one fetch: {stderr}");
    assert_eq!(
        requests[0].header("zuora-track-id"),
        Some("library-example")
    );
    let tokens: Vec<&str> = stdout
        .lines()
        .map(|l| l.split_once(": ").unwrap().1.split(' ').next().unwrap())
        .collect();
    assert_eq!(tokens.len(), 3, "{stdout}");
    assert!(tokens.iter().all(|t| t.len() == 32), "{stdout}");
    assert_ne!(tokens[0], tokens[1], "{stdout}");
    assert_eq!(
        tokens[1], tokens[2],
        "the second call is served from the cache"
    );
    for event in [
        "[INFO zuora_token::token_source] cache: miss, nothing cached at",
        "[INFO zuora_token::zuora::request] attempt 1: POST",
        "[INFO zuora_token::token_source] cache: hit",
    ] {
        assert!(stderr.contains(event), "{event}: {stderr}");
    }
    assert!(
        !stderr.contains(CLIENT_SECRET) && !stderr.contains(tokens[1]),
        "{stderr}"
    );
}

#[test]
fn a_token_url_moves_the_token_request_and_keeps_the_base_url() {
    let sb = sandbox();
    let (idp, url) = token_endpoint("/lib/token");
    let endpoint = endpoint(&sb.zuora)
        .with_token_url(TokenUrl::parse(&url).unwrap())
        .unwrap();
    let token = TokenSource::new(Client::new(endpoint), credentials(CLIENT_SECRET))
        .token()
        .unwrap();
    assert_eq!(token.base_url().as_str(), sb.zuora.url());
    assert_eq!(idp.only_request().path, "/lib/token");
    assert_eq!(sb.zuora.count(), 0);
}

#[test]
fn a_refused_token_is_replaced_once_and_its_young_replacement_is_not() {
    let sb = sandbox();
    let source = source(&sb);
    let first = source.token().unwrap();
    assert!(source.may_replace(&first));
    let second = source.replace(&first).unwrap();
    assert_ne!(second.access_token(), first.access_token());
    // Another caller with the same refused token gets the same replacement.
    assert_eq!(source.replace(&first).unwrap(), second);
    assert_eq!(sb.zuora.count(), 2);
    // The replacement refused too, within a minute: no third request.
    assert!(!source.may_replace(&second));
    let error = source.replace(&second).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    assert!(
        error.to_string().contains("in place of a refused one"),
        "{error}"
    );
    assert_eq!(sb.zuora.count(), 2);
}
