#!/usr/bin/env bash
# Times the risk Monte Carlo (20,000 trials x 10,000 open risks by default) three times in one
# JVM on a local Spark with all cores, and writes the result to bench/results/montecarlo.txt.
# Usage: bench/montecarlo.sh [risks] [trials]
#        BEFORE_JAR=/tmp/old.jar BEFORE_LABEL="commit ..." bench/montecarlo.sh   # an older build first
set -euo pipefail
cd "$(dirname "$0")/.."
# README's JVM options unless told otherwise
jvm="${JVM_OPTS-$(grep -v '^#' jobs/jvm.options | xargs)}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
mkdir -p bench/results
# simulate CLASSPATH RISKS TRIALS
simulate() {
  java -Xmx4g $jvm -cp "$1" io.northstar.metrics.spark.RiskSimulationBenchmark "$2" "$3" 2>/dev/null
}
{
  echo "# Monte Carlo benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), JVM options: ${jvm:-none}"
  if [ -n "${BEFORE_JAR:-}" ]; then
    # the benchmark class of this build against an older build's jar (its RiskTables and Spark)
    echo "# before: ${BEFORE_LABEL:-$BEFORE_JAR}"
    simulate "target/test-classes:$BEFORE_JAR" "${1:-10000}" "${2:-20000}"
    echo "# after: this build"
  fi
  simulate "target/classes:target/test-classes:$(cat target/classpath.txt)" "${1:-10000}" "${2:-20000}"
} | tee bench/results/montecarlo.txt
