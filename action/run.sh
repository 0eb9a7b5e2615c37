#!/usr/bin/env bash
# Step 6 of the zuora-token action: fetch a token with zuora-token (from
# PATH), mask it in the job's log, put ZUORA_ACCESS_TOKEN,
# ZUORA_TOKEN_EXPIRES_AT and ZUORA_BASE_URL (and ZUORA_ENTITY_ID,
# ZUORA_ORG_IDS, ZUORA_TRACK_ID where configured) in the job's environment
# for its later steps (GITHUB_ENV), and set the step outputs `token`,
# `expires-at` and `base-url` (GITHUB_OUTPUT).
#
# The action's inputs arrive as INPUT_* variables. Each one that is not
# empty becomes zuora-token's flag, and flags beat environment variables:
# so settings the job gives as ZUORA_* variables still apply where an input
# is left empty, and a second use of the action in a job is not steered by
# the ZUORA_BASE_URL that the first one exported. The client secret is the
# exception: a command line can be read by every process on the machine, so
# the secret goes to zuora-token in its environment, as ZUORA_CLIENT_SECRET.
#
# On failure zuora-token's message is on stderr, nothing is written to
# GITHUB_ENV or GITHUB_OUTPUT, and the step fails with zuora-token's exit code.
set -euo pipefail

fail() { # CODE MESSAGE
  printf '::error title=zuora-token::%s\n' "$2"
  exit "$1"
}

for name in GITHUB_ENV GITHUB_OUTPUT; do
  [ -n "${!name:-}" ] || fail 2 "$name is not set: this script is a step of the zuora-token action"
  # As zuora-token does with GITHUB_ENV: nothing is fetched for nothing.
  : >>"${!name}" || fail 1 "cannot append to \$$name (${!name})"
done

args=()
flag() { # FLAG VALUE: `FLAG=VALUE` if VALUE is not empty (`=`: a value may start with `-`)
  if [ -n "$2" ]; then args+=("$1=$2"); fi
}
flag --profile "${INPUT_PROFILE:-}"
flag --config "${INPUT_CONFIG:-}"
flag --environment "${INPUT_ENVIRONMENT:-}"
flag --base-url "${INPUT_BASE_URL:-}"
flag --token-url "${INPUT_TOKEN_URL:-}"
flag --client-id "${INPUT_CLIENT_ID:-}"
flag --entity-id "${INPUT_ENTITY_ID:-}"
flag --track-id "${INPUT_TRACK_ID:-}"
flag --org-ids "${INPUT_ORG_IDS:-}"
flag --ca-bundle "${INPUT_CA_BUNDLE:-}"
flag --timeout "${INPUT_TIMEOUT:-}"
flag --retries "${INPUT_RETRIES:-}"
case "${INPUT_VERBOSE:-}" in
  true) args+=(--verbose) ;;
  false | '') ;;
  *) fail 2 "the input verbose must be true or false, not '$INPUT_VERBOSE'" ;;
esac

if [ -n "${INPUT_CLIENT_SECRET:-}" ]; then
  export ZUORA_CLIENT_SECRET="$INPUT_CLIENT_SECRET"
  # The input is the secret: a ZUORA_CLIENT_SECRET_FILE of the job's would
  # be a second source at the same level, which zuora-token refuses.
  unset ZUORA_CLIENT_SECRET_FILE
fi
unset INPUT_CLIENT_SECRET

# zuora-token appends the variables to a private file (mktemp: mode 0600),
# read back here for the outputs, then to the job's GITHUB_ENV.
vars=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/zuora-token-env.XXXXXX")
trap 'rm -f "$vars"' EXIT

# It prints the ::add-mask:: line itself, before anything else can show the
# token.
status=0
GITHUB_ENV=$vars zuora-token ${args[@]+"${args[@]}"} env --shell github || status=$?
if [ "$status" != 0 ]; then
  fail "$status" "zuora-token exited with code $status: no token (its message is above)"
fi

token='' expires_at='' base_url='' configured=''
while IFS= read -r line; do
  case ${line%%=*} in
    ZUORA_ACCESS_TOKEN) token=${line#*=} ;;
    ZUORA_TOKEN_EXPIRES_AT) expires_at=${line#*=} ;;
    ZUORA_BASE_URL) base_url=${line#*=} ;;
    ZUORA_ENTITY_ID | ZUORA_ORG_IDS | ZUORA_TRACK_ID) configured+="$line"$'\n' ;;
    *) fail 1 "zuora-token env --shell github wrote a line other than its variables" ;;
  esac
done <"$vars"
if [ -z "$token" ] || [ -z "$expires_at" ] || [ -z "$base_url" ]; then
  fail 1 "zuora-token env --shell github did not write the three variables"
fi

# printf is a builtin: the token is in no process's arguments. Its values
# are plain (zuora-token checks), so one line each is safe in both files.
printf 'ZUORA_ACCESS_TOKEN=%s\nZUORA_TOKEN_EXPIRES_AT=%s\nZUORA_BASE_URL=%s\n%s' \
  "$token" "$expires_at" "$base_url" "$configured" >>"$GITHUB_ENV"
printf 'token=%s\nexpires-at=%s\nbase-url=%s\n' \
  "$token" "$expires_at" "$base_url" >>"$GITHUB_OUTPUT"
