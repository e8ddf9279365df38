#!/usr/bin/env bash
# Northstar against its I/O floor (bare Spark) and a peer (DuckDB), at several data scales, in
# one run on one machine; then the cold query, the Monte Carlo and the 200-PDF benchmarks.
#
#   bench/scale.sh                 # scales 1 10 100 300 (takes about an hour on 2 cores)
#   SCALES="1 10" bench/scale.sh   # a quick look
#   JAR=/tmp/before.jar RESULTS=/tmp/before bench/scale.sh   # measure a saved build elsewhere
#   BEFORE_JAR=/tmp/old.jar BEFORE_LABEL="commit d5201c3" bench/scale.sh
#                                  # also runs an older build on the same data, right before the
#                                  # current one, for a before/after table measured side by side
#
# Every measurement appends a line to bench/results/scale.tsv (scale, input rows, what,
# seconds, peak RSS in MB); bench/src/BenchReport.java turns it into BENCHMARKS.md and
# bench/results/scale.png. Each JVM gets the same heap (HEAP, default 2g). Northstar and the
# bare Spark load run with README's JVM options (JVM_OPTS); the bare load runs once more with the
# JVM's defaults, and an older build (BEFORE_JAR) with BEFORE_JVM_OPTS (default: none).
set -euo pipefail
cd "$(dirname "$0")/.."
scales="${SCALES:-1 10 100 300}"
heap="${HEAP:-2g}"
jvm="${JVM_OPTS-$(grep -v '^#' jobs/jvm.options | xargs)}"
before_jvm="${BEFORE_JVM_OPTS:-}"
duckdb_version=1.4.1.0
as_of=2026-10-31
work="${BENCH_WORK:-$(mktemp -d)}"
results="${RESULTS:-bench/results}"
jar="${JAR:-target/northstar.jar}"
tsv="$results/scale.tsv"
mkdir -p "$results" bench/lib
[ -f "$jar" ] || mvn -B -q package -DskipTests
duckdb_jar="bench/lib/duckdb_jdbc-$duckdb_version.jar"
[ -f "$duckdb_jar" ] || mvn -B -q dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version" \
  -DoutputDirectory=bench/lib

echo -e "scale\trows\twhat\tseconds\tpeak_rss_mb" > "$tsv"
{
  echo "machine	$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1 | tr -d '"')"
  echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "heap	$heap"
  echo "jvm	$jvm"
  echo "command	SCALES=\"$scales\" bench/scale.sh"
  [ -z "${BEFORE_JAR:-}" ] || echo "before	${BEFORE_LABEL:-$BEFORE_JAR}"
  [ -z "${BEFORE_JAR:-}" ] || echo "before_jvm	$before_jvm"
} > "$results/scale-machine.tsv"

# time_it NAME OUTPUT_FILE COMMAND...: runs it under /usr/bin/time -v, prints "wall_s rss_mb"
time_it() {
  local out=$2
  shift 2
  /usr/bin/time -v "$@" >"$out" 2>"$out.time" || { cat "$out" "$out.time" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, t, ":"); s=0; for (i=1; i<=n; i++) s=s*60+t[i]; print s}' "$out.time")
  rss=$(awk '/Maximum resident/ {printf "%.0f", $6/1024}' "$out.time")
  echo "$wall $rss"
}

record() { echo -e "$1\t$2\t$3\t$4\t$5" >> "$tsv"; }

