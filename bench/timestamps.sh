#!/usr/bin/env bash
# How long one upstream timestamp takes to read: RegisterTimestamps.parse beside the lenient
# DateTimeFormatter it used before (ns per timestamp, median of 7 rounds of 2,000,000 after a warm-up).
# Prints a Markdown table. See bench/README.md ("Timestamps").
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
    no.krr.bench.TimestampBench "$@"
