#!/usr/bin/env bash
# Submits Northstar to a Spark cluster: the same jar, the same job file, no code change.
#
#   jobs/spark-submit.sh MASTER [northstar arguments...]
#
#   jobs/spark-submit.sh spark://spark-master:7077 run --job jobs/nightly.yaml
#   jobs/spark-submit.sh yarn run --job jobs/nightly.yaml
#   jobs/spark-submit.sh k8s://https://kubernetes.example.com:6443 run --job jobs/nightly.yaml
#
# The driver runs here (client mode), so Northstar's exit code is this script's exit code, and
# the job file and the reports folder are read and written on this machine. The lake and the CSV
# sources are read and written by the executors: they must be where every executor sees them
# (hdfs://, s3a://, or a mount shared by all nodes). Settings:
#   SPARK_HOME              the cluster's Spark 4 (spark-submit is taken from $SPARK_HOME/bin)
#   NORTHSTAR_JAR           the application jar       (default: target/northstar-spark.jar, built by mvn package:
#                           Spark, Scala and Hadoop left to the cluster, clashing libraries relocated)
#   EXECUTOR_MEMORY         default 4g; DRIVER_MEMORY default 4g; EXECUTOR_CORES default 2
#   K8S_IMAGE               the container image, for k8s:// masters
#   SPARK_SUBMIT_EXTRA      more spark-submit options, e.g. "--conf spark.dynamicAllocation.enabled=true"
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
master="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${NORTHSTAR_JAR:-$(dirname "$here")/target/northstar-spark.jar}"
submit="${SPARK_HOME:?set SPARK_HOME to the cluster Spark installation}/bin/spark-submit"

options=(
  --master "$master"
  --deploy-mode client
  --class io.northstar.cli.Main
  --name northstar
  --driver-memory "${DRIVER_MEMORY:-4g}"
  --executor-memory "${EXECUTOR_MEMORY:-4g}"
  --executor-cores "${EXECUTOR_CORES:-2}"
  --conf spark.sql.adaptive.enabled=true
)
case "$master" in
  k8s://*)
    options+=(--conf "spark.kubernetes.container.image=${K8S_IMAGE:?set K8S_IMAGE for a k8s:// master}")
    ;;
esac

# shellcheck disable=SC2086
exec "$submit" "${options[@]}" ${SPARK_SUBMIT_EXTRA:-} "$jar" "$@"
