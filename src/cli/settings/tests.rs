//! The resolution of settings, in process: each setting from each layer
//! (flag, environment variable, profile, default), and the origin that
//! messages then name. No process is spawned and nothing is sent; the
//! integration tests drive the same rules end to end through the binary.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tempfile::TempDir;
use zuora_token::{CacheMode, Input, Result, SourceIdentity, TokenSource, Trust};

use super::{Defaults, Inputs, Resolved};
use crate::cli::args::{Cli, Command};
use crate::cli::keyring;
use crate::cli::settings::table::Setting;
use crate::cli::settings::values::Values;

/// One resolution's world: a config file and a cache directory of its own,
/// and the environment variables given.
struct World {
    dir: TempDir,
    env: Vec<(Setting, OsString)>,
}

impl World {
    /// A client id and a secret in the environment, and no config file.
    fn new() -> World {
        World::bare()
            .env(Setting::ClientId, "id-from-env")
            .env(Setting::ClientSecret, "secret-from-env")
    }

    /// No settings at all.
    fn bare() -> World {
        World {
            dir: tempfile::tempdir().unwrap(),
            env: Vec::new(),
        }
    }

    fn env(mut self, setting: Setting, value: &str) -> World {
        self.env.retain(|(s, _)| *s != setting);
        self.env.push((setting, value.into()));
        self
    }

    fn without_env(mut self, setting: Setting) -> World {
        self.env.retain(|(s, _)| *s != setting);
        self
    }

    /// Writes the default config file, with profile `p` as its default.
    fn profile(self, lines: &str) -> World {
        let toml = format!("default_profile = \"p\"\n[profiles.p]\n{lines}\n");
        std::fs::write(self.config_file(), toml).unwrap();
        self
    }

