package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.job.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which lake a reading command looks at: named directly, or the one a job file writes. */
final class LakeOptions {
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake folder or URI.")
    String lake;

    @Option(names = "--job", required = true, paramLabel = "FILE",
            description = "A job file: its lake (and its spark: settings).")
    Path jobFile;

    private Job job() {
        return jobFile == null ? null : JobFileReader.read(jobFile);
    }

    String lake() {
        return lake != null ? lake : job().lake();
    }

    Settings.Spark spark() {
        return jobFile != null ? job().spark() : Settings.Spark.defaults();
    }
}