for scale in $scales; do
  dir="$work/scale-$scale"
  rm -rf "$dir" && mkdir -p "$dir"
  java -jar "$jar" generate --out "$dir/data" --scale "$scale" > "$dir/generate.txt"
  rows=$(awk '/rows$/ {gsub(",", "", $2); n+=$2} END {print n}' "$dir/generate.txt")
  sed "s|\.\./sample-data|$dir/data|; s|^lake: .*|lake: $dir/lake|; s|^reports: .*|reports: $dir/reports|" \
    jobs/sample.yaml > "$dir/job.yaml"
  echo "scale $scale: $rows input rows"

  if [ -n "${BEFORE_JAR:-}" ]; then
    sed "s|^lake: .*|lake: $dir/lake-before|; s|^reports: .*|reports: $dir/reports-before|" "$dir/job.yaml" \
      > "$dir/job-before.yaml"
    read -r wall rss < <(time_it before "$dir/run-before.txt" java -Xmx"$heap" $before_jvm -jar "$BEFORE_JAR" run \
      --job "$dir/job-before.yaml")
    record "$scale" "$rows" before_run "$wall" "$rss"
    manifest=$(ls "$dir"/lake-before/_runs/*.json | head -1)
    for stage in ingest metrics report; do
      record "$scale" "$rows" "before_$stage" "$(jq -r ".stageMillis.$stage / 1000" "$manifest")" ""
    done
    rm -rf "$dir/lake-before" "$dir/reports-before"
  fi

  read -r wall rss < <(time_it run "$dir/run.txt" java -Xmx"$heap" $jvm -jar "$jar" run --job "$dir/job.yaml")
  record "$scale" "$rows" northstar_run "$wall" "$rss"
  manifest=$(ls "$dir"/lake/_runs/*.json | head -1)
  for stage in ingest metrics report publish; do
    record "$scale" "$rows" "northstar_$stage" "$(jq -r ".stageMillis.$stage / 1000" "$manifest")" ""
  done

  read -r wall rss < <(time_it bare "$dir/bare.txt" java -Xmx"$heap" $jvm -cp "$jar" \
    bench/src/BareSparkLoad.java "$dir/data" "$dir/bare-parquet")
  record "$scale" "$rows" bare_spark_run "$wall" "$rss"
  record "$scale" "$rows" bare_spark_load "$(awk '/^load_s/ {print $2}' "$dir/bare.txt")" ""
  rm -rf "$dir/bare-parquet"
  read -r wall rss < <(time_it bare "$dir/bare-default.txt" java -Xmx"$heap" -cp "$jar" \
    bench/src/BareSparkLoad.java "$dir/data" "$dir/bare-parquet")
  record "$scale" "$rows" bare_spark_run_default "$wall" "$rss"
  record "$scale" "$rows" bare_spark_load_default "$(awk '/^load_s/ {print $2}' "$dir/bare-default.txt")" ""

  read -r wall rss < <(time_it duckdb "$dir/duckdb.txt" java -Xmx"$heap" -cp "$duckdb_jar:$jar" \
    bench/src/DuckDbPeer.java "$dir/data" "$dir/duckdb-parquet" "$as_of")
  record "$scale" "$rows" duckdb_run "$wall" "$rss"
  record "$scale" "$rows" duckdb_load "$(awk '/^load_s/ {print $2}' "$dir/duckdb.txt")" ""
  record "$scale" "$rows" duckdb_aggregate "$(awk '/^aggregate_s/ {print $2}' "$dir/duckdb.txt")" ""

  read -r wall rss < <(time_it query "$dir/query.txt" java -Xmx"$heap" $jvm -jar "$jar" query \
    --lake "$dir/lake" --format csv "SELECT business_unit, sum(actual) AS actual FROM budget_lines GROUP BY business_unit")
  record "$scale" "$rows" northstar_query_cold "$wall" "$rss"
  [ -n "${BENCH_WORK:-}" ] || rm -rf "$dir"
done

if [ -z "${SKIP_FIXED:-}" ]; then
  JVM_OPTS="$jvm" bench/montecarlo.sh > /dev/null
  JVM_OPTS="$jvm" JAR="$jar" bench/reports.sh > /dev/null
fi
# BENCHMARKS.md shows the results of the default folder; a RESULTS folder elsewhere (a saved
# "before" build, say) only gets its scale.tsv.
if [ "$results" = bench/results ]; then
  java -cp "$jar" bench/src/BenchReport.java "$results" BENCHMARKS.md
fi