    fn config_file(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// `zuora-token get ARGS`, resolved.
    fn resolve(&self, args: &[&str]) -> Result<TokenSource> {
        self.resolved(args).map(|resolved| resolved.source)
    }

    /// `zuora-token get ARGS`, resolved, with what was overridden.
    fn resolved(&self, args: &[&str]) -> Result<Resolved> {
        let argv = ["zuora-token", "get"].iter().chain(args);
        let cli = Cli::try_parse_words(argv).expect("a valid command line");
        let cache = match &cli.command {
            Command::Get { cache, .. } => cache,
            _ => unreachable!("the command is get"),
        };
        let env = Values::from_env_pairs(self.env.clone())?;
        let defaults = Defaults {
            config_file: Some(self.config_file()),
            cache_dir: Some(self.cache_dir()),
        };
        let inputs = Inputs {
            flags: &cli.settings.flags,
            quiet: cli.settings.quiet,
            env: &env,
            defaults: &defaults,
        };
        inputs.resolve(cache)
    }

    /// What resolving `args` overrode, as `status` says it.
    fn overridden(&self, args: &[&str]) -> Vec<String> {
        let resolved = self.resolved(args).expect("resolution succeeds");
        let overridden = resolved.overridden.iter();
        overridden
            .map(|o| format!("{}, by {}", o.what, o.by))
            .collect()
    }

    /// The error resolving `args` gives, with its hints.
    fn error(&self, args: &[&str]) -> String {
        let error = self.resolve(args).expect_err("resolution fails");
        format!("{error}\n{}", error.hints().join("\n"))
    }

    /// `` `KEY` in profile 'p' of FILE ``, as origins name a profile key.
    fn in_profile(&self, key: &str) -> String {
        format!("`{key}` in profile 'p' of {}", self.config_file().display())
    }
}

/// One setting that a flag, a variable and a profile key can all give.
struct Case {
    setting: Setting,
    /// The values the flag, the variable and the profile give.
    values: [&'static str; 3],
    /// The profile's line, `{}` standing for the value.
    profile: &'static str,
    /// What resolution makes of it, to compare with the value given.
    read: fn(&TokenSource) -> String,
    /// What it is when nothing gives it (`None`: an error).
    default: Option<&'static str>,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            setting: Setting::ClientId,
            values: ["id-flag", "id-env", "id-profile"],
            profile: "client_id = \"{}\"",
            read: |s| s.credentials().client_id().to_string(),
            default: None,
        },
        Case {
            setting: Setting::ClientSecret,
            values: ["secret-flag", "secret-env", "secret-profile"],
            profile: "client_secret = \"{}\"",
            read: secret,
            default: keyring::BUILT_IN.then_some("keyring"),
        },
        Case {
            setting: Setting::BaseUrl,
            values: [
                "http://127.0.0.1:1",
                "http://127.0.0.1:2",
                "https://rest.test.zuora.com",
            ],
            profile: "base_url = \"{}\"",
            read: |s| s.client().endpoint().base_url().to_string(),
            default: Some("https://rest.zuora.com"),
        },
        Case {
            setting: Setting::TokenUrl,
            values: [
                "http://127.0.0.1:1/flag/token",
                "http://127.0.0.1:2/env/token",
                "https://login.example.com/profile/token",
            ],
            profile: "token_url = \"{}\"",
            read: |s| s.client().endpoint().token_url().to_string(),
            default: Some("https://rest.zuora.com/oauth/token"),
        },
        Case {
            setting: Setting::EntityId,
            values: [
                "11e643f4-a3ee-8bad-b061-0025904c7561",
                "11e643f4-a3ee-8bad-b061-0025904c7562",
                "11e643f4-a3ee-8bad-b061-0025904c7563",
            ],
            profile: "entity_id = \"{}\"",
            read: |s| {
                let entity = s.client().options().entity_id.as_ref();
                entity.map_or("-".into(), |e| e.as_str().to_owned())
            },
            default: Some("-"),
        },
        Case {
            setting: Setting::TrackId,
            values: ["track-flag", "track-env", "track-profile"],
            profile: "track_id = \"{}\"",
            read: |s| s.track_id().map_or("-".into(), |t| t.as_str().to_owned()),
            default: Some("-"),
        },
        Case {
            setting: Setting::CaBundle,
            // Absolute paths (a profile's relative one is the config
            // directory's), which on Windows need a drive.
            values: if cfg!(windows) {
                ["C:/flag.pem", "C:/env.pem", "C:/profile.pem"]
            } else {
                ["/flag.pem", "/env.pem", "/profile.pem"]
            },
            profile: "ca_bundle = \"{}\"",
            read: |s| match &s.client().options().trust {
                Trust::System => "system".into(),
                Trust::Bundle(path) => path.display().to_string(),
            },
            default: Some("system"),
        },
        Case {
            setting: Setting::MinTtl,
            values: ["1", "2", "3"],
            profile: "min_ttl = {}",
            read: |s| s.cache_policy().min_ttl.as_secs().to_string(),
            default: Some("300"),
        },
    ]
}

/// A deadline a few seconds away.
fn soon() -> Instant {
    Instant::now() + Duration::from_secs(5)
}

/// The secret `source` reads when it fetches.
/// The secret the source reads; `keyring` for the keyring, which is not
/// asked here.
fn secret(source: &TokenSource) -> String {
    let secret_source = source.credentials().secret_source();
    if let SourceIdentity::Named(name) = secret_source.identity()
        && name.starts_with("keyring ")
    {
        return "keyring".into();
    }
    secret_source.read(soon()).unwrap().expose().to_owned()
}

/// The argument that gives `setting` the value `value`.
fn flag(setting: Setting, value: &str) -> String {
    format!("--{}={value}", setting.flag())
}

#[test]
fn each_setting_comes_from_the_flag_else_the_variable_else_the_profile_else_the_default() {
    for case in cases() {
        let [from_flag, from_env, from_profile] = case.values;
        let flag = flag(case.setting, from_flag);
        let world = World::new()
            .env(case.setting, from_env)
            .profile(&case.profile.replace("{}", from_profile));
        let read = |world: &World, args: &[&str]| (case.read)(&world.resolve(args).unwrap());
        assert_eq!(read(&world, &[&flag]), from_flag, "{:?}", case.setting);
        assert_eq!(read(&world, &[]), from_env, "{:?}", case.setting);
        let world = world.without_env(case.setting);
        assert_eq!(read(&world, &[]), from_profile, "{:?}", case.setting);
        let world = World::new().without_env(case.setting);
        match case.default {
            Some(default) => assert_eq!(read(&world, &[]), default, "{:?}", case.setting),
            None => assert!(world.resolve(&[]).is_err(), "{:?}", case.setting),
        }
    }
}

