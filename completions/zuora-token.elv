
use builtin;
use str;

set edit:completion:arg-completer[zuora-token] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'zuora-token'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'zuora-token'= {
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Print a token: raw (the default), as JSON, or as an Authorization header'
            cand env 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell'
            cand exec 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process''s arguments'
            cand status 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise'
            cand cache 'List or clear cached tokens'
            cand profiles 'List the config file''s profiles: endpoint, client id and where the secret comes from (never the secret)'
            cand completions 'Print a shell completion script (static; see the README for dynamic completion of profile names)'
            cand man 'Print the man page (roff), or write every page (one per command) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'zuora-token;get'= {
            cand -o 'What to print'
            cand --output 'What to print'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand --refresh 'Fetch a new token even if a valid one is cached, and cache it'
            cand --no-cache 'Neither read nor write the cache'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'zuora-token;env'= {
            cand -s 'The shell (or file format) to write for'
            cand --shell 'The shell (or file format) to write for'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand --refresh 'Fetch a new token even if a valid one is cached, and cache it'
            cand --no-cache 'Neither read nor write the cache'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'zuora-token;exec'= {
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand --refresh 'Fetch a new token even if a valid one is cached, and cache it'
            cand --no-cache 'Neither read nor write the cache'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'zuora-token;status'= {
            cand -o 'What to print'
            cand --output 'What to print'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'zuora-token;cache'= {
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
            cand clear 'Remove the cached token for the resolved credentials, or every one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'zuora-token;cache;list'= {
            cand -o 'What to print'
            cand --output 'What to print'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'zuora-token;cache;clear'= {
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand --all 'Remove every cached token, whoever''s credentials it was for'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'zuora-token;cache;help'= {
            cand list 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
            cand clear 'Remove the cached token for the resolved credentials, or every one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'zuora-token;cache;help;list'= {
        }
        &'zuora-token;cache;help;clear'= {
        }
        &'zuora-token;cache;help;help'= {
        }
        &'zuora-token;profiles'= {
            cand -o 'What to print'
            cand --output 'What to print'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'zuora-token;completions'= {
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'zuora-token;man'= {
            cand --dir 'Write every page into this directory (made if missing) instead'
            cand -p 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]'
            cand --config 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]'
            cand --client-secret-file 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]'
            cand --client-secret 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]'
            cand -e 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --environment 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]'
            cand --base-url 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]'
            cand --entity-id 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]'
            cand --track-id 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]'
            cand --cache-dir 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]'
            cand --min-ttl 'Hand out a cached token only while it has at least this long left [default: 300] [env: ZUORA_TOKEN_MIN_TTL]'
            cand --timeout 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]'
            cand --retries 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]'
            cand --ca-bundle 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]'
            cand -v 'Say on stderr where each setting came from and what was sent and received'
            cand --verbose 'Say on stderr where each setting came from and what was sent and received'
            cand -q 'Print no warnings'
            cand --quiet 'Print no warnings'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'zuora-token;help'= {
            cand get 'Print a token: raw (the default), as JSON, or as an Authorization header'
            cand env 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell'
            cand exec 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process''s arguments'
            cand status 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise'
            cand cache 'List or clear cached tokens'
            cand profiles 'List the config file''s profiles: endpoint, client id and where the secret comes from (never the secret)'
            cand completions 'Print a shell completion script (static; see the README for dynamic completion of profile names)'
            cand man 'Print the man page (roff), or write every page (one per command) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'zuora-token;help;get'= {
        }
        &'zuora-token;help;env'= {
        }
        &'zuora-token;help;exec'= {
        }
        &'zuora-token;help;status'= {
        }
        &'zuora-token;help;cache'= {
            cand list 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
            cand clear 'Remove the cached token for the resolved credentials, or every one'
        }
        &'zuora-token;help;cache;list'= {
        }
        &'zuora-token;help;cache;clear'= {
        }
        &'zuora-token;help;profiles'= {
        }
        &'zuora-token;help;completions'= {
        }
        &'zuora-token;help;man'= {
        }
        &'zuora-token;help;help'= {
        }
    ]
    $completions[$command]
}
