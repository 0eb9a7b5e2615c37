#!/usr/bin/env bash
# Step 1 of the zuora-token action: where its build of zuora-token lives, and
# the key that build is cached under between workflow runs.
#
# The key is made of the runner's OS, architecture and image (a binary built
# on one Ubuntu release may not run on an older one) and a SHA-256 of the
# sources the binary is built from, as checked out for this use of the
# action (GITHUB_ACTION_PATH; sources.sh says which files). So a moving tag
# such as v1 gets a new build when the code behind it changes, and only
# then. (GitHub's hashFiles() cannot do this: it reads only the workspace,
# and the action's checkout is not in it.)
#
# Writes the step outputs `key`, `root` (for `cargo install --root`, and
# where download.sh puts a release's binaries) and `digest` (the sources').
# With the input `version` (INPUT_VERSION), the root is that release's.
set -euo pipefail

fail() { # CODE MESSAGE
  printf '::error title=zuora-token::%s\n' "$2"
  exit "$1"
}

for name in GITHUB_ACTION_PATH GITHUB_OUTPUT; do
  [ -n "${!name:-}" ] || fail 2 "$name is not set: this script is a step of the zuora-token action"
done

digest=$(bash "$GITHUB_ACTION_PATH/action/sources.sh" "$GITHUB_ACTION_PATH") ||
  fail 1 "cannot hash the sources in $GITHUB_ACTION_PATH"

# A runner's tool cache outlives the job on self-hosted runners, so a build
# there is reused even without actions/cache.
cache="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/zuora-token"
root="$cache/${digest:0:16}"
version=${INPUT_VERSION:-}
if [ -n "$version" ]; then
  [[ $version =~ ^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
    fail 2 "the input version must be a release's version such as 1.2.3, not '$version'"
  root="$cache/v${version#v}"
fi
key="zuora-token-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-${ImageOS:-self-hosted}-$digest"

printf 'key=%s\nroot=%s\ndigest=%s\n' "$key" "$root" "$digest" >>"$GITHUB_OUTPUT"