#[test]
fn a_profile_named_by_the_flag_beats_the_variables_for_the_keys_it_sets() {
    for case in cases() {
        let [_, from_env, from_profile] = case.values;
        let world = World::new()
            .env(case.setting, from_env)
            .profile(&case.profile.replace("{}", from_profile));
        let read = |world: &World, args: &[&str]| (case.read)(&world.resolve(args).unwrap());
        // Named by --profile: the profile's value.
        assert_eq!(
            read(&world, &["--profile", "p"]),
            from_profile,
            "{:?}",
            case.setting
        );
        // Named by ZUORA_PROFILE or default_profile: the variable's.
        assert_eq!(read(&world, &[]), from_env, "{:?}", case.setting);
        let by_variable = world.env(Setting::Profile, "p");
        assert_eq!(read(&by_variable, &[]), from_env, "{:?}", case.setting);
        // A key the profile does not set still comes from the variable.
        let unset = World::new().env(case.setting, from_env).profile("");
        assert_eq!(
            read(&unset, &["--profile", "p"]),
            from_env,
            "{:?}",
            case.setting
        );
    }
}

#[test]
fn a_profiles_environment_beats_a_base_url_variable_left_by_env() {
    // After `eval "$(zuora-token env -p sandbox)"`, ZUORA_BASE_URL is the
    // sandbox's; `get -p p` must go where profile p says.
    let world = World::new()
        .env(Setting::BaseUrl, "http://127.0.0.1:9")
        .profile("environment = \"csbx\"");
    let url = |world: &World, args: &[&str]| {
        let source = world.resolve(args).unwrap();
        source.client().endpoint().base_url().to_string()
    };
    assert_eq!(url(&world, &["-p", "p"]), "https://rest.test.zuora.com");
    assert_eq!(url(&world, &[]), "http://127.0.0.1:9");
    // A secret variable loses to the profile's secret too.
    let world = World::new().profile("client_secret = \"secret-profile\"");
    assert_eq!(
        secret(&world.resolve(&["-p", "p"]).unwrap()),
        "secret-profile"
    );
    assert_eq!(secret(&world.resolve(&[]).unwrap()), "secret-from-env");
}

#[test]
fn an_empty_variable_counts_as_unset() {
    for case in cases() {
        let [_, _, from_profile] = case.values;
        let world = World::new()
            .env(case.setting, "")
            .profile(&case.profile.replace("{}", from_profile));
        let source = world.resolve(&[]).unwrap();
        assert_eq!((case.read)(&source), from_profile, "{:?}", case.setting);
    }
}

#[test]
fn messages_name_where_each_input_came_from() {
    let world = World::new()
        .env(Setting::BaseUrl, "http://127.0.0.1:8080")
        .env(Setting::CaBundle, "/ca.pem")
        .profile("min_ttl = 60\ntoken_url = \"https://login.example.com/token\"");
    // The secret is read when a token is fetched, not before.
    let lazy = world
        .resolve(&["--client-secret-file", "/no/such/secret"])
        .unwrap();
    let unreadable = lazy
        .credentials()
        .secret_source()
        .read(soon())
        .unwrap_err()
        .to_string();
    assert!(
        unreadable.contains(
            "cannot read the client secret file /no/such/secret (from --client-secret-file)"
        ),
        "{unreadable}"
    );
    let source = world.resolve(&["--client-id", "id-flag"]).unwrap();
    let provenance = source.client().provenance();
    let said = |input| provenance.source(input).unwrap_or_default();
    assert_eq!(said(Input::ClientId), "from --client-id");
    assert_eq!(
        said(Input::ClientSecret),
        "given inline, from environment variable ZUORA_CLIENT_SECRET"
    );
    assert_eq!(
        said(Input::BaseUrl),
        "from environment variable ZUORA_BASE_URL"
    );
    assert_eq!(
        said(Input::CaBundle),
        "from environment variable ZUORA_CA_BUNDLE"
    );
    assert_eq!(
        said(Input::TokenUrl),
        format!("from {}", world.in_profile("token_url"))
    );
    assert_eq!(
        said(Input::MinTtl),
        format!("from {}", world.in_profile("min_ttl"))
    );
    assert_eq!(
        provenance.name(Input::Timeout).as_deref(),
        Some("--timeout")
    );
    assert_eq!(
        provenance.name(Input::CaBundle).as_deref(),
        Some("--ca-bundle")
    );

    let defaults = World::new().resolve(&[]).unwrap();
    let said = |input| defaults.client().provenance().source(input);
    assert_eq!(
        said(Input::BaseUrl).as_deref(),
        Some("from the built-in default")
    );
    assert_eq!(said(Input::CaBundle), None);
    assert_eq!(said(Input::TokenUrl), None);
}

