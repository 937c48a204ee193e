#!/usr/bin/env bash
# Installs what the build needs and a fresh clone lacks: the wasm32 Rust target, the
# wasm-bindgen CLI at exactly the version Cargo.lock pins, and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate exactly, or the generated glue refuses to load.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  # Not --locked: its lock file names a crate release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wanted"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
