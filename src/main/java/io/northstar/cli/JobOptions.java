package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options every job command shares: the job file and what the command line overrides. */
final class JobOptions {
    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file (.yaml, .yml or .json).")
    Path jobFile;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The business date (default: the job's asOf, else today).")
    LocalDate asOf;

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake folder or URI (default: the job's lake).")
    String lake;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Where PDFs go (default: the job's reports, else reports beside the lake).")
    String reports;

    /** The job file read and validated, with the command line's overrides applied. */
    Job job() {
        Job job = JobFileReader.read(jobFile).withOverrides(asOf, lake);
        return reports == null ? job : job.withReports(reports);
    }

    /** The job's as_of, or today on the given clock. */
    static LocalDate asOf(Job job, Clock clock) {
        return job.asOf().orElseGet(() -> LocalDate.now(clock));
    }
}