#[test]
fn a_token_url_in_clear_text_to_another_host_is_refused_naming_its_origin() {
    let far = "http://login.example.com/token";
    let error = World::new().error(&["--token-url", far]);
    assert!(
        error.contains(&format!(
            "refusing to send the client secret in clear text to {far} (from --token-url)"
        )),
        "{error}"
    );
    assert!(error.contains("use https://"), "{error}");
    let world = World::new().profile(&format!("token_url = \"{far}\""));
    let error = world.error(&[]);
    assert!(error.contains(&world.in_profile("token_url")), "{error}");
    // The base URL is checked on its own: a token URL elsewhere does not
    // make a remote plain-http base URL acceptable.
    let error = World::new().error(&[
        "--base-url",
        "http://rest.example.com",
        "--token-url",
        "https://login.example.com/token",
    ]);
    assert!(error.contains("(from --base-url)"), "{error}");
}

#[test]
fn an_invalid_value_is_an_error_that_names_its_origin() {
    for (setting, what, key) in [
        (Setting::EntityId, "entity id", "entity_id"),
        (Setting::TrackId, "track id", "track_id"),
        (Setting::BaseUrl, "base URL", "base_url"),
        (Setting::TokenUrl, "token URL", "token_url"),
    ] {
        let bad = "bad:value";
        let from_flag = World::new().error(&[&flag(setting, bad)]);
        assert!(
            from_flag.contains(&format!(
                "invalid {what} \"{bad}\" from --{}",
                setting.flag()
            )),
            "{from_flag}"
        );
        let from_env = World::new().env(setting, bad).error(&[]);
        let variable = format!("from environment variable {}", setting.env_var());
        assert!(from_env.contains(&variable), "{from_env}");
        let world = World::new().profile(&format!("{key} = \"{bad}\""));
        let from_profile = world.error(&[]);
        assert!(
            from_profile.contains(&world.in_profile(key)),
            "{from_profile}"
        );
    }
    for (args, says) in [
        (["--timeout", "0"], "invalid timeout \"0\" from --timeout"),
        (
            ["--retries", "101"],
            "invalid retry count \"101\" from --retries",
        ),
        (
            ["--min-ttl", "5m"],
            "invalid minimum TTL \"5m\" from --min-ttl",
        ),
    ] {
        let error = World::new().error(&args);
        assert!(error.contains(says), "{error}");
    }
}

#[test]
fn every_environment_and_alias_selects_its_host() {
    for (name, alias, host) in [
        ("prod", "us-cloud2-production", "rest.zuora.com"),
        ("prod-na", "us-cloud1-production", "rest.na.zuora.com"),
        ("prod-eu", "eu-production", "rest.eu.zuora.com"),
        ("prod-ap", "apac-production", "rest.ap.zuora.com"),
        ("sbx", "us-cloud2-api-sandbox", "rest.apisandbox.zuora.com"),
        (
            "sbx-na",
            "us-cloud1-api-sandbox",
            "rest.sandbox.na.zuora.com",
        ),
        ("sbx-eu", "eu-api-sandbox", "rest.sandbox.eu.zuora.com"),
        ("csbx", "us-central-sandbox", "rest.test.zuora.com"),
        ("csbx-eu", "eu-central-sandbox", "rest.test.eu.zuora.com"),
        ("csbx-ap", "apac-central-sandbox", "rest.test.ap.zuora.com"),
    ] {
        let expected = format!("https://{host}");
        let base_url = |args: &[&str]| {
            let source = World::new().resolve(args).unwrap();
            source.client().endpoint().base_url().to_string()
        };
        assert_eq!(base_url(&["-e", name]), expected);
        assert_eq!(base_url(&["--environment", alias]), expected);
        let sdk_spelling = name.to_ascii_uppercase().replace('-', "_");
        assert_eq!(base_url(&["-e", &sdk_spelling]), expected);
    }
}

