#!/usr/bin/env bash
# Builds the release widget and the minimal Yew reference page, then prints the performance table:
# transfer sizes (brotli -q 11, gzip -9) against their floors, time to the first question and
# per-step latency at 4x CPU throttling, and memory. Timings are printed, not judged.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test_tools
trunk build --release
(cd tests/bench/minimal && trunk build --release)
cargo build --quiet --bin protocol-guide
export PROTOCOL_GUIDE_CLI="$PWD/target/debug/protocol-guide"
node tests/bench/bench.mjs --runs "${RUNS:-7}"
cargo build --quiet --release --bin protocol-guide
echo
echo "Search, native (protocol-guide bench-search):"
target/release/protocol-guide bench-search
bash tests/bench/search-bytes.sh
