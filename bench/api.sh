#!/usr/bin/env bash
# Benchmark of the user API: builds like ./sandbox, then, per signing algorithm (RS256, PS256,
# ES256), starts the service on Payara Micro (free ports, fresh data in target/bench-data/api,
# -Xms512m -Xmx512m -XX:+UseG1GC, 60 s of JIT warm-up), imports the demo persons and measures requests/s and latency of
# /health/live, GET /rest/v1/person (JSON and JOSE) and PATCH with wrk at 1, 16 and 64
# connections. Prints Markdown tables. See bench/README.md ("API").
#
#   bench/api.sh [--seconds 10] [--warmup 5] [--jit-warmup 60] [--connections 1,16,64] [--algorithms RS256,PS256,ES256]
#                [--endpoints health,json,jose,patch] [--persons 10000] [--tokens 2000] [--jvm-option OPTION]...
#                [--postgres]
#
# Needs wrk (Debian/Ubuntu: apt-get install wrk). Extra Maven options go in BENCH_MVN_ARGS
# (e.g. BENCH_MVN_ARGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
echo "JDK: $JAVA_HOME"
if ! command -v wrk >/dev/null; then
    echo "bench/api.sh needs wrk (the HTTP load generator): apt-get install wrk" >&2
    exit 1
fi

# builds the WAR and the test classes, copies Payara Micro to target/payara-micro.jar
# (execution payara-micro, bound to pre-integration-test) and writes the test classpath
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs verify \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test

bench=("$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)"
    no.krr.bench.ApiBench "$@")

# --postgres: the service stores in PostgreSQL (database krr_bench_api, made afresh per server); unless
# KRR_PG_URL names a server already, a throwaway one is started with .ci/postgres.sh on KRR_PG_PORT (55498)
if [[ " $* " == *" --postgres "* && -z "${KRR_PG_URL:-}" ]]; then
    source .ci/postgres.sh
    KRR_PG_PORT="${KRR_PG_PORT:-55498}" krr_start_postgres   # stopped and removed on exit (trap)
    "${bench[@]}" && status=0 || status=$?
    exit "$status"
fi
exec "${bench[@]}"
