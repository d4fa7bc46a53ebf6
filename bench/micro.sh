#!/usr/bin/env bash
# Runs one in-process micro-benchmark of src/test/java/no/krr/bench (no server): compiles the test
# classes, then runs the named main class on the test class path. Used by bench/timestamps.sh and
# bench/signing.sh.
#
#   bench/micro.sh CLASS [ARG]...
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
main="$1"
shift
./mvnw -q ${BENCH_MVN_ARGS:-} -DskipTests -DskipITs test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/sandbox.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
    "no.krr.bench.$main" "$@"
