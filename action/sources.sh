#!/usr/bin/env bash
# Prints the SHA-256 that names the sources zuora-token is built from, in
# the checkout DIR: every file of Cargo.toml, Cargo.lock and src/, in a
# fixed order, as lines of "<sha256>  <path>" (the same from sha256sum and
# shasum), then their SHA-256. The action's cache key and tool-cache
# directory (key.sh) are made of it, and scripts/package writes it into
# each release archive (SOURCES.sha256), so that the action uses a release
# only if it was built from the very sources of its own checkout.
#
# Usage: sources.sh DIR
set -euo pipefail

[ $# = 1 ] || { echo "usage: sources.sh DIR" >&2; exit 2; }
if command -v sha256sum >/dev/null; then sha256=(sha256sum); else sha256=(shasum -a 256); fi
digest=$(
  cd "$1"
  find Cargo.toml Cargo.lock src -type f -print0 | LC_ALL=C sort -z |
    xargs -0 "${sha256[@]}" | "${sha256[@]}"
)
digest=${digest%% *}
[ "${#digest}" = 64 ] || { echo "cannot hash the sources in $1" >&2; exit 1; }
printf '%s\n' "$digest"
