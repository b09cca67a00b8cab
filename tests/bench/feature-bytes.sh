#!/usr/bin/env bash
# Prints what one cargo feature of the widget adds to the wasm: the release widget with every
# default feature, and without FEATURE, through the same wasm-bindgen and wasm-opt -Oz, compressed
# with brotli -q 11. Usage: tests/bench/feature-bytes.sh search|hydration
set -euo pipefail
cd "$(dirname "$0")/../.."
feature=${1:?usage: feature-bytes.sh FEATURE (search or hydration)}
defaults=(search hydration)
others=$(printf '%s\n' "${defaults[@]}" | grep -vx "$feature" | paste -sd, -)
out=target/bench/feature-bytes
mkdir -p "$out"
size_of() {
  local name=$1; shift
  cargo build --quiet --release --target wasm32-unknown-unknown --bin protocol-guide-app "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" target/wasm32-unknown-unknown/release/protocol-guide-app.wasm
  wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/$name/protocol-guide-app_bg.wasm" -o "$out/$name/opt.wasm"
  brotli -q 11 -c "$out/$name/opt.wasm" | wc -c
}
with=$(size_of with)
without=$(size_of "without-$feature" --no-default-features --features "$others")
printf '%s in the wasm: %d bytes brotli with, %d without: it adds %d bytes (%.1f KB)\n' "$feature" "$with" "$without" $((with - without)) "$(echo "($with - $without)/1000" | bc -l)"
