#!/usr/bin/env bash
# The Windows build (x86_64-pc-windows-gnu, built by mingw-w64) run under
# Wine against the fake Zuora on 127.0.0.1: profiles from the config file
# where Windows keeps it (%APPDATA%), the cache where Windows keeps it
# (%LOCALAPPDATA%), get, env for PowerShell and cmd, status, cache, exec,
# api, and login and logout through Wine's Credential Manager. Called by
# .ci/run:
#
#   tests/windows/run.sh ZUORA-TOKEN.EXE FAKE_ZUORA [UNIT-TESTS.EXE...]
#
# ZUORA-TOKEN.EXE is the Windows build (zuora-token-keyring.exe beside it),
# FAKE_ZUORA the host build of `cargo build --example fake_zuora`, and
# UNIT-TESTS.EXE the unit tests of the library and the binary built for
# Windows (`cargo test --no-run --target x86_64-pc-windows-gnu --lib
# --bins`), run too, in the same prefix. Needs
# Wine (Debian's wine64) and x86_64-w64-mingw32-gcc. Everything happens in
# a temporary directory: a Wine prefix of its own (a fresh Windows user
# profile), a copy of the two .exe and, beside them, the test-only
# bcryptprimitives.dll that Wine 8 lacks (see bcryptprimitives.c); nothing
# here is part of what ships.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 ZUORA-TOKEN.EXE FAKE_ZUORA [UNIT-TESTS.EXE...]" >&2
  exit 2
fi
exe=$(realpath "$1")
fake_zuora=$(realpath "$2")
shift 2
unit_tests=()
for test_exe in "$@"; do unit_tests+=("$(realpath "$test_exe")"); done
here=$(dirname "$(realpath "$0")")

# Debian's wine64 package installs no `wine` command, only this.
wine=${WINE:-$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)}
wineserver=${WINESERVER:-$(command -v wineserver || echo /usr/lib/wine/wineserver)}

work=$(mktemp -d)
fake_pid=
cleanup() {
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; fi
  # Wine's server outlives its last program for a while: stop it now, so
  # that nothing of it is left holding the prefix or CI's output.
  WINEPREFIX="$work/prefix" "$wineserver" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() {
  echo "windows: FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() {
  echo "windows: ok: $*"
}

# Nothing of the caller's set-up: only what each check gives, and no
# proxy, so that nothing leaves 127.0.0.1.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(ZUORA_[A-Z_]*\)=.*/\1/p')
unset HTTP_PROXY HTTPS_PROXY ALL_PROXY NO_PROXY http_proxy https_proxy all_proxy no_proxy

export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml='
export WINEARCH=win64

# The test's copy of the program, with the shim beside it.
bin="$work/bin"
mkdir -p "$bin"
cp "$exe" "$bin/zuora-token.exe"
cp "$(dirname "$exe")/zuora-token-keyring.exe" "$bin/"
x86_64-w64-mingw32-gcc -shared -O2 -o "$bin/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32

started=$SECONDS
"$wine" wineboot --init </dev/null >"$work/wineboot.out" 2>&1 ||
  { echo "windows: wineboot failed" >&2; cat "$work/wineboot.out" >&2; exit 1; }
echo "windows: Wine prefix made in $((SECONDS - started)) s"

# The fake Zuora on a port of the system's choosing, until we are done.
# What it prints, through a FIFO, is read as it comes, up to its last line
# (it writes nothing after it) or its end if it fails to start; the read's
# timeout is a hang guard.
mkfifo "$work/fake.pipe"
"$fake_zuora" >"$work/fake.pipe" 2>&1 </dev/null &
fake_pid=$!
: >"$work/fake.out"
while IFS= read -r -t 120 line; do
  printf '%s\n' "$line" >>"$work/fake.out"
  [ "$line" = "Stop it with Ctrl-C." ] && break
done <"$work/fake.pipe"
url=$(sed -n 's/^fake Zuora listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/fake.out")
[ -n "$url" ] || { echo "windows: the fake Zuora did not start" >&2; cat "$work/fake.out" >&2; exit 1; }
echo "windows: fake Zuora on $url"

# Runs zuora-token.exe under Wine: its standard output in $out (carriage
# returns dropped), its standard error in $err, its exit code in $code.
out=
err=
code=
zt() {
  zt_input /dev/null "$@"
}
# The same, with standard input from the file $1.
zt_input() {
  local input=$1
  shift
  code=0
  "$wine" "$bin/zuora-token.exe" "$@" <"$input" >"$work/out" 2>"$work/err" || code=$?
  out=$(tr -d '\r' <"$work/out")
  err=$(tr -d '\r' <"$work/err")
}
# Fails the check unless the last run exited with $1.
exited() {
  if [ "$code" != "$1" ]; then
    fail "$2: exit $code, not $1; stdout: $out; stderr: $err"
    return 1
  fi
}

user=$(id -un)
roaming="$WINEPREFIX/drive_c/users/$user/AppData/Roaming"
local_app_data="$WINEPREFIX/drive_c/users/$user/AppData/Local"
client_id=$(sed -n 's/^  client id: *//p' "$work/fake.out")
client_secret=$(sed -n 's/^  client secret: *//p' "$work/fake.out")

# Where the program looks for its config file: %APPDATA%, as Windows has it.
zt profiles -o json
want_config="C:\\\\users\\\\$user\\\\AppData\\\\Roaming\\\\zuora-token\\\\config.toml"
if exited 0 "profiles, no config file"; then
  case $out in
    *"\"config_file\":\"$want_config\",\"found\":false"*) pass "config file looked for in %APPDATA%: $out" ;;
    *) fail "profiles: not the config file in %APPDATA%: $out" ;;
  esac
