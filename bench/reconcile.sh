#!/usr/bin/env bash
# Benchmark of the reconciliation: builds like ./sandbox, then for each size starts the service on
# Payara Micro (free ports, fresh data in target/bench-data/reconcile-N, -Xmx512m -XX:+UseG1GC,
# 4 partitions, 1000 ids per call) against the Maskinporten and register doubles, imports N generated
# persons, loads the same persons with a few hundred planted differences into the register double,
# times one RECONCILE run and prints the figures as a Markdown table. See bench/README.md.
#
#   bench/reconcile.sh [--persons 100000,1000000] [--mode RECONCILE|VERIFY] [--jvm-option OPTION]... [--thread-dumps SECONDS] [--jfr]
#                      [--postgres [--postgres-params reWriteBatchedInserts=true]]
#
# --postgres: the service stores in PostgreSQL (database krr_bench, made afresh for each size). Unless
# KRR_PG_URL names a server already (jdbc:postgresql://host:port/, user postgres, trust auth,
# default settings), a throwaway one is started with .ci/postgres.sh on KRR_PG_PORT (default 55499, not
# CI's 55432) and removed when the bench ends. It runs on the same cores as the server and the bench.
#
# The doubles run in the bench JVM and hold every person as a JSON string: it gets BENCH_JVM_HEAP
# (default 3g); more options of the bench JVM go in BENCH_JAVA_OPTS (e.g. a JFR recording of the doubles).
# Extra Maven options go in BENCH_MVN_ARGS (e.g. BENCH_MVN_ARGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
echo "JDK: $JAVA_HOME"

# builds the WAR and the test classes, copies Payara Micro to target/payara-micro.jar
# (execution payara-micro, bound to pre-integration-test) and writes the test classpath
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs verify \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test

bench=("$JAVA_HOME/bin/java" "-Xmx${BENCH_JVM_HEAP:-3g}" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}
    -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)"
    no.krr.bench.ReconcileBench "$@")

if [[ " $* " == *" --postgres "* && -z "${KRR_PG_URL:-}" ]]; then
    source .ci/postgres.sh
    KRR_PG_PORT="${KRR_PG_PORT:-55499}" krr_start_postgres   # stopped and removed on exit (trap)
    "${bench[@]}" && status=0 || status=$?
    exit "$status"
fi
exec "${bench[@]}"
