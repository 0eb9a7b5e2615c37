#!/usr/bin/env bash
# Step 1 of the zuora-token action: where its build of zuora-token lives, and
# the key that build is cached under between workflow runs.
#
# The key is made of the runner's OS, architecture and image (a binary built
# on one Ubuntu release may not run on an older one) and a SHA-256 of the
# sources the binary is built from, as checked out for this use of the
# action (GITHUB_ACTION_PATH). So a moving tag such as v1 gets a new build
# when the code behind it changes, and only then. (GitHub's hashFiles()
# cannot do this: it reads only the workspace, and the action's checkout is
# not in it.)
#
# Writes the step outputs `key` and `root` (for `cargo install --root`).
set -euo pipefail

fail() { # CODE MESSAGE
  printf '::error title=zuora-token::%s\n' "$2"
  exit "$1"
}

for name in GITHUB_ACTION_PATH GITHUB_OUTPUT; do
  [ -n "${!name:-}" ] || fail 2 "$name is not set: this script is a step of the zuora-token action"
done

if command -v sha256sum >/dev/null; then sha256=(sha256sum); else sha256=(shasum -a 256); fi

# Every file the binary is built from, in a fixed order, as lines of
# "<sha256>  <path>" (the same from sha256sum and shasum), then their SHA-256.
digest=$(
  cd "$GITHUB_ACTION_PATH"
  find Cargo.toml Cargo.lock src -type f -print0 | LC_ALL=C sort -z |
    xargs -0 "${sha256[@]}" | "${sha256[@]}"
)
digest=${digest%% *}
[ "${#digest}" = 64 ] || fail 1 "cannot hash the sources in $GITHUB_ACTION_PATH"

# A runner's tool cache outlives the job on self-hosted runners, so a build
# there is reused even without actions/cache.
root="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/zuora-token/${digest:0:16}"
key="zuora-token-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-${ImageOS:-self-hosted}-$digest"

printf 'key=%s\nroot=%s\n' "$key" "$root" >>"$GITHUB_OUTPUT"