#[test]
fn base_url_beats_environment_at_the_same_level_and_loses_to_a_higher_one() {
    let local = "http://127.0.0.1:8080";
    let base_url = |world: World, args: &[&str]| {
        let source = world.resolve(args).unwrap();
        source.client().endpoint().base_url().to_string()
    };
    let both = |world: World| {
        world
            .env(Setting::Environment, "sbx")
            .env(Setting::BaseUrl, local)
    };
    assert_eq!(
        base_url(World::new(), &["-e", "sbx", "--base-url", local]),
        local
    );
    assert_eq!(base_url(both(World::new()), &[]), local);
    let profile = format!("environment = \"sbx\"\nbase_url = \"{local}\"");
    assert_eq!(base_url(World::new().profile(&profile), &[]), local);
    assert_eq!(
        base_url(World::new().profile(&profile), &["-e", "csbx"]),
        "https://rest.test.zuora.com"
    );
    assert_eq!(
        base_url(
            World::new()
                .env(Setting::Environment, "csbx")
                .profile(&profile),
            &[]
        ),
        "https://rest.test.zuora.com"
    );
}

#[test]
fn the_highest_secret_source_wins_and_two_at_one_level_are_an_error() {
    let world = World::new().profile("client_secret_command = \"exit 1\"");
    let secret = |world: &World| secret(&world.resolve(&[]).unwrap());
    // The variable beats the profile's command, which is never run.
    assert_eq!(secret(&world), "secret-from-env");
    let world = world.env(Setting::ClientSecretFile, "/no/such/file");
    let error = world.error(&[]);
    assert!(
        error.contains(
            "the client secret is given twice, by environment variable ZUORA_CLIENT_SECRET \
             and by environment variable ZUORA_CLIENT_SECRET_FILE"
        ),
        "{error}"
    );
    let both = World::new()
        .without_env(Setting::ClientSecret)
        .profile("client_secret = \"a\"\nclient_secret_command = \"echo b\"");
    let error = both.error(&[]);
    assert!(
        error.contains(&format!(
            "given twice, by {}",
            both.in_profile("client_secret")
        )),
        "{error}"
    );
}

#[test]
fn missing_credentials_say_how_to_supply_them() {
    let error = World::bare().error(&[]);
    assert!(error.contains("no client id given"), "{error}");
    assert!(
        error.contains("pass --client-id, set ZUORA_CLIENT_ID, or add client_id to a profile"),
        "{error}"
    );
    let world = World::bare()
        .env(Setting::ClientId, "id")
        .profile("client_secret_keyring = false");
    let error = world.error(&[]);
    assert!(error.contains("no client secret given"), "{error}");
    assert!(
        error.contains(&format!(
            "set ZUORA_CLIENT_SECRET, pass --client-secret-file PATH, or add \
             client_secret_command, client_secret_file or client_secret to profile 'p' in {}",
            world.config_file().display()
        )),
        "{error}"
    );
}

#[test]
fn the_profile_is_the_flag_else_the_variable_else_the_files_default() {
    let world = World::new().profile("client_id = \"from-p\"");
    let more = "\n[profiles.q]\nclient_id = \"from-q\"\n[profiles.r]\nclient_id = \"from-r\"\n";
    let mut toml = std::fs::read_to_string(world.config_file()).unwrap();
    toml.push_str(more);
    std::fs::write(world.config_file(), toml).unwrap();
    let world = world.without_env(Setting::ClientId);
    let id = |world: &World, args: &[&str]| {
        world
            .resolve(args)
            .unwrap()
            .credentials()
            .client_id()
            .to_string()
    };
    assert_eq!(id(&world, &[]), "from-p");
    let world = world.env(Setting::Profile, "q");
    assert_eq!(id(&world, &[]), "from-q");
    assert_eq!(id(&world, &["-p", "r"]), "from-r");
    let error = world.error(&["--profile", "s"]);
    assert!(
        error.contains(&format!(
            "profile 's' (from --profile) is not in {}; it defines: p, q, r",
            world.config_file().display()
        )),
        "{error}"
    );
}

