package io.northstar.run;

import io.northstar.job.Job;
import io.northstar.lake.SnapshotPaths;
import io.northstar.report.ReportData;
import io.northstar.report.data.ReportDataLoader;
import io.northstar.report.data.ReviewPackLoader;
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
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;

/** Loads a snapshot's report data and renders the PDFs. */
final class ReportStage {
    private ReportStage() {
    }

    private static final String STAGING_PREFIX = ".staging-";

    /**
     * The executive scorecard, the review pack (previous: the snapshot its changes compare
     * with) and one scorecard per business unit; returns the PDFs.
     */
    static List<Path> render(SparkSession spark, Job job, LocalDate asOf, SnapshotPaths paths,
            Optional<LocalDate> previous, Optional<ReportDataLoader.RunInfo> ingest, Path folder) {
        ReportDataLoader loader = new ReportDataLoader(spark, paths, asOf, job);
        ReportRenderer renderer = new ReportRenderer(job.report().pageSize());
        ReportData scorecard = loader.load(ingest);
        ReportData reviewPack = new ReviewPackLoader(spark, paths, asOf, previous, job).load(scorecard);
        return renderer.renderAll(scorecard, job.organisation() + " — IT strategy scorecard as of " + asOf,
                reviewPack, job.organisation() + " — IT strategy review as of " + asOf, loader.businessUnits(), folder,
                job.organisation());
    }

    /**
     * Removes the {@code .staging-<run_id>} folders of the runs chosen from a reports folder
     * (a failed run's own, or those that runs which died while rendering left; their partial
     * PDFs were never visible under a final name); returns the folders removed. Call only while
     * holding the lake's lock.
     */
    static List<String> removeStaging(Path folder, Predicate<String> whoseRun) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (var entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && name.startsWith(STAGING_PREFIX)
                        && whoseRun.test(name.substring(STAGING_PREFIX.length()))) {
                    LocalFolders.delete(entry);
                    removed.add(entry.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up the reports folder " + folder, e);
        }
        return removed;
    }

    /** Whether a reports folder holds PDFs (a missing or unreadable one holds none). */
    static boolean holdsPdfs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".pdf"));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@link #removeStaging} in the folder of every as_of under the reports root. */
    static List<String> removeStagingOfEveryAsOf(Path reportsRoot, Predicate<String> whoseRun) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(reportsRoot)) {
            return removed;
        }
        try (var dated = Files.list(reportsRoot)) {
            for (Path folder : dated.filter(Files::isDirectory).sorted().toList()) {
                removed.addAll(removeStaging(folder, whoseRun));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up the reports folder " + reportsRoot, e);
        }
        return removed;
    }

    /** Moves the PDFs a run rendered into its reports folder (completing its publish); returns them. */
    static List<String> moveStagedInto(Path reports, String runId) {
        Path staging = stagingFolder(reports, runId);
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (var files = Files.list(staging)) {
            return moveInto(files.filter(file -> file.getFileName().toString().endsWith(".pdf")).sorted().toList(),
                    reports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the reports of run " + runId + " into " + reports, e);
        }
    }

    /** Where a run renders its PDFs before moving them into the reports folder. */
    static Path stagingFolder(Path reports, String runId) {
        return reports.resolve(STAGING_PREFIX + runId);
    }

    /** Moves rendered PDFs into their folder, each by an atomic rename, and removes the staging folder. */
    static List<String> moveInto(List<Path> pdfs, Path folder) {
        List<String> moved = new ArrayList<>();
        if (pdfs.isEmpty()) {
            return moved; // a run without reports leaves the reports folder as it was
        }
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
