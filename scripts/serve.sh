#!/usr/bin/env bash
# Installs whatever is missing, builds the release widget and serves it on http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_build_tools
log "serving on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec trunk serve --release --port "${PORT:-8080}"
