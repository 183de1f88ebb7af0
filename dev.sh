#!/usr/bin/env bash
# dev.sh: the one script that sets up a machine for jobscope and runs it.
#
#   ./dev.sh serve   install what is missing, then serve the app on http://127.0.0.1:8080
#   ./dev.sh test    install what is missing, then run every check (what CI runs)
#   ./dev.sh setup   only install what is missing
#
# Every install step first checks whether the exact tool is already there, so a second run
# costs a few seconds. Nothing here downloads a binary from outside the package registries
# (crates.io, npm, Debian apt): Trunk runs with --offline and its tools are pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "adding rustup component $component"
      rustup component add "$component"
    fi
  done

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  local wbg
  wbg="$(wasm_bindgen_version)"
  [ -n "$wbg" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    log "installing wasm-bindgen-cli $wbg (a few minutes, once)"
    # Without --locked: the CLI's own lockfile does not resolve against this registry.
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # Trunk.toml pins the same version; a mismatch would make Trunk try to download.
  grep -q "^wasm_bindgen = \"$wbg\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$wbg\" (the version in Cargo.lock)"

  # npm packages: binaryen's wasm-opt (Debian's v108 breaks the module), esbuild, playwright-core.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  wasm-opt --version | grep -q "version 132" || die "wasm-opt is not binaryen 132: $(command -v wasm-opt)"

  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

serve() {
  setup
  log "serving on http://127.0.0.1:8080"
  exec trunk serve --offline --address 127.0.0.1 --port 8080
}

run_tests() {
  setup
  local chromedriver
  chromedriver="$(command -v chromedriver)"

  log "cargo fmt --check"
  cargo fmt --all --check

  log "clippy (host)"
  cargo clippy --all-targets --locked -- -D warnings
  log "clippy (wasm32)"
  # Benches and the integration tests are native-only (criterion, proptest, the CLI binary).
  cargo clippy --lib --bins --test browser --locked --target wasm32-unknown-unknown -- -D warnings

  log "native tests"
  cargo test --locked

  log "wasm tests in headless Chromium"
  CHROMEDRIVER="$chromedriver" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --test browser

  log "release build (trunk)"
  trunk build --release --offline
  node scripts/size-report.mjs dist

  log "end-to-end tests in headless Chromium"
  node --test tests/e2e/
}

case "${1:-}" in
  serve) serve ;;
  test) run_tests ;;
  setup) setup ;;
  *) echo "usage: $0 serve|test|setup" >&2; exit 2 ;;
esac
