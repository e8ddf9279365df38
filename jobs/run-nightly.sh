#!/usr/bin/env bash
# Runs the nightly job once, appends its output to a dated log, and makes a failure loud:
# the exit code is Northstar's own (see README, exit codes), and on failure one line goes to
# stderr, which cron mails and systemd and Airflow show. Used by the cron and systemd recipes.
#
#   NORTHSTAR_HOME  where the jar and jobs live   (default: this script's repository)
#   NORTHSTAR_JOB   the job file                  (default: $NORTHSTAR_HOME/jobs/nightly.yaml)
#   NORTHSTAR_LOGS  where the logs go             (default: $NORTHSTAR_HOME/logs)
#   JAVA            the java command              (default: java)
#   JAVA_OPTS       JVM options (default: README's, the argument file @$NORTHSTAR_HOME/jobs/jvm.options;
#                   to add e.g. a heap: JAVA_OPTS="@$NORTHSTAR_HOME/jobs/jvm.options -Xmx4g")
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${NORTHSTAR_HOME:-$(dirname "$here")}"
job="${NORTHSTAR_JOB:-$home/jobs/nightly.yaml}"
logs="${NORTHSTAR_LOGS:-$home/logs}"
java="${JAVA:-java}"
# README's options file as one word, so a NORTHSTAR_HOME with spaces still works; JAVA_OPTS is
# split on spaces, as such variables are
if [ -n "${JAVA_OPTS+set}" ]; then
  read -r -a java_opts <<< "$JAVA_OPTS"
else
  java_opts=("@$home/jobs/jvm.options")
fi

mkdir -p "$logs"
log="$logs/northstar-$(date -u +%Y%m%d).log"

{
  echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) northstar run --job $job"
  "$java" "${java_opts[@]}" -jar "$home/target/northstar.jar" run --job "$job" "$@"
} >>"$log" 2>&1
code=$?

case "$code" in
  0) exit 0 ;;
  2) why="usage error or invalid job file" ;;
  3) why="data-quality gate failed: nothing was published, yesterday's scorecard stands" ;;
  4) why="a source or the publish database could not be reached" ;;
  5) why="another run holds the lake's lock" ;;
  6) why="a file in the lake is damaged (the log names it)" ;;
  7) why="the lake or reports folder could not be written (disk full?)" ;;
  8) why="published, but some packs were not delivered (the log names who and why); retry with: northstar deliver --job $job" ;;
  *) why="internal error" ;;
esac
echo "northstar nightly FAILED with exit $code ($why); last lines of $log:" >&2
tail -n 5 "$log" >&2
exit "$code"