#[test]
fn the_cache_is_used_refreshed_or_not_as_the_flags_say() {
    let world = World::new();
    let mode = |args: &[&str]| world.resolve(args).unwrap().cache_policy().mode.clone();
    let cache = world.cache_dir();
    assert_eq!(mode(&[]), CacheMode::Use(cache.clone()));
    assert_eq!(mode(&["--refresh"]), CacheMode::Refresh(cache));
    assert_eq!(mode(&["--no-cache"]), CacheMode::Off);
    assert_eq!(
        mode(&["--cache-dir", "/elsewhere"]),
        CacheMode::Use("/elsewhere".into())
    );
    let world = World::new().env(Setting::CacheDir, "/from-env");
    let mode = world.resolve(&[]).unwrap().cache_policy().mode.clone();
    assert_eq!(mode, CacheMode::Use("/from-env".into()));
}

#[test]
fn timeout_and_retries_default_to_30_s_and_3() {
    let source = World::new().resolve(&[]).unwrap();
    let options = source.client().options();
    assert_eq!(options.timeout, Duration::from_secs(30));
    assert_eq!(options.retries, 3);
    let world = World::new()
        .env(Setting::Timeout, "2.5")
        .env(Setting::Retries, "7");
    let source = world.resolve(&["--retries", "0"]).unwrap();
    let options = source.client().options();
    assert_eq!(options.timeout, Duration::from_millis(2500));
    assert_eq!(options.retries, 0);
}

#[cfg(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", windows)
))]
#[test]
fn the_keyring_is_the_secret_source_of_last_resort_unless_the_profile_says_not() {
    let world = World::new().without_env(Setting::ClientSecret).profile("");
    let source = world.resolve(&[]).unwrap();
    assert_eq!(
        source.credentials().secret_source().identity(),
        SourceIdentity::Named("keyring zuora-token:https://rest.zuora.com id-from-env".into())
    );
    let said = source.client().provenance().source(Input::ClientSecret);
    assert_eq!(
        said.as_deref(),
        Some("in the keyring, from the built-in default")
    );

    // Named by the profile, the keyring is a source like the others: a
    // variable beats it, but not in a profile named by --profile.
    let named = World::new().profile("client_secret_keyring = true");
    assert_eq!(secret(&named.resolve(&[]).unwrap()), "secret-from-env");
    let source = named.resolve(&["--profile", "p"]).unwrap();
    assert_eq!(secret(&source), "keyring");
    let said = source.client().provenance().source(Input::ClientSecret);
    assert_eq!(
        said,
        Some(format!(
            "in the keyring, from {}",
            named.in_profile("client_secret_keyring")
        ))
    );
    let both = World::new()
        .without_env(Setting::ClientSecret)
        .profile("client_secret_keyring = true\nclient_secret_file = \"s\"");
    assert!(
        both.error(&[]).contains("given twice"),
        "{}",
        both.error(&[])
    );
    let not = World::new()
        .without_env(Setting::ClientSecret)
        .profile("client_secret_keyring = false");
    assert!(not.error(&[]).contains("no client secret given"));
}

#[test]
fn only_another_value_is_overridden() {
    let world = World::new().profile(
        "client_id = \"id-from-env\"\nenvironment = \"sbx\"\nclient_secret = \"secret-from-env\"",
    );
    // The environment holds the profile's values, the base URL in another
    // spelling.
    let world = world.env(Setting::BaseUrl, "https://rest.apisandbox.zuora.com/");
    assert_eq!(world.overridden(&[]), Vec::<String>::new());
    assert_eq!(
        world.overridden(&["--client-id", "id-from-env"]),
        Vec::<String>::new()
    );
    let overridden = world.overridden(&["--client-id", "other"]);
    assert_eq!(
        overridden,
        [
            "environment variable ZUORA_CLIENT_ID, by --client-id".to_owned(),
            format!("{}, by --client-id", world.in_profile("client_id")),
        ]
    );
    let world = world.env(Setting::ClientSecret, "another");
    let overridden = world.overridden(&[]);
    assert_eq!(
        overridden,
        [format!(
            "{}, by environment variable ZUORA_CLIENT_SECRET",
            world.in_profile("client_secret")
        )]
    );
}
