#!/usr/bin/env bash
# The benchmark: bench/run.sh SIZE [SIZE…]   e.g. bench/run.sh 10000 100000
# For each size (patients), on this machine and in one run: generate the canonical CSV extract, start a throw-away
# embedded PostgreSQL 17, time a raw COPY of every file, run the nightly job end to end, and print ingest throughput
# (and its ratio to the raw COPY), step / indicator / PDF / end-to-end times, peak JVM heap, peak PostgreSQL memory
# and the growth per 10× between sizes. Figures are appended to bench/results/results.csv.
# After the full night each size also runs one incremental night (a day of changes) and imports the same system as FHIR
# Bulk NDJSON, and the Synthea sample ($QI_SHARED_DIR/synthea/v3.0-27-patients) when present, each beside a raw COPY.
# Environment: QI_BENCH_ARGS (extra `qi bench` options, e.g. "--sites 4 --date 2026-11-23"), QI_JAVA_OPTS (default -Xmx1g),
# QI_SHARED_DIR (default ../shared beside the checkout).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -eq 0 ]; then
  echo "usage: bench/run.sh SIZE [SIZE…]   (patients, e.g. 10000 100000)" >&2
  exit 2
fi
sizes="$(IFS=,; echo "$*")"
sha="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$root" status --porcelain 2>/dev/null | grep -v '^?? bench/results' || true)" ]; then sha="$sha-dirty"; fi
synthea="${QI_SHARED_DIR:-$root/../shared}/synthea/v3.0-27-patients"
synthea_arg=()
if [ -d "$synthea" ]; then synthea_arg=(--synthea "$synthea"); fi
cd "$root"
# bin/qi selects the JDK (bin/select-jdk.sh) and rebuilds the jar when sources changed
exec "$root/bin/qi" bench --patients "$sizes" --out "$root/bench/results" --work "$root/.qi-bench" \
  --definitions "$root/indicator-definitions" --git-sha "$sha" "${synthea_arg[@]}" ${QI_BENCH_ARGS:-}
