package io.northstar.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingSpark;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class JobLabelsTest {

    @Test
    void theJobsOfLabelledWorkCarryTheLabelAndTheThreadsOwnLabelComesBack() throws Exception {
        SparkSession spark = TestingSpark.session();
        List<String> descriptions = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                descriptions.add(String.valueOf(start.properties().getProperty(JobLabels.DESCRIPTION)));
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            spark.sparkContext().setJobDescription("outer");
            long rows = JobLabels.labelled(spark, "ingest demo", () -> spark.range(5).count());
            assertThat(rows).isEqualTo(5);
            assertThat(spark.sparkContext().getLocalProperty(JobLabels.DESCRIPTION)).isEqualTo("outer");
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertThat(descriptions).isNotEmpty().allMatch("ingest demo"::equals);
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(listener);
        }
    }
}