fi

# The settings from the environment alone (no config file yet), no cache.
ZUORA_BASE_URL=$url ZUORA_CLIENT_ID=$client_id ZUORA_CLIENT_SECRET=$client_secret \
  zt get --no-cache -o json
if exited 0 "get from environment variables"; then
  case $out in
    *'"access_token":"'*) pass "get --no-cache -o json, the settings from environment variables" ;;
    *) fail "get -o json: $out" ;;
  esac
fi

# A config file there: two profiles on the fake, the secret in a file
# named relative to the config file.
mkdir -p "$roaming/zuora-token"
printf '%s' "$client_secret" >"$roaming/zuora-token/client-secret"
{
  echo 'default_profile = "prod"'
  for profile in prod sandbox; do
    printf '[profiles.%s]\nbase_url = "%s"\nclient_id = "%s"\nclient_secret_file = "client-secret"\n' \
      "$profile" "$url" "$client_id"
  done
} >"$roaming/zuora-token/config.toml"
zt profiles -o json
if exited 0 "profiles"; then
  case $out in
    *'"found":true,"default_profile":"prod"'*'"name":"sandbox"'*) pass "profiles from %APPDATA%\\zuora-token\\config.toml" ;;
    *) fail "profiles: the config file was not read: $out" ;;
  esac
fi

# get: a token from the default profile; a second get is the cached one
# (the fake issues a new token for each request); --refresh gets another.
zt get
first=$out
if exited 0 "get" && [[ $first =~ ^[0-9a-f]{32}$ ]]; then
  pass "get: a token from the default profile"
elif [ "$code" = 0 ]; then
  fail "get: not a token: $first"
fi
cache_files=$(find "$local_app_data/zuora-token" -type f -name '*.json' 2>/dev/null | wc -l)
if [ "$cache_files" = 1 ]; then
  pass "the token cached in %LOCALAPPDATA%\\zuora-token"
else
  fail "no cache file under $local_app_data/zuora-token"
  find "$WINEPREFIX/drive_c/users" -path '*zuora-token*' >&2 || true
fi
zt get
if exited 0 "second get"; then
  if [ "$out" = "$first" ]; then pass "second get: the cached token, no new request"; else fail "second get: a new token ($out), not the cached one ($first)"; fi
fi
zt get --refresh
if exited 0 "get --refresh"; then
  if [ -n "$out" ] && [ "$out" != "$first" ]; then pass "get --refresh: a new token"; else fail "get --refresh: $out (cached: $first)"; fi
fi
token=$out

# status: the cached token, its file in %LOCALAPPDATA%; no network.
zt status -o json
want_cache="C:\\\\users\\\\$user\\\\AppData\\\\Local\\\\zuora-token\\\\"
if exited 0 "status"; then
  case $out in
    *"\"cache_file\":\"$want_cache"*'"cached":true,"usable":true'*) pass "status: the cached token in %LOCALAPPDATA%" ;;
    *) fail "status: $out" ;;
  esac
fi
zt status --profile sandbox
exited 0 "status --profile sandbox (the same identity, so the same token)" &&
  pass "status --profile sandbox: exit 0"
zt cache list
if exited 0 "cache list"; then
  case $out in
    "$url  $client_id "*) pass "cache list: $out" ;;
    *) fail "cache list: $out" ;;
  esac
fi

# env for PowerShell: the exact statement (no PowerShell under Wine to run it).
zt env --shell powershell
if exited 0 "env --shell powershell"; then
  if grep -qxF "\$env:ZUORA_ACCESS_TOKEN = '$token'" <<<"$out" &&
    grep -qxF "\$env:ZUORA_BASE_URL = '$url'" <<<"$out"; then
    pass "env --shell powershell: \$env:ZUORA_ACCESS_TOKEN = '...'"
  else
    fail "env --shell powershell: $out"
  fi
