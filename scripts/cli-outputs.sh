#!/usr/bin/env bash
# Runs a jobscope CLI binary over every fixture, example and scenario of this checkout and writes
# each command's stdout, stderr and exit code under OUT, one file per run, so two builds can be
# compared byte for byte (`diff -r OUT_A OUT_B`): the check behind every refactor that must not
# change behaviour.
#
#   scripts/cli-outputs.sh target/release/jobscope /tmp/outputs-after
#
# The runs: `validate` (text and JSON) of every YAML fixture and example, `simulate` (text and
# JSON) of every scenario, each case of tests/fixtures/cli/, `rules`, and `next`/`explain`/
# `missed` over a grid of schedules and zones. `--now` is fixed so the outputs do not drift.
set -uo pipefail
BIN="$(realpath "$1")"
OUT="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rm -rf "$OUT"
mkdir -p "$OUT"
NOW="2026-01-01T00:00:00Z"

run() {
  local name="$1"
  shift
  local file="$OUT/$(printf '%s' "$name" | tr '/ ' '__')"
  "$BIN" "$@" >"$file.out" 2>"$file.err"
  echo $? >"$file.code"
}

while IFS= read -r yaml; do
  run "validate-text-$yaml" validate "$yaml" --now "$NOW"
  run "validate-json-$yaml" validate "$yaml" --now "$NOW" --format json
done < <(find tests/fixtures/validate tests/fixtures/lint public/examples $(ls -d ../shared/examples 2>/dev/null) -name '*.yaml' | grep -v '\.scenario\.yaml$' | sort)

while IFS= read -r scenario; do
  run "simulate-text-$scenario" simulate "$scenario"
  run "simulate-json-$scenario" simulate "$scenario" --format json
done < <(find tests/fixtures/simulate -name '*.scenario.yaml' | sort)

# Long runs the fixtures do not reach: a minutely CronJob for three days under each policy (the
# controllers' pools and the evaluator's remembered chain), a failing and overlapping one in a
# DST zone, and a large Indexed Job.
SCRATCH="$(mktemp -d)"
for policy in Allow Forbid Replace; do
  cat >"$SCRATCH/minutely-$policy.scenario.yaml" <<YAML
manifest: |
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: every-minute}
  spec:
    schedule: "* * * * *"
    concurrencyPolicy: $policy
    jobTemplate:
      spec:
        backoffLimit: 1
        template:
          spec:
            restartPolicy: Never
            containers: [{name: main, image: busybox}]
until: 72h
seed: 7
pods:
  - when: {attempt: 0}
    runFor: {uniform: [20s, 100s]}
    exitCode: 1
  - runFor: 45s
YAML
done
cat >"$SCRATCH/dst-new-york.scenario.yaml" <<YAML
manifest: |
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: dst}
  spec:
    schedule: "*/5 1-3 * * *"
    timeZone: America/New_York
    startingDeadlineSeconds: 100
    concurrencyPolicy: Forbid
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{name: main, image: busybox}]
start: "2026-03-07T00:00:00Z"
until: 72h
pods:
  - runFor: 7m
    exitCode: 2
actions:
  - {at: 30h, controllerDown: 2h}
  - {at: 40h, patch: {spec: {schedule: "*/7 * * * *"}}}
  - {at: 50h, suspend: true}
  - {at: 55h, suspend: false}
YAML
cat >"$SCRATCH/indexed.scenario.yaml" <<YAML
manifest: |
  apiVersion: batch/v1
  kind: Job
  metadata: {name: big}
  spec:
    completionMode: Indexed
    completions: 5000
    parallelism: 200
    backoffLimitPerIndex: 1
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
seed: 3
pods:
  - when: {attempt: 0}
    runFor: {uniform: [1s, 30s]}
    exitCode: 1
  - runFor: {uniform: [1s, 30s]}
YAML
for scenario in "$SCRATCH"/*.scenario.yaml; do
  run "simulate-text-$(basename "$scenario")" simulate "$scenario"
  run "simulate-json-$(basename "$scenario")" simulate "$scenario" --format json
done
rm -rf "$SCRATCH"

for case in tests/fixtures/cli/*.json; do
  mapfile -t args < <(node -e 'for (const a of JSON.parse(require("fs").readFileSync(process.argv[1])).args) console.log(a)' "$case")
  run "cli-$(basename "$case")" "${args[@]}"
done

run rules-text rules
run rules-json rules --format json

n=0
for schedule in "0 2 * * *" "30 2 * * *" "*/15 1-3 * * *" "0 0 29 2 *" "@every 90m" "@hourly" "0 9-17 * * 1-5" "5 4 31 * *" "0 0 * * 7" "61 * * * *"; do
  for zone in "" "America/New_York" "Europe/London" "Australia/Lord_Howe" "Pacific/Chatham" "Nowhere/Zone"; do
    n=$((n + 1))
    tz=()
    [ -n "$zone" ] && tz=(--time-zone "$zone")
    run "next-$n" next --schedule "$schedule" "${tz[@]}" --from "$NOW" --count 30 --format json
    run "explain-$n" explain --schedule "$schedule" "${tz[@]}" --now "$NOW"
    run "explain-json-$n" explain --schedule "$schedule" "${tz[@]}" --now "$NOW" --format json
    run "missed-$n" missed --schedule "$schedule" "${tz[@]}" --created 2025-12-20T00:00:00Z --now "$NOW" --format json
  done
done
echo "$(ls "$OUT" | wc -l) files in $OUT"
