#!/usr/bin/env bash
# Writes link/hot-text.ld: the functions a cached call runs, which the
# linker then places together at the start of the text (see build.rs).
#
# Run it after a change to the cached path (or a new Rust or dependency
# version) and commit the result; a stale list costs only speed, never
# correctness. Needs valgrind. Usage: link/hot-text.sh
#
# How: a release build with its symbols kept runs the cached calls under
# callgrind against the project's fake Zuora (the README's demo set-up);
# every function of the binary that ran is named, its hash and the crate
# disambiguators made wildcards (they differ with the checkout's path and
# the compiler), so that the list matches the function's section in any
# build of the same code.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "hot-text: valgrind is needed" >&2; exit 1; }

target=target/hot-text
# Built without the present list: valgrind names no function outside
# `.text`.
ZUORA_TOKEN_NO_HOT_TEXT=1 CARGO_PROFILE_RELEASE_STRIP=false cargo build -q --release --target-dir "$target" \
  --bin zuora-token --example fake_zuora
work=$(mktemp -d)
trap '[ -n "${HOT_TEXT_KEEP:-}" ] || rm -rf "$work"' EXIT

# The calls, each once to fill the cache and once measured: with the demo
# profile from its config file, and with the credentials in the
# environment alone; as a token, as a header and as `env` prints it.
cat >"$work/calls.sh" <<'EOF'
set -eu
bin=$1 out=$2
demo=$(dirname "$ZUORA_TOKEN_CACHE_DIR")
id=$(sed -n 's/^client_id = "\(.*\)"$/\1/p' "$ZUORA_TOKEN_CONFIG" | head -n 1)
profile() { "$@"; }
plain() {
  env -u ZUORA_TOKEN_CONFIG HOME="$demo" XDG_CONFIG_HOME="$demo/none" \
    ZUORA_CLIENT_ID="$id" ZUORA_CLIENT_SECRET_FILE="$demo/client-secret" "$@"
}
n=0
for how in profile plain; do
  for args in "get" "get -o header" "env"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    "$how" "$bin" $args >/dev/null
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$how" valgrind -q --tool=callgrind --demangle=no \
      --callgrind-out-file="$out/$n.callgrind" "$bin" $args >/dev/null
  done
done
EOF
"$target/release/examples/fake_zuora" -- \
  bash "$work/calls.sh" "$PWD/$target/release/zuora-token" "$work" >/dev/null

# Callgrind names each object (ob=) and function (fn=, cfn=) in full once,
# as "(id) name", and by "(id)" after that; the ids are per file.
patterns=$(awk '
  function named(kind, text,   id) {
    match(text, /^\([0-9]+\)/)
    id = substr(text, 2, RLENGTH - 2)
    if (length(text) > RLENGTH) name[kind, id] = substr(text, RLENGTH + 2)
    return name[kind, id]
  }
  FNR == 1 { delete name }
  /^ob=/ { object = named("ob", substr($0, 4)) }
  /^cob=/ { named("ob", substr($0, 5)) }
  /^cfn=/ { named("fn", substr($0, 5)) }
  /^fn=/ {
    function_name = named("fn", substr($0, 4))
    if (object ~ /\/zuora-token$/ && function_name ~ /^(_ZN|_R|main$)/) print function_name
  }
' "$work"/*.callgrind |
  sed -E -e "s/'[0-9]+\$//" -e 's/\.llvm\.[0-9]+$//' -e 's/\.[0-9]+$//' \
    -e 's/17h[0-9a-f]{16}E/17h*E/g' -e 's/Cs[0-9A-Za-z]+_/Cs*_/g' |
  LC_ALL=C sort -u)
if grep -q '[][?"[:space:]]' <<<"$patterns"; then
  echo "hot-text: a function name the linker script cannot hold" >&2
  exit 1
fi

{
  echo '/* The functions a cached call runs, placed together at the start of the'
  echo '   text (see build.rs). Written by link/hot-text.sh: do not edit. */'
  echo 'SECTIONS'
  echo '{'
  echo '  .text.hot : {'
  while read -r f; do
    echo "    *(.text.$f .text.$f.* .text.unlikely.$f .text.unlikely.$f.*)"
  done <<<"$patterns"
  echo '  }'
  echo '}'
  echo 'INSERT BEFORE .text;'
} >link/hot-text.ld
echo "hot-text: $(wc -l <<<"$patterns") functions in link/hot-text.ld" >&2
