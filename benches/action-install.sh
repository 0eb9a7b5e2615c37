#!/usr/bin/env bash
# The GitHub Action's install steps as a runner runs them (action.yml:
# key.sh, download.sh, install.sh), on a Linux X64 runner whose GitHub is
# the release host at GITHUB_SERVER_URL, into a fresh tool cache; then the
# installed zuora-token's --version. Run by benches/cli.rs, which times it:
#
#   RUNNER_TOOL_CACHE=DIR GITHUB_SERVER_URL=URL benches/action-install.sh
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GITHUB_ACTION_PATH=$repo GITHUB_OUTPUT=$work/output GITHUB_PATH=$work/path
export RUNNER_OS=Linux RUNNER_ARCH=X64
: >"$GITHUB_OUTPUT"
rm -rf "$RUNNER_TOOL_CACHE"
bash "$repo/action/key.sh"
root=$(sed -n 's/^root=//p' "$GITHUB_OUTPUT")
digest=$(sed -n 's/^digest=//p' "$GITHUB_OUTPUT")
ZUORA_TOKEN_ROOT=$root ZUORA_TOKEN_DIGEST=$digest bash "$repo/action/download.sh"
grep -qx 'installed=true' "$GITHUB_OUTPUT" || { echo "not installed from the release" >&2; exit 1; }
ZUORA_TOKEN_ROOT=$root bash "$repo/action/install.sh"
"$(tail -n 1 "$GITHUB_PATH")/zuora-token" --version
