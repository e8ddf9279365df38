package io.northstar.run;

import io.northstar.job.Job;
import io.northstar.lake.SnapshotPaths;
import io.northstar.report.data.ReportDataLoader;
import io.northstar.report.render.ReportRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** Loads a snapshot's report data and renders the PDFs. */
final class ReportStage {
    private ReportStage() {
    }

    /** The executive scorecard and one scorecard per business unit; returns the PDFs. */
    static List<Path> render(SparkSession spark, Job job, LocalDate asOf, SnapshotPaths paths,
            Optional<ReportDataLoader.RunInfo> ingest, Path folder) {
        ReportDataLoader loader = new ReportDataLoader(spark, paths, asOf, job);
        ReportRenderer renderer = new ReportRenderer(job.report().pageSize());
        List<Path> pdfs = new ArrayList<>();
        pdfs.add(renderer.renderScorecard(loader.load(ingest), folder,
                job.organisation() + " — IT strategy scorecard as of " + asOf));
        pdfs.addAll(renderer.renderBusinessUnits(loader.businessUnits(), folder, job.organisation()));
        return pdfs;
    }

    /** Moves rendered PDFs into their folder, each by an atomic rename, and removes the staging folder. */
    static List<String> moveInto(List<Path> pdfs, Path folder) {
        List<String> moved = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Path pdf : pdfs) {
                Path target = folder.resolve(pdf.getFileName());
                Files.move(pdf, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                moved.add(target.toString());
                Path staging = pdf.getParent();
                try (var left = Files.list(staging)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(staging);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the reports into " + folder, e);
        }
        return moved;
    }
}
