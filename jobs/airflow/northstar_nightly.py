"""Airflow DAG: the Northstar nightly run, submitted to the cluster's Spark.

spark-submit runs the driver in client mode here, so Northstar's exit code is spark-submit's:
any non-zero code (3 = data-quality gate failed, 4 = a source or the publish database could
not be reached, 8 = published but some packs were not mailed) fails the task, which Airflow
retries or reports like any other failure. A retry after exit 8 mails only the recipients that
did not get their PDFs: the same data renders the same PDFs, and the delivery log knows who has them.
Needs apache-airflow-providers-apache-spark and a Spark connection "spark_default".
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

with DAG(
    dag_id="northstar_nightly",
    schedule="30 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    default_args={
        "owner": "it-strategy",
        "email": ["it-strategy-ops@example.com"],
        "email_on_failure": True,
        # a source that is down may be back in a while; a gate failure will not fix itself,
        # but one retry costs little and keeps the DAG simple
        "retries": 1,
        "retry_delay": timedelta(minutes=20),
    },
    tags=["northstar"],
) as dag:
    SparkSubmitOperator(
        task_id="northstar_run",
        conn_id="spark_default",
        application="/opt/northstar/target/northstar-spark.jar",
        java_class="io.northstar.cli.Main",
        deploy_mode="client",
        # the as_of is the DAG run's logical date, so a backfill reports on its own day
        application_args=["run", "--job", "/opt/northstar/jobs/nightly.yaml", "--as-of", "{{ ds }}"],
        conf={"spark.sql.shuffle.partitions": "64"},
        executor_memory="4g",
        driver_memory="4g",
        env_vars={
            "NORTHSTAR_WAREHOUSE_PASSWORD": "{{ var.value.northstar_warehouse_password }}",
            "NORTHSTAR_BI_PASSWORD": "{{ var.value.northstar_bi_password }}",
            "NORTHSTAR_SMTP_USER": "{{ var.value.northstar_smtp_user }}",
            "NORTHSTAR_SMTP_PASSWORD": "{{ var.value.northstar_smtp_password }}",
            "NORTHSTAR_CHAT_WEBHOOK": "{{ var.value.northstar_chat_webhook }}",
        },
    )
