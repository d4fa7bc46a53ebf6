#!/usr/bin/env bash
# Benchmark of the bulk import: builds like ./sandbox, then starts the service on Payara Micro
# (free ports, fresh data in target/bench-data, -Xmx512m -XX:+UseG1GC), imports N generated persons
# twice (new, then the same file again) and prints the figures as a Markdown table. See bench/README.md.
#
#   bench/import.sh [--persons 100000] [--runs 2] [--jvm-option OPTION]... [--thread-dumps SECONDS]
#
# Extra Maven options go in BENCH_MVN_ARGS (e.g. BENCH_MVN_ARGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
echo "JDK: $JAVA_HOME"

# builds the WAR and the test classes, copies Payara Micro to target/payara-micro.jar
# (execution payara-micro, bound to pre-integration-test) and writes the test classpath
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs verify \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test

exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
    no.krr.bench.ImportBench "$@"
