package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.SampleLoader;
import io.northstar.sample.SampleGenerator;
import io.northstar.testing.CuttingProxy;
import io.northstar.testing.TestingDatabases;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import io.northstar.testing.VanishingLocalFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that fail while being read: a database whose connection is cut mid-read and a CSV
 * file that disappears after it was listed. The run retries as configured, then exits 4 with
 * a message naming the dataset, and publishes nothing.
 */
class SourceFaultsTest {
    @TempDir
    Path folder;

    @Test
    void aDatabaseConnectionCutMidReadIsRetriedAsConfiguredThenExitsFourNamingTheDataset() throws Exception {
        String url = TestingDatabases.postgres();
        Path data = folder.resolve("data");
        SampleGenerator.generate(data, new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        new SampleLoader(url, "postgres", "").load(data);
        try (CuttingProxy proxy = new CuttingProxy("127.0.0.1", 5432, 64 * 1024)) {
            String throughProxy = url.replace(":5432/", ":" + proxy.port() + "/");
            TestingJob job = new TestingJob(folder.resolve("job"))
                    .jdbc("budget_lines", throughProxy, "budget_lines", "user: postgres, retries: 2, retryBackoff: 10ms");

            assertThatThrownBy(job::run).isInstanceOfSatisfying(NorthstarException.class, failure -> {
                assertThat(failure.exitCode()).isEqualTo(ExitCode.SOURCE);
                assertThat(failure.getMessage()).contains("dataset budget_lines", "failed after 3 attempts");
            });
            assertThat(proxy.cuts()).as("one cut read per attempt").isEqualTo(3);
            assertNothingPublished(job);
        }
    }

    @Test
    void aCsvFileThatDisappearsAfterItWasListedExitsFourNamingTheDatasetAndTheFile() {
        TestingJob job = new TestingJob(folder.resolve("job"));
        TestingJob.write(folder.resolve("job/data/vanishing-budget_lines.csv"),
                "period,business_unit,category,plan,actual\n2026-05,Freight,opex,100,120\n");
        job.source("budget_lines", "data/vanishing-budget_lines.csv");
        Configuration hadoop = TestingSpark.session().sparkContext().hadoopConfiguration();
        String impl = hadoop.get("fs.file.impl");
        String cache = hadoop.get("fs.file.impl.disable.cache");
        VanishingLocalFileSystem.reset();
        hadoop.set("fs.file.impl", VanishingLocalFileSystem.class.getName());
        hadoop.setBoolean("fs.file.impl.disable.cache", true);
        try {
            assertThatThrownBy(job::run).isInstanceOfSatisfying(NorthstarException.class, failure -> {
                assertThat(failure.exitCode()).isEqualTo(ExitCode.SOURCE);
                assertThat(failure.getMessage()).contains("dataset budget_lines", "vanishing-budget_lines.csv",
                        "No such file");
            });
        } finally {
            restore(hadoop, "fs.file.impl", impl);
            restore(hadoop, "fs.file.impl.disable.cache", cache);
        }
        assertNothingPublished(job);
    }

    private static void restore(Configuration hadoop, String key, String value) {
        if (value == null) {
            hadoop.unset(key);
        } else {
            hadoop.set(key, value);
        }
    }

    private static void assertNothingPublished(TestingJob job) {
        assertThat(job.lakeTables("conformed")).isEmpty();
        assertThat(job.lakeTables("metrics")).isEmpty();
        assertThat(job.lake().resolve("_staging")).doesNotExist();
        assertThat(job.manifests()).singleElement().satisfies(manifest -> assertThat(Files.readString(manifest))
                .contains("\"outcome\" : \"failed\"", "\"exitCode\" : 4"));
    }
}
