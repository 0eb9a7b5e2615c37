#!/usr/bin/env bash
# Step 2 of the zuora-token action: install zuora-token from a release
# archive into ZUORA_TOKEN_ROOT (the runner's tool cache, key.sh), if a
# release fits, so that nothing is built.
#
# Which release: the input `version` (INPUT_VERSION) if given, else the
# version in the action's own Cargo.toml, as tag v<version>, of the
# action's repository (github.action_repository, which GitHub leaves empty
# in some composite actions: then Cargo.toml's `repository`) on the
# runner's GitHub (GITHUB_SERVER_URL). Which archive: the runner's OS and
# architecture (RUNNER_OS, RUNNER_ARCH), named as scripts/package names it.
#
# The archive is checked against the release's SHA256SUMS before anything
# is extracted: a missing line or another SHA-256 fails the step. Without
# `version`, the release is used only if it was built from the sources of
# this checkout of the action (SOURCES.sha256 in the archive, the digest
# key.sh made, ZUORA_TOKEN_DIGEST): so a branch, a commit between releases
# or a fork is built from source, as is a release that does not exist
# (404) or a platform without archives. The step output `installed` says
# whether zuora-token is in ZUORA_TOKEN_ROOT; if not, install.sh builds it.
#
# Needs bash, curl, tar (unzip on Windows) and sha256sum or shasum, which
# GitHub's hosted runners have.
set -euo pipefail

fail() { # CODE MESSAGE
  printf '::error title=zuora-token::%s\n' "$2"
  exit "$1"
}

for name in GITHUB_ACTION_PATH GITHUB_OUTPUT ZUORA_TOKEN_ROOT ZUORA_TOKEN_DIGEST; do
  [ -n "${!name:-}" ] || fail 2 "$name is not set: this script is a step of the zuora-token action"
done
root=$ZUORA_TOKEN_ROOT
version=${INPUT_VERSION:-}
version=${version#v}

installed() { # true|false
  printf 'installed=%s\n' "$1" >>"$GITHUB_OUTPUT"
  exit 0
}
# No release to use: build from source, unless a version was asked for.
no_release() { # MESSAGE
  [ -z "${INPUT_VERSION:-}" ] || fail 1 "$1"
  echo "zuora-token: $1: building it from source"
  installed false
}

if [ -x "$root/bin/zuora-token" ] || [ -x "$root/bin/zuora-token.exe" ]; then
  echo "zuora-token: already installed in $root"
  installed true
fi

case ${RUNNER_OS:-}-${RUNNER_ARCH:-} in
  Linux-X64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64) target=aarch64-unknown-linux-musl ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) no_release "no release archive for a ${RUNNER_OS:-unknown} ${RUNNER_ARCH:-unknown} runner" ;;
esac
case $target in
  *windows*) exe=.exe suffix=.zip ;;
  *) exe='' suffix=.tar.gz ;;
esac

manifest="$GITHUB_ACTION_PATH/Cargo.toml"
if [ -z "$version" ]; then
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$manifest" | head -n 1)
fi
repository=${ZUORA_TOKEN_REPOSITORY:-}
if [ -z "$repository" ]; then
  repository=$(sed -n 's|^repository = "[a-z]*://[^/]*/\(.*\)"$|\1|p' "$manifest" | head -n 1)
fi
if [ -z "$version" ] || [ -z "$repository" ]; then
  fail 1 "cannot read the version and repository from $manifest"
fi
base="zuora-token-$version-$target"
release="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/v$version"

temp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/zuora-token-download.XXXXXX")
trap 'rm -rf "$temp"' EXIT

# A redirect (GitHub's go to its storage) only to https; at most 100 MB.
fetch() { # NAME: into $temp; prints the HTTP status (000: no answer)
  curl --silent --show-error --location --retry 3 --proto '=https,http' \
    --proto-redir '=https' --max-filesize 100M \
    --output "$temp/$1" --write-out '%{http_code}' "$release/$1" || true
}
status=$(fetch SHA256SUMS)
case $status in
  200) ;;
  404) no_release "no release v$version at $release" ;;
  *) fail 1 "cannot download $release/SHA256SUMS (HTTP status $status)" ;;
esac
status=$(fetch "$base$suffix")
case $status in
  200) ;;
  404) no_release "release v$version has no $base$suffix" ;;
  *) fail 1 "cannot download $release/$base$suffix (HTTP status $status)" ;;
esac

# The archive's line of SHA256SUMS ("<sha256>  <name>", or " *<name>"),
# exactly one, before anything is extracted.
expected=$(awk -v name="$base$suffix" '$2 == name || $2 == "*" name { print $1 }' "$temp/SHA256SUMS")
[[ $expected =~ ^[0-9a-f]{64}$ ]] ||
  fail 1 "SHA256SUMS of release v$version has no (single) line for $base$suffix: not installed"
if command -v sha256sum >/dev/null; then sha256=(sha256sum); else sha256=(shasum -a 256); fi
actual=$("${sha256[@]}" <"$temp/$base$suffix")
actual=${actual%% *}
[ "$actual" = "$expected" ] ||
  fail 1 "$base$suffix has SHA-256 $actual, but SHA256SUMS of release v$version says $expected: not installed"

mkdir "$temp/x"
if [ "$suffix" = .zip ]; then
  unzip -q "$temp/$base$suffix" -d "$temp/x"
else
  tar -xzf "$temp/$base$suffix" -C "$temp/x"
fi
dir="$temp/x/$base"
if [ -z "${INPUT_VERSION:-}" ]; then
  built_from=$(cat "$dir/SOURCES.sha256" 2>/dev/null || true)
  [ "$built_from" = "$ZUORA_TOKEN_DIGEST" ] ||
    no_release "release v$version was built from other sources than this ref of the action"
fi
mkdir -p "$temp/root/bin" "$(dirname "$root")"
for program in zuora-token zuora-token-keyring; do
  mv "$dir/$program$exe" "$temp/root/bin/" ||
    fail 1 "$base$suffix has no $program$exe"
done
rm -rf "$root"
mv "$temp/root" "$root"
echo "zuora-token: installed release v$version ($target) in $root, its SHA-256 checked against SHA256SUMS"
installed true
