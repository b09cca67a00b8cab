#!/usr/bin/env bash
# Installs whatever is missing for building and testing; skips what is already there.
# Sourced by serve.sh and test.sh so that both share one PATH.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_root="${PROTOCOL_GUIDE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/protocol-guide-tools}"

log() { printf '[setup] %s\n' "$*" >&2; }

need_root_cmd() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# Each tool gets its own versioned root so a version bump never reuses a stale binary.
ensure_cargo_tool() {
  local crate=$1 version=$2 bin=$3; shift 3
  local root="$tools_root/$crate-$version"
  if [ ! -x "$root/bin/$bin" ]; then
    log "building $crate $version (one-off, cached in $root)"
    cargo install "$crate" --version "$version" --root "$root" "$@"
  fi
  PATH="$root/bin:$PATH"
}

ensure_npm_packages() {
  # Reinstall only when the lock file changes.
  local stamp="$repo_root/node_modules/.lock-sha256" wanted
  wanted="$(sha256sum "$repo_root/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    log "npm ci"
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$wanted" > "$stamp"
  fi
  PATH="$repo_root/node_modules/.bin:$PATH"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian chromium and chromium-driver"
    need_root_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive need_root_cmd apt-get install -y -qq chromium chromium-driver brotli >/dev/null
  fi
  if ! command -v brotli >/dev/null; then
    need_root_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive need_root_cmd apt-get install -y -qq brotli >/dev/null
  fi
}

setup_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  # wasm-bindgen-cli's own lock file names a yanked crate, so --locked cannot be used for it.
  ensure_cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  export PATH
}

setup_package_tools() {
  setup_build_tools
  ensure_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
  export PATH
}

setup_test_tools() {
  setup_package_tools
  ensure_chromium
}
