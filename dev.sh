#!/usr/bin/env bash
# dev.sh: the one script that sets up a machine for jobscope and runs it.
#
#   ./dev.sh serve   install what is missing, then serve the app on http://127.0.0.1:8080
#   ./dev.sh test    install what is missing, then run every check (what CI runs)
#   ./dev.sh setup   only install what is missing (everything `test` needs)
#   ./dev.sh build   install what is missing, then build the release bundle in dist/ and report its size
#   ./dev.sh crash-build   the release bundle with the test-only crash-test feature, in
#                    target/dist-crash-test (./dev.sh test builds it for the end-to-end tests)
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
FUZZ_TARGETS="analyze schedule missed simulate simulate_long"
# The one nightly toolchain: the release bundle (-Zbuild-std, -Cpanic=immediate-abort) and the
# fuzz targets (libFuzzer's sanitizers). Pinned by date because both use unstable flags that a
# later nightly may rename or drop; everything else builds on stable.
# To move it forward: pick a newer date, then `./dev.sh build` (setup installs the toolchain and
# fetches its std's dependencies) and compare the size report with the last one,
# `./dev.sh fuzz 60`, and `./dev.sh test`; commit the new date with the sizes in the message.
# nightly-2026-05-20 is rustc 1.97.0-nightly (e50aa6fba 2026-05-19).
NIGHTLY="nightly-2026-05-20"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs an install step that can take minutes: says so once before it starts (so a first run does
# not look hung) and how long it took after.
long_step() {
  local what="$1" started=$SECONDS
  shift
  log "$what"
  "$@"
  log "done in $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s: ${what%%(*}"
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# What serving the page needs: the wasm32 target, Trunk, wasm-bindgen-cli, the npm packages, the
# editor bundle and the crates of Cargo.lock (Trunk runs cargo with --offline, so they must be in
# the registry cache before it does).
setup_serve() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    long_step "installing trunk $TRUNK_VERSION from crates.io (compiles ~400 crates: about 10 minutes on 2 cores, only the first time)" \
      cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  local wbg
  wbg="$(wasm_bindgen_version)"
  [ -n "$wbg" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Without --locked: the CLI's own lockfile does not resolve against this registry.
    long_step "installing wasm-bindgen-cli $wbg from crates.io (about 5 minutes, only the first time)" \
      cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # Trunk.toml pins the same version; a mismatch would make Trunk try to download.
  grep -q "^wasm_bindgen = \"$wbg\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$wbg\" (the version in Cargo.lock)"

  # npm packages: binaryen's wasm-opt (Debian's v108 breaks the module), esbuild and CodeMirror
  # (the editor bundle), playwright-core.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    long_step "installing npm packages (package-lock.json)" npm ci --no-audit --no-fund --loglevel=error
  fi
  wasm-opt --version | grep -q "version 132" || die "wasm-opt is not binaryen 132: $(command -v wasm-opt)"

  # The editor bundle (CodeMirror + web/src/editor.js, by esbuild from node_modules): every
  # wasm32 build imports it (src/ui/bridge.rs), clippy and the wasm tests included. Rewritten
  # only when its content changes; Trunk's pre_build hook runs the same script.
  node web/build.mjs

  # Every crate of Cargo.lock, for every target (Trunk's cargo runs --offline). Quick when they
  # are already in the registry cache.
  cargo fetch --locked
}

# What the release bundle adds: the pinned nightly with rust-src, and the crates its std depends
# on. -Zbuild-std resolves std's own dependencies (library/Cargo.lock in rust-src) from the
# registry, and Trunk's cargo runs --offline, so they are fetched here, through crates.io. Both
# targets: the std for wasm32 and the build scripts that run on this machine.
setup_release() {
  setup_serve
  install_nightly
  cargo "+$NIGHTLY" fetch --locked -Zbuild-std=std,panic_abort \
    --target wasm32-unknown-unknown --target "$(rustc -vV | sed -n 's/^host: //p')"
}

install_nightly() {
  if ! rustup toolchain list | grep -q "^$NIGHTLY"; then
    long_step "installing the $NIGHTLY toolchain with rust-src (the release build and the fuzz targets; about a minute, only the first time)" \
      rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
  elif ! rustup component list --toolchain "$NIGHTLY" --installed | grep -q '^rust-src'; then
    long_step "adding rust-src to $NIGHTLY (the release build rebuilds std from it)" \
      rustup component add rust-src --toolchain "$NIGHTLY"
  fi
}

# The fuzz targets: cargo-fuzz (crates.io) on the pinned nightly (libFuzzer needs its sanitizers).
setup_fuzz() {
  install_nightly
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    long_step "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io (about 3 minutes, only the first time)" \
      cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
}

# Everything `test` runs: the release tools, clippy and rustfmt, cargo-fuzz, Chromium.
setup_test() {
  setup_release
  setup_fuzz
  for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "adding rustup component $component"
      rustup component add "$component"
    fi
  done
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    long_step "installing chromium and chromium-driver from apt (a minute or two, only the first time)" \
      install_chromium
  fi
}

install_chromium() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
}

# The release bundle in dist/. Trunk runs the pinned nightly's cargo, which rebuilds std for
# wasm32 with the wasm-release profile's opt-level "z" (-Zbuild-std; the prebuilt std is tuned
# for speed), and panics trap at once instead of formatting a message (-Cpanic=immediate-abort;
# the editor bridge reports the trap, src/ui/crash.rs). Measured on the same source (gzip -9):
# 521.3 KB of wasm with stable, 505.8 with build-std alone, 488.7 with both. RUSTFLAGS replaces
# .cargo/config.toml's flags, so it repeats the erase_components cfg. Every other build (tests,
# clippy, `serve`) uses stable, with the panic hook's full message.
release_build() {
  RUSTUP_TOOLCHAIN="$NIGHTLY" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort" \
    trunk build --release --offline "$@"
}

# The release bundle with the test-only `crash-test` feature (a panic on purpose, see
# src/ui/crash.rs), in target/dist-crash-test for tests/e2e/crash.test.mjs. Never dist/.
crash_test_build() {
  release_build --features crash-test --dist target/dist-crash-test
}

serve() {
  setup_serve
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
    cargo "+$NIGHTLY" fuzz run -O "$target" "$scratch/$target" "fuzz/corpus/$target" -- \
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
  setup_test
  local chromedriver
  chromedriver="$(command -v chromedriver)"

  log "cargo fmt --check"
  cargo fmt --all --check

  log "clippy (host)"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  log "clippy (wasm32)"
  # Benches and the integration tests are native-only (criterion, proptest, the CLI binary).
  cargo clippy --lib --bins --test browser --locked --target wasm32-unknown-unknown -- -D warnings
  # Separately: checked together, Cargo would build the façade with the worker's simulation
  # feature for the page too, hiding a page that names the simulation.
  cargo clippy -p jobscope-worker --locked --target wasm32-unknown-unknown -- -D warnings

  # Early, because nothing else compiles them: the fuzz crate sits outside the workspace, so a
  # changed façade signature would otherwise fail here only after the release builds.
  log "fuzzing (a minute per target)"
  fuzz 60

  log "native tests"
  cargo test --workspace --locked

  log "SARIF output against the OASIS schema"
  cargo build --locked --bin jobscope
  scripts/check-sarif.sh target/debug/jobscope

  log "wasm tests in headless Chromium"
  CHROMEDRIVER="$chromedriver" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --test browser

  log "release build (trunk, nightly std)"
  release_build
  node scripts/size-report.mjs dist

  log "release build with the crash-test feature (target/dist-crash-test, for the e2e tests)"
  crash_test_build

  log "end-to-end tests in headless Chromium"
  node --test tests/e2e/

  # A report, not a test (the machine is noisy): Lighthouse's scores and the longest main-thread
  # tasks, written to target/lighthouse-report.json next to the size report.
  log "Lighthouse and long tasks (report)"
  node scripts/lighthouse.mjs dist 1
}

case "${1:-}" in
  serve) serve ;;
  test) run_tests ;;
  setup) setup_test ;;
  build) setup_release; release_build; node scripts/size-report.mjs dist ;;
  crash-build) setup_release; crash_test_build ;;
  fuzz) setup_fuzz; fuzz "${2:-60}" ;;
  *) echo "usage: $0 serve|test|setup|build|crash-build|fuzz [SECONDS]" >&2; exit 2 ;;
esac