fi

# env for cmd: the statements, run by Wine's cmd.exe.
zt env --shell cmd
if exited 0 "env --shell cmd"; then
  if grep -qxF "set \"ZUORA_ACCESS_TOKEN=$token\"" <<<"$out"; then
    printf '@echo off\r\n%s\r\necho %%ZUORA_ACCESS_TOKEN%% %%ZUORA_BASE_URL%%\r\n' \
      "${out//$'\n'/$'\r\n'}" >"$work/env.cmd"
    ran=$("$wine" cmd /c "$(WINEPREFIX=$WINEPREFIX "$wine" winepath -w "$work/env.cmd" 2>/dev/null | tr -d '\r')" </dev/null 2>&1 | tr -d '\r')
    if [ "$ran" = "$token $url" ]; then
      pass "env --shell cmd: set \"ZUORA_ACCESS_TOKEN=...\", and cmd.exe sets it"
    else
      fail "env --shell cmd: cmd.exe ran it and printed: $ran"
    fi
  else
    fail "env --shell cmd: $out"
  fi
fi

# exec: a Windows program with the token and base URL in its environment.
zt exec -- cmd /c 'echo %ZUORA_BASE_URL% %ZUORA_ACCESS_TOKEN%'
if exited 0 "exec"; then
  if [ "$out" = "$url $token" ]; then pass "exec: cmd /c echo %ZUORA_BASE_URL% %ZUORA_ACCESS_TOKEN%"; else fail "exec: $out"; fi
fi
zt exec -- cmd /c 'exit 7'
if [ "$code" = 7 ]; then pass "exec: the command's exit code"; else fail "exec: exit $code, not the command's 7"; fi

# api: Zuora's REST API through the native client, with the cached token.
zt api /v1/catalog/products
if exited 0 "api /v1/catalog/products"; then
  case $out in
    *'"products"'*'"Gold Plan"'*) pass "api /v1/catalog/products" ;;
    *) fail "api: $out" ;;
  esac
fi

# cache clear: the file in %LOCALAPPDATA% goes.
zt cache clear
if exited 0 "cache clear"; then
  left=$(find "$local_app_data/zuora-token" -type f -name '*.json' 2>/dev/null | wc -l)
  if [ "$left" = 0 ]; then pass "cache clear: %LOCALAPPDATA%\\zuora-token emptied"; else fail "cache clear: $left files left"; fi
fi

# The keyring: Wine's implementation of the Credential Manager API
# (CredWriteW and friends, kept in the prefix's registry), through
# zuora-token-keyring.exe. login reads the secret from a pipe; get finds it
# there with nothing else naming a secret; logout removes it.
# A config file of no profiles: the default one's would name a secret file.
printf '%s' "$client_secret" >"$work/secret"
: >"$roaming/zuora-token/empty.toml"
export ZUORA_BASE_URL=$url ZUORA_CLIENT_ID=$client_id
export ZUORA_TOKEN_CONFIG="C:\\users\\$user\\AppData\\Roaming\\zuora-token\\empty.toml"
zt_input "$work/secret" login
exited 0 "login" && pass "login: the secret into the Credential Manager"
zt get --no-cache
if exited 0 "get with the keyring's secret"; then
  if [[ $out =~ ^[0-9a-f]{32}$ ]]; then pass "get: the secret from the Credential Manager"; else fail "get: $out"; fi
fi
zt logout
exited 0 "logout" && pass "logout"
zt get --no-cache
if [ "$code" = 2 ] && [[ $err == *"no client secret in the keyring"* ]]; then
  pass "get after logout: no secret in the keyring (exit 2)"
else
  fail "get after logout: exit $code: $err"
fi
unset ZUORA_BASE_URL ZUORA_CLIENT_ID ZUORA_TOKEN_CONFIG

# The unit tests, beside the shim as the program is.
for test_exe in "${unit_tests[@]}"; do
  name=$(basename "$test_exe")
  cp "$test_exe" "$bin/$name"
  if (cd "$bin" && "$wine" "$name" </dev/null >"$work/unit.out" 2>&1); then
    pass "unit tests $name: $(grep -o '[0-9]* passed' "$work/unit.out" | tail -1)"
  else
    cat "$work/unit.out" >&2
    fail "unit tests $name"
  fi
done

if [ "$failures" != 0 ]; then
  echo "windows: $failures checks failed" >&2
  exit 1
fi
echo "windows: all checks passed"
