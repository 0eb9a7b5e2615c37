# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_zuora_token_global_optspecs
    string join \n p/profile= config= client-id= client-secret-file= client-secret= e/environment= base-url= token-url= entity-id= track-id= org-ids= zuora-version= cache-dir= min-ttl= timeout= retries= ca-bundle= v/verbose q/quiet h/help V/version
end

function __fish_zuora_token_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_zuora_token_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_zuora_token_using_subcommand
    set -l cmd (__fish_zuora_token_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c zuora-token -n "__fish_zuora_token_needs_command" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_needs_command" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_needs_command" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -s h -l help -d 'Print help'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -s V -l version -d 'Print version'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "get" -d 'Print a token: raw (the default), as JSON, or as an Authorization header'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "env" -d 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "exec" -d 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process\'s arguments'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "api" -d 'Call Zuora\'s REST API with the token. The request is made here, so the token goes to the base URL and nowhere else; a 401 gets a new token and the same request again, a 429 (and a 5xx where repeating is safe) is retried'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "curl" -d 'Run curl with every header a Zuora call needs, the token off the command line; a path is resolved against the base URL. A 401 gets a new token and one retry'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "status" -d 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "agent" -d 'Keep the token fresh in files (sinks) for other programs to read, in the foreground until SIGTERM or SIGINT; SIGHUP reads the config file again'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "cache" -d 'List or clear cached tokens'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "profiles" -d 'List the config file\'s profiles: endpoint, client id and where the secret comes from (never the secret)'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "login" -d 'Store the client secret in the OS keyring, for the base URL and client id the settings name'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "logout" -d 'Remove the client secret that `login` stored for the base URL and client id the settings name'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "completions" -d 'Print a shell completion script (static; `COMPLETE=SHELL zuora-token` prints a dynamic one, which also completes profile names)'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "man" -d 'Print the man page (roff), or write every page (one per command) into a directory'
complete -c zuora-token -n "__fish_zuora_token_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s o -l output -d 'What to print' -r -f -a "token\t'The access token and a newline, nothing else'
json\t'One JSON object with the token and its metadata'
header\t'`Authorization: Bearer <token>`, for `curl -H @-`'
headers\t'Every header of an API call, one a line: `Authorization`, and `Zuora-Entity-Ids`, `Zuora-Org-Ids`, `Zuora-Track-Id` where configured; for `curl -H @-`'
curl\t'The same headers as a curl config (`header = "..."` lines), for `curl -K -`'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l refresh -d 'Fetch a new token even if a valid one is cached, and cache it'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -l no-cache -d 'Neither read nor write the cache'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s s -l shell -d 'The shell (or file format) to write for' -r -f -a "sh\t'POSIX shells: bash, zsh, dash, ksh (`export NAME=\'value\';`)'
fish\t'fish (`set -gx NAME \'value\';`)'
powershell\t'PowerShell (`$env:NAME = \'value\'`)'
dotenv\t'A .env file (`NAME=value`), e.g. for GitLab CI or docker compose'
cmd\t'Windows cmd.exe (`set "NAME=value"`)'
github\t'GitHub Actions: masks the token in the log and appends the variables to the file named by $GITHUB_ENV, for the job\'s later steps'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l refresh -d 'Fetch a new token even if a valid one is cached, and cache it'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -l no-cache -d 'Neither read nor write the cache'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand env" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l refresh -d 'Fetch a new token even if a valid one is cached, and cache it'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -l no-cache -d 'Neither read nor write the cache'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s X -l method -d 'The HTTP method [default: GET, or POST with --input]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s f -l raw-field -d 'A field, its value a string (repeatable)' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s F -l field -d 'A field, its value typed: a number, true, false, null, or @FILE for a file\'s text (@- standard input) (repeatable)' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l input -d 'The request body, read from FILE (\'-\' for standard input)' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s H -l header -d 'Another header, \'Name: value\' (repeatable); never Authorization' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s i -l include -d 'Print the status line and the headers before the body'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -l paginate -d 'Follow Zuora\'s pagination to the last page: nextPage links, Object Query cursors, and queryLocator through queryMore'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand curl" -s h -l help -d 'Print help'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s o -l output -d 'What to print' -r -f -a "text\t'Aligned lines for people'
json\t'One JSON object (or array), for scripts'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l sink -d 'A file to keep the token in: file=PATH[,format=token|json|header|env|dotenv][,mode=0600] (repeatable)' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l renew-before -d 'Ask for a new token when less than this is left: seconds, or with m or h (10m) [default: 5 minutes or a fifth of the token\'s life, whichever is less]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -l once -d 'Write the sinks once and exit (for cron)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand agent" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "list" -d 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "clear" -d 'Remove the cached token for the resolved credentials, or every one'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s o -l output -d 'What to print' -r -f -a "text\t'Aligned lines for people'
json\t'One JSON object (or array), for scripts'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l all -d 'Remove every cached token, whoever\'s credentials it was for'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove the cached token for the resolved credentials, or every one'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s o -l output -d 'What to print' -r -f -a "text\t'Aligned lines for people'
json\t'One JSON object (or array), for scripts'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -s p -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`] [env: ZUORA_PROFILE]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l config -d 'Config file [default: <user config dir>/zuora-token/config.toml] [env: ZUORA_TOKEN_CONFIG]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l client-id -d 'OAuth client id (36 characters, from Zuora\'s OAuth clients page) [env: ZUORA_CLIENT_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l client-secret-file -d 'Read the client secret from this file (\'-\' for standard input) [env: ZUORA_CLIENT_SECRET_FILE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l client-secret -d 'OAuth client secret. Other users can read it in the process list: prefer --client-secret-file, the environment variable or a profile [env: ZUORA_CLIENT_SECRET]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -s e -l environment -d 'Zuora environment by name, e.g. prod, prod-eu, sbx, csbx-ap [default: prod] [env: ZUORA_ENVIRONMENT]' -r -f -a "prod\t'US Production, Cloud 2'
us-cloud2-production\t'US Production, Cloud 2'
prod-na\t'US Production, Cloud 1'
us-cloud1-production\t'US Production, Cloud 1'
prod-eu\t'EU Production'
eu-production\t'EU Production'
prod-ap\t'APAC Production'
apac-production\t'APAC Production'
sbx\t'US API Sandbox, Cloud 2'
us-cloud2-api-sandbox\t'US API Sandbox, Cloud 2'
sbx-na\t'US API Sandbox, Cloud 1'
us-cloud1-api-sandbox\t'US API Sandbox, Cloud 1'
sbx-eu\t'EU API Sandbox'
eu-api-sandbox\t'EU API Sandbox'
csbx\t'US Developer & Central Sandbox'
us-central-sandbox\t'US Developer & Central Sandbox'
csbx-eu\t'EU Developer & Central Sandbox'
eu-central-sandbox\t'EU Developer & Central Sandbox'
csbx-ap\t'APAC Developer & Central Sandbox'
apac-central-sandbox\t'APAC Developer & Central Sandbox'"
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l base-url -d 'Base URL of Zuora\'s REST API; beats --environment given at the same level [env: ZUORA_BASE_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l token-url -d 'Token endpoint other than {base URL}/oauth/token, e.g. one of Zuora\'s OneID clients; the base URL still serves the API calls [env: ZUORA_TOKEN_URL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l entity-id -d 'Entity id (a hyphenated UUID) for multi-entity tenants [env: ZUORA_ENTITY_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l track-id -d 'Zuora-Track-Id header to send, for tracing the request with Zuora [env: ZUORA_TRACK_ID]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l org-ids -d 'Zuora-Org-Ids header for API calls (comma-separated org ids), for multi-org tenants [env: ZUORA_ORG_IDS]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l zuora-version -d 'Zuora-Version header for API calls: the v1 API\'s minor version, e.g. 211.0 or 2024-05-20 [default: the tenant\'s] [env: ZUORA_VERSION]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l cache-dir -d 'Directory of the token cache [default: <user cache dir>/zuora-token] [env: ZUORA_TOKEN_CACHE_DIR]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l min-ttl -d 'Hand out a cached token only while it has at least this long left, or half its lifetime if less [default: 300] [env: ZUORA_TOKEN_MIN_TTL]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l timeout -d 'Give up after this long, waits for other processes included [default: 30] [env: ZUORA_TOKEN_TIMEOUT]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l retries -d 'Retry rate limits (429), gateway failures (502, 503, 504) and broken connections this many times [default: 3] [env: ZUORA_TOKEN_RETRIES]' -r
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -l ca-bundle -d 'Trust exactly the PEM certificates in this file instead of the operating system\'s trust store [env: ZUORA_CA_BUNDLE]' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -s v -l verbose -d 'Say on stderr where each setting came from and what was sent and received'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -s q -l quiet -d 'Print no warnings'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand completions" -s h -l help -d 'Print help'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand man" -l dir -d 'Write every page into this directory (made if missing) instead' -r -F
complete -c zuora-token -n "__fish_zuora_token_using_subcommand man" -s h -l help -d 'Print help'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "get" -d 'Print a token: raw (the default), as JSON, or as an Authorization header'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "env" -d 'Print statements that set ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL in a shell'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "exec" -d 'Run a command with ZUORA_ACCESS_TOKEN, ZUORA_TOKEN_EXPIRES_AT, ZUORA_BASE_URL (and ZUORA_ENTITY_ID when set) in its environment. The token never appears in any process\'s arguments'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "api" -d 'Call Zuora\'s REST API with the token. The request is made here, so the token goes to the base URL and nowhere else; a 401 gets a new token and the same request again, a 429 (and a 5xx where repeating is safe) is retried'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "curl" -d 'Run curl with every header a Zuora call needs, the token off the command line; a path is resolved against the base URL. A 401 gets a new token and one retry'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "status" -d 'Show the cached token for the resolved credentials, without network access: expiry, scope, cache file. Never the token. Exits 0 if a token with at least --min-ttl left is cached, 1 otherwise'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "agent" -d 'Keep the token fresh in files (sinks) for other programs to read, in the foreground until SIGTERM or SIGINT; SIGHUP reads the config file again'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "cache" -d 'List or clear cached tokens'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "profiles" -d 'List the config file\'s profiles: endpoint, client id and where the secret comes from (never the secret)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "login" -d 'Store the client secret in the OS keyring, for the base URL and client id the settings name'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "logout" -d 'Remove the client secret that `login` stored for the base URL and client id the settings name'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "completions" -d 'Print a shell completion script (static; `COMPLETE=SHELL zuora-token` prints a dynamic one, which also completes profile names)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "man" -d 'Print the man page (roff), or write every page (one per command) into a directory'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and not __fish_seen_subcommand_from get env exec api curl status agent cache profiles login logout completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "list" -d 'List the cached tokens: base URL, client id, entity, expiry (never the tokens)'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove the cached token for the resolved credentials, or every one'
complete -c zuora-token -n "__fish_zuora_token_using_subcommand completions; and not __fish_seen_subcommand_from bash elvish fish powershell zsh" -f -a "bash elvish fish powershell zsh"
