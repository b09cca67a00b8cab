#!/usr/bin/env bash
# Prints what search adds to the wasm (see feature-bytes.sh).
exec "$(dirname "$0")/feature-bytes.sh" search
