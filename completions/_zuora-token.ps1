
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'zuora-token' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'zuora-token'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'zuora-token' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a token: raw (the default), as JSON, or as an Authorization header')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process''s arguments')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call Zuora''s REST API with the token. The request is made here, so the token goes to the base URL and nowhere else; a 401 gets a new token and the same request again, a 429 (and a 5xx where repeating is safe) is retried')
            [CompletionResult]::new('curl', 'curl', [CompletionResultType]::ParameterValue, 'Run curl with every header a Zuora call needs, the token off the command line; a path is resolved against the base URL. A 401 gets a new token and one retry')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Keep the token fresh in files (sinks) for other programs to read, in the foreground until SIGTERM or SIGINT; SIGHUP reads the config file again')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'List or clear cached tokens')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the config file''s profiles: endpoint, client id and where the secret comes from (never the secret)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the client secret in the OS keyring, for the base URL and client id the settings name')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the client secret that `login` stored for the base URL and client id the settings name')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (static; `COMPLETE=SHELL zuora-token` prints a dynamic one, which also completes profile names)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page (one per command) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'zuora-token;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch a new token even if a valid one is cached, and cache it')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the cache')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;env' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The shell (or file format) to write for')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell (or file format) to write for')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch a new token even if a valid one is cached, and cache it')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the cache')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;exec' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Fetch a new token even if a valid one is cached, and cache it')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the cache')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;api' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET, or POST with --input]')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET, or POST with --input]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A field, its value a string (repeatable)')
            [CompletionResult]::new('--raw-field', '--raw-field', [CompletionResultType]::ParameterName, 'A field, its value a string (repeatable)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A field, its value typed: a number, true, false, null, or @FILE for a file''s text (@- standard input) (repeatable)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field, its value typed: a number, true, false, null, or @FILE for a file''s text (@- standard input) (repeatable)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The request body, read from FILE (''-'' for standard input)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Another header, ''Name: value'' (repeatable); never Authorization')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Another header, ''Name: value'' (repeatable); never Authorization')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the status line and the headers before the body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the status line and the headers before the body')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow Zuora''s pagination to the last page: nextPage links, Object Query cursors, and queryLocator through queryMore')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;curl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'zuora-token;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;agent' {
            [CompletionResult]::new('--sink', '--sink', [CompletionResultType]::ParameterName, 'A file to keep the token in: file=PATH[,format=token|json|header|env|dotenv][,mode=0600] (repeatable)')
            [CompletionResult]::new('--renew-before', '--renew-before', [CompletionResultType]::ParameterName, 'Ask for a new token when less than this is left: seconds, or with m or h (10m) [default: 5 minutes or a fifth of the token''s life, whichever is less]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Write the sinks once and exit (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;cache' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the cached token for the resolved credentials, or every one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'zuora-token;cache;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;cache;clear' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove every cached token, whoever''s credentials it was for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;cache;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the cached token for the resolved credentials, or every one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'zuora-token;cache;help;list' {
            break
        }
        'zuora-token;cache;help;clear' {
            break
        }
        'zuora-token;cache;help;help' {
            break
        }
        'zuora-token;profiles' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;login' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;logout' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`] [env: ZUORA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (36 characters, from Zuora''s OAuth clients page) [env: ZUORA_CLIENT_ID]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from this file (''-'' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of Zuora''s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora''s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]')
            [CompletionResult]::new('--entity-id', '--entity-id', [CompletionResultType]::ParameterName, 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]')
            [CompletionResult]::new('--track-id', '--track-id', [CompletionResultType]::ParameterName, 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]')
            [CompletionResult]::new('--org-ids', '--org-ids', [CompletionResultType]::ParameterName, 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]')
            [CompletionResult]::new('--zuora-version', '--zuora-version', [CompletionResultType]::ParameterName, 'Zuora-Version header for API calls: the v1 API''s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant''s] [env: ZUORA_VERSION]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Trust exactly the PEM certificates in this file instead of the operating system''s trust store [env: ZUORA_CA_BUNDLE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say on stderr where each setting came from and what was sent and received')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no warnings')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'zuora-token;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'zuora-token;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this directory (made if missing) instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'zuora-token;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a token: raw (the default), as JSON, or as an Authorization header')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process''s arguments')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call Zuora''s REST API with the token. The request is made here, so the token goes to the base URL and nowhere else; a 401 gets a new token and the same request again, a 429 (and a 5xx where repeating is safe) is retried')
            [CompletionResult]::new('curl', 'curl', [CompletionResultType]::ParameterValue, 'Run curl with every header a Zuora call needs, the token off the command line; a path is resolved against the base URL. A 401 gets a new token and one retry')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Keep the token fresh in files (sinks) for other programs to read, in the foreground until SIGTERM or SIGINT; SIGHUP reads the config file again')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'List or clear cached tokens')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the config file''s profiles: endpoint, client id and where the secret comes from (never the secret)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the client secret in the OS keyring, for the base URL and client id the settings name')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the client secret that `login` stored for the base URL and client id the settings name')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (static; `COMPLETE=SHELL zuora-token` prints a dynamic one, which also completes profile names)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page (one per command) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'zuora-token;help;get' {
            break
        }
        'zuora-token;help;env' {
            break
        }
        'zuora-token;help;exec' {
            break
        }
        'zuora-token;help;api' {
            break
        }
        'zuora-token;help;curl' {
            break
        }
        'zuora-token;help;status' {
            break
        }
        'zuora-token;help;agent' {
            break
        }
        'zuora-token;help;cache' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the cached token for the resolved credentials, or every one')
            break
        }
        'zuora-token;help;cache;list' {
            break
        }
        'zuora-token;help;cache;clear' {
            break
        }
        'zuora-token;help;profiles' {
            break
        }
        'zuora-token;help;login' {
            break
        }
        'zuora-token;help;logout' {
            break
        }
        'zuora-token;help;completions' {
            break
        }
        'zuora-token;help;man' {
            break
        }
        'zuora-token;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
