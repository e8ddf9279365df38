#!/usr/bin/env bash
# Times the risk Monte Carlo (20,000 trials x 10,000 open risks by default) three times in one
# JVM on a local Spark with all cores, and writes the result to bench/results/montecarlo.txt.
# Usage: bench/montecarlo.sh [risks] [trials]
set -euo pipefail
cd "$(dirname "$0")/.."
# README's JVM options unless told otherwise
jvm="${JVM_OPTS--XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
mkdir -p bench/results
{
  echo "# Monte Carlo benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), JVM options: ${jvm:-none}"
  java -Xmx4g $jvm -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
    io.northstar.metrics.spark.RiskSimulationBenchmark "${1:-10000}" "${2:-20000}" 2>/dev/null
} | tee bench/results/montecarlo.txt
