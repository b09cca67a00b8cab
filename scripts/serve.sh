#!/usr/bin/env bash
# Installs whatever is missing, builds the release widget and the authoring page, and serves them on
# http://127.0.0.1:8080/ (the authoring page at /author/). Run it again after a change; for the guide
# alone with rebuilds on change, `trunk serve --release` still works.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_build_tools
trunk build --release
# After the guide: its build empties dist/, and the authoring page lives in dist/author/.
(cd crates/protocol-author && trunk build --release)
log "serving on http://127.0.0.1:${PORT:-8080}/ and /author/ (Ctrl-C to stop)"
exec node scripts/serve-dist.mjs dist "${PORT:-8080}"
