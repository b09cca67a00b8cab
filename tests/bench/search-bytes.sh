#!/usr/bin/env bash
# Prints what search adds to the wasm: the release widget with and without the `search` feature,
# through the same wasm-bindgen and wasm-opt -Oz, compressed with brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/bench/search-bytes
mkdir -p "$out"
size_of() {
  local features=$1 name=$2
  cargo build --quiet --release --target wasm32-unknown-unknown --bin protocol-guide-app $features
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" target/wasm32-unknown-unknown/release/protocol-guide-app.wasm
  wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/$name/protocol-guide-app_bg.wasm" -o "$out/$name/opt.wasm"
  brotli -q 11 -c "$out/$name/opt.wasm" | wc -c
}
with=$(size_of "" with)
without=$(size_of "--no-default-features" without)
printf 'search in the wasm: %d bytes brotli with, %d without: search adds %d bytes (%.1f KB)\n' "$with" "$without" $((with - without)) "$(echo "($with - $without)/1000" | bc -l)"
