#!/usr/bin/env bash
# dev.sh: the one script that sets up a machine for jobscope and runs it.
#
#   ./dev.sh serve   install what is missing, then serve the app on http://127.0.0.1:8080
#   ./dev.sh test    install what is missing, then run every check (what CI runs)
#   ./dev.sh setup   only install what is missing
#   ./dev.sh build   install what is missing, then build the release bundle in dist/ and report its size
#   ./dev.sh fuzz [SECONDS]   run every fuzz target for SECONDS (default 60) each
#
# Every install step first checks whether the exact tool is already there, so a second run
# costs a few seconds. Nothing here downloads a binary from outside the package registries
# (crates.io, npm, Debian apt): Trunk runs with --offline and its tools are pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"
FUZZ_TARGETS="analyze schedule missed simulate"
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

  # npm packages: binaryen's wasm-opt (Debian's v108 breaks the module), esbuild and CodeMirror
  # (the editor bundle), playwright-core.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  wasm-opt --version | grep -q "version 132" || die "wasm-opt is not binaryen 132: $(command -v wasm-opt)"

  # The editor bundle (CodeMirror + web/src/editor.js, by esbuild from node_modules): every
  # wasm32 build imports it (src/ui/bridge.rs), clippy and the wasm tests included. Rewritten
  # only when its content changes; Trunk's pre_build hook runs the same script.
  node web/build.mjs

  # Fuzzing: cargo-fuzz (crates.io) on the nightly toolchain (libFuzzer needs its sanitizers).
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "installing the nightly toolchain (the fuzz targets need it)"
    rustup toolchain install nightly --profile minimal ||
      die "the fuzz targets need a nightly toolchain (rustup toolchain install nightly --profile minimal)"
  fi
  # The release bundle rebuilds std with nightly cargo (release_build below).
  if ! rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
    log "adding rust-src to the nightly toolchain (the release build rebuilds std from it)"
    rustup component add rust-src --toolchain nightly ||
      die "the release build needs rust-src on nightly (rustup component add rust-src --toolchain nightly)"
  fi
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi

  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# The release bundle in dist/. Trunk runs nightly cargo, which rebuilds std for wasm32 with the
# release profile's opt-level "z" (-Zbuild-std; the prebuilt std is tuned for speed), and panics
# trap at once instead of formatting a message (-Cpanic=immediate-abort; the editor bridge
# reports the trap, src/ui/crash.rs). Measured on the same source (gzip -9): 521.3 KB of wasm
# with stable, 505.8 with build-std alone, 488.7 with both. RUSTFLAGS replaces .cargo/config.toml's
# flags, so it repeats the erase_components cfg. Every other build (tests, clippy, `serve`)
# uses stable, with the panic hook's full message.
release_build() {
  RUSTUP_TOOLCHAIN=nightly \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort" \
    trunk build --release --offline
}

serve() {
  setup
  log "serving on http://127.0.0.1:8080"
  exec trunk serve --offline --address 127.0.0.1 --port 8080
}

# Runs every fuzz target for $1 seconds (default 60) from the committed corpus; new inputs go to
# a scratch copy, so the committed corpus only grows on purpose (`fuzz/corpus/<target>/`).
fuzz() {
  local seconds="${1:-60}" scratch target
  scratch="$(mktemp -d)"
  for target in $FUZZ_TARGETS; do
    log "fuzzing $target for ${seconds}s"
    mkdir -p "$scratch/$target"
    local status=0
    cargo +nightly fuzz run -O "$target" "$scratch/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
      >"$scratch/$target.log" 2>&1 || status=$?
    grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)' "$scratch/$target.log" || true
    if [ "$status" != 0 ]; then
      tail -40 "$scratch/$target.log" >&2
      rm -rf "$scratch"
      die "fuzz target $target failed (the input is in fuzz/artifacts/$target)"
    fi
  done
  rm -rf "$scratch"
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

  log "release build (trunk, nightly std)"
  release_build
  node scripts/size-report.mjs dist

  log "fuzzing (a minute per target)"
  fuzz 60

  log "end-to-end tests in headless Chromium"
  node --test tests/e2e/
}

case "${1:-}" in
  serve) serve ;;
  test) run_tests ;;
  setup) setup ;;
  build) setup; release_build; node scripts/size-report.mjs dist ;;
  fuzz) setup; fuzz "${2:-60}" ;;
  *) echo "usage: $0 serve|test|setup|build|fuzz [SECONDS]" >&2; exit 2 ;;
esac
