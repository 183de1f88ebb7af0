#!/usr/bin/env bash
# Writes a stream of 10,000 documents (the page's examples' documents, cycled) to stdout: the
# input of the CLI's throughput and memory measurement (README "Benchmarks"):
#
#   scripts/stream-10k.sh > target/stream-10k.yaml
#   /usr/bin/time -v target/release/jobscope validate target/stream-10k.yaml --format json > /dev/null
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python3 - "$ROOT/public/examples" <<'PY'
import itertools, os, sys
folder = sys.argv[1]
texts = sorted(open(os.path.join(folder, name)).read() for name in os.listdir(folder))
documents = [d for t in texts for d in t.split("\n---\n") if "kind:" in d]
sys.stdout.write("\n---\n".join(itertools.islice(itertools.cycle(documents), 10_000)))
PY
