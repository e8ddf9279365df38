package io.northstar.job;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A validated job file (SPEC.md §5) with every default applied and every path resolved
 * against the job file's folder. Locations are plain paths or Hadoop filesystem URIs.
 *
 * @param asOf the business date from the file, empty when the run should use today
 * @param reports the reports folder when the file names one; see {@link #reportsLocation()}
 * @param sources dataset name to source, in the order of the contract
 * @param publish the database the metric tables are copied to after publishing, if any
 * @param delivery where the packs are mailed after publishing, if anywhere (SPEC.md §6)
 */
public record Job(
        String file,
        String name,
        Optional<LocalDate> asOf,
        String lake,
        Optional<String> reports,
        int fiscalYearStartMonth,
        String currency,
        Settings.Quality quality,
        Map<String, SourceSpec> sources,
        Settings.Spark spark,
        Settings.Trend trend,
        Settings.Risk risk,
        Settings.Priority priority,
        Settings.Finance finance,
        Settings.Commentary commentary,
        Settings.Report report,
        Optional<PublishTarget> publish,
        Optional<Delivery> delivery) {

    public Job {
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(lake, "lake is null");
        requireNonNull(reports, "reports is null");
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscalYearStartMonth must be in 1..12");
        }
        requireNonNull(currency, "currency is null");
        requireNonNull(quality, "quality is null");
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
        requireNonNull(spark, "spark is null");
        requireNonNull(trend, "trend is null");
        requireNonNull(risk, "risk is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(finance, "finance is null");
        requireNonNull(commentary, "commentary is null");
        requireNonNull(report, "report is null");
        requireNonNull(publish, "publish is null");
        requireNonNull(delivery, "delivery is null");
    }

    /** The organisation named on the reports: the report section's, else the job's name. */
    public String organisation() {
        return report.organisation() != null ? report.organisation() : name;
    }

    /** Where PDFs go: the {@code reports} key, or {@code reports} beside the lake folder. */
    public String reportsLocation() {
        if (reports.isPresent()) {
            return reports.get();
        }
        String trimmed = lake.endsWith("/") ? lake.substring(0, lake.length() - 1) : lake;
        int slash = trimmed.lastIndexOf('/');
        return (slash < 0 ? "." : trimmed.substring(0, slash)) + "/reports";
    }

    /** The same job writing its PDFs to another folder. */
    public Job withReports(String reportsOverride) {
        return new Job(file, name, asOf, lake, Optional.of(reportsOverride), fiscalYearStartMonth, currency, quality,
                sources, spark, trend, risk, priority, finance, commentary, report, publish, delivery);
    }

    /** The same job with the command line's overrides applied. */
    public Job withOverrides(LocalDate asOfOverride, String lakeOverride) {
        return new Job(file, name, asOfOverride != null ? Optional.of(asOfOverride) : asOf,
                lakeOverride != null ? lakeOverride : lake, reports, fiscalYearStartMonth, currency, quality, sources,
                spark, trend, risk, priority, finance, commentary, report, publish, delivery);
    }
}
