#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native core and CLI tests, component tests
# in headless Chromium, and Playwright end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test_tools
export CHROMEDRIVER=/usr/bin/chromedriver

stage() { printf '\n==> %s\n' "$*" >&2; }

stage "formatting and lints"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p protocol-guide-widget --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p protocol-author --all-targets -- -D warnings
cargo clippy --locked -p protocol-guide-widget --features ssr --bins -- -D warnings

stage "native tests: core, loader, flows, path tables, CLI, the widget's reducer, the authoring page's edits"
cargo test --locked -p protocol-core -p protocol-guide-cli -p protocol-author
cargo test --locked -p protocol-guide-widget --lib
cargo build --locked -q --bin protocol-guide
export PROTOCOL_GUIDE_CLI="$PWD/target/debug/protocol-guide"

stage "protocol files validate"
"$PROTOCOL_GUIDE_CLI" validate protocols/*.toml

stage "component tests in headless Chromium (wasm-bindgen-test)"
PROTOCOL_GUIDE_TEST_FIXTURES=1 cargo test --locked --target wasm32-unknown-unknown -p protocol-guide-widget

# Built once each; every browser test below reuses these.
stage "release build (dist/)"
trunk build --release
# After the guide: its build empties dist/, and the authoring page lives in dist/author/.
stage "authoring page (dist/author/)"
(cd crates/protocol-author && trunk build --release)
stage "release build with test fixtures (target/dist-fixtures/)"
PROTOCOL_GUIDE_TEST_FIXTURES=1 trunk build --release --dist target/dist-fixtures
stage "npm-style package (pkg/)"
bash scripts/package.sh
stage "benchmark reference floor: a minimal Yew page (target/bench/minimal/)"
(cd tests/bench/minimal && trunk build --release)

stage "size check against the budget and its ceiling"
node tests/bench/bench.mjs --size-only

stage "end-to-end tests in headless Chromium (Playwright)"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
