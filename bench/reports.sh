#!/usr/bin/env bash
# Times rendering 200 business-unit scorecards (and the executive scorecard): generates the
# sample organisation at scale 40 (5 units x 40 regions), runs the job, and reads the report
# stage's duration from the run manifest. Results go to bench/results/reports.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# README's JVM options unless told otherwise
jvm="${JVM_OPTS-$(grep -v '^#' jobs/jvm.options | xargs)}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="${JAR:-target/northstar.jar}"
[ -f "$jar" ] || mvn -B -q package -DskipTests
java -jar "$jar" generate --out "$work/data" --scale 40 >/dev/null
sed "s|\.\./sample-data|$work/data|; s|^lake: .*|lake: $work/lake|; s|^reports: .*|reports: $work/reports|" \
  jobs/sample.yaml > "$work/job.yaml"
mkdir -p bench/results
start=$(date +%s)
/usr/bin/time -v java -Xmx2g $jvm -jar "$jar" run --job "$work/job.yaml" >"$work/out.txt" 2>"$work/time.txt"
end=$(date +%s)
{
  echo "# Report rendering benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), JVM options: ${jvm:-none}"
  echo "# scale 40 sample: $(ls "$work"/reports/*/business-unit-*.pdf | wc -l) business-unit PDFs + executive-scorecard.pdf"
  grep -E "^(ingest|metrics|report|publish) " "$work/out.txt"
  echo "whole run: $((end - start)) s wall, peak RSS $(awk '/Maximum resident/ {print $6}' "$work/time.txt") KB"
} | tee bench/results/reports.txt
