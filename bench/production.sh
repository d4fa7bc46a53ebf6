#!/usr/bin/env bash
# Issue 5's benchmark in one run: the user API and the reconciliation, both on PostgreSQL holding
# 1,000,000 persons, on one throwaway PostgreSQL server. Runs bench/api.sh --postgres (ES256 and
# RS256; /health/live, GET JSON, GET JOSE, PATCH at 1, 16 and 64 connections) and then
# bench/reconcile.sh --postgres (one RECONCILE run of all persons), and ends with both summaries
# side by side. Takes about 30 minutes on 2 cores. See bench/README.md ("API", "Running it").
#
#   bench/production.sh [--persons 1000000]
#
# Needs wrk (apt-get install wrk). Extra Maven options go in BENCH_MVN_ARGS (e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=1000000
if [ "${1:-}" = "--persons" ]; then
    persons="$2"
fi
source .ci/jdk.sh
if [ -z "${KRR_PG_URL:-}" ]; then
    source .ci/postgres.sh
    KRR_PG_PORT="${KRR_PG_PORT:-55498}" krr_start_postgres   # stopped and removed on exit (trap)
fi
out=target/bench-data/production
mkdir -p "$out"
echo "== user API on PostgreSQL, $persons persons (log: $out/api.txt)"
bench/api.sh --postgres --persons "$persons" --algorithms ES256,RS256 | tee "$out/api.txt"
echo "== reconciliation on PostgreSQL, $persons persons (log: $out/reconcile.txt)"
bench/reconcile.sh --postgres --persons "$persons" | tee "$out/reconcile.txt"

echo
echo "== summary ($(date -u +%Y-%m-%d), $(nproc) cores)"
# the first table of each part: from its header line to the first empty line
awk '/^\| endpoint/ { p = 1 } p && /^$/ { exit } p' "$out/api.txt"
grep -E '^targets|at 64:' "$out/api.txt" || true
awk '/^\| persons/ { p = 1 } p && /^$/ { exit } p' "$out/reconcile.txt"
