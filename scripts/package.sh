#!/usr/bin/env bash
# Builds the embeddable module as an npm-style package in pkg/ that a council web team can vendor:
#   pkg/protocol-guide.js  (the one script a page loads), the wasm and its glue, guide.css,
#   plain/ (every protocol as plain HTML, for readers without JavaScript), and package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_package_tools

rm -rf pkg
wasm-pack build --release --target web --mode no-install --out-dir pkg --out-name protocol-guide-app --no-pack
wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  pkg/protocol-guide-app_bg.wasm -o pkg/protocol-guide-app_bg.wasm
cp www/protocol-guide.js www/guide.css pkg/
cargo run --quiet --bin protocol-guide -- html --out pkg/plain
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
cat > pkg/package.json <<JSON
{
  "name": "council-protocol-guide",
  "version": "$version",
  "description": "Embeddable Councillor/Officer Protocol guide: <protocol-guide council=\"…\"> in any page. Runs entirely in the browser.",
  "type": "module",
  "module": "protocol-guide.js",
  "main": "protocol-guide.js",
  "files": ["protocol-guide.js", "protocol-guide-app.js", "protocol-guide-app_bg.wasm", "protocol-guide-app.d.ts", "guide.css", "plain/"],
  "sideEffects": ["protocol-guide.js"]
}
JSON
log "package written to pkg/: $(cd pkg && ls | tr '\n' ' ')"
