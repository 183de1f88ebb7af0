#!/usr/bin/env bash
# Runs a `./dev.sh` command the way a machine that never built jobscope would: from a fresh
# clone of this checkout's HEAD, with a new CARGO_HOME that holds only the tools already
# installed (trunk, wasm-bindgen, cargo-fuzz: compiling them again would take most of an hour
# and tests nothing of ours), so the cargo registry cache is empty: no crate of Cargo.lock and
# none of the nightly std's dependencies. A step that needs a crate it did not fetch fails here
# the way it fails on a new machine.
#
#   scripts/fresh-machine.sh [build|test|serve]    (default: build)
#
# The clone and the CARGO_HOME are left in a directory under /tmp (printed at the start) to look
# at; delete it afterwards (a test run there takes about 4 GB).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMAND="${1:-build}"
WORK="$(mktemp -d /tmp/jobscope-fresh.XXXXXX)"
echo "fresh-machine run of './dev.sh $COMMAND' in $WORK" >&2

git clone --quiet "$ROOT" "$WORK/jobscope"
mkdir -p "$WORK/cargo/bin"
# The installed tools, not rustup's proxies (cargo, rustc, … stay on PATH from ~/.cargo/bin).
for tool in trunk wasm-bindgen wasm-bindgen-test-runner wasm2es6js cargo-fuzz; do
  if [ -x "$HOME/.cargo/bin/$tool" ]; then
    cp "$HOME/.cargo/bin/$tool" "$WORK/cargo/bin/"
  fi
done

cd "$WORK/jobscope"
CARGO_HOME="$WORK/cargo" PATH="$WORK/cargo/bin:$PATH" ./dev.sh "$COMMAND"
