#!/usr/bin/env bash
# Step 4 of the zuora-token action: build zuora-token from the action's own
# checkout into ZUORA_TOKEN_ROOT, unless it is already there (installed
# from a release by download.sh, restored by actions/cache, or left by an
# earlier job on a self-hosted runner), and put it on PATH for the job's
# later steps (GITHUB_PATH).
#
# Needs cargo (Rust 1.89 or newer), which GitHub's hosted runners have.
set -euo pipefail

fail() { # CODE MESSAGE
  printf '::error title=zuora-token::%s\n' "$2"
  exit "$1"
}

for name in GITHUB_ACTION_PATH GITHUB_PATH ZUORA_TOKEN_ROOT; do
  [ -n "${!name:-}" ] || fail 2 "$name is not set: this script is a step of the zuora-token action"
done
root=$ZUORA_TOKEN_ROOT

if [ -x "$root/bin/zuora-token" ] || [ -x "$root/bin/zuora-token.exe" ]; then
  echo "zuora-token: using the build in $root"
else
  command -v cargo >/dev/null ||
    fail 1 "cargo is not installed: the zuora-token action builds zuora-token with it (install Rust 1.89 or newer in an earlier step)"
  # From the action's directory, so that the workspace's rust-toolchain.toml
  # and .cargo/config.toml, made for another project, play no part.
  cd "$GITHUB_ACTION_PATH"
  cargo install --locked --path "$GITHUB_ACTION_PATH" --root "$root"
fi

printf '%s\n' "$root/bin" >>"$GITHUB_PATH"
