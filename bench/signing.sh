#!/usr/bin/env bash
# What one signature costs on this JDK, on one thread: a body signed as ResponseSigner does and a
# token signature checked as TokenVerifier does (Nimbus), per algorithm (µs, median of 7 rounds).
# Prints a Markdown table. See bench/README.md ("Signatures").
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
    no.krr.bench.SigningBench "$@"
