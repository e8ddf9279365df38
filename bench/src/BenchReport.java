import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns bench/results/scale.tsv (written by bench/scale.sh) into BENCHMARKS.md's measured part
 * and a log-log plot of time against input rows.
 *
 *   java -cp target/northstar.jar bench/src/BenchReport.java bench/results BENCHMARKS.md
 */
public class BenchReport {
    private record Measure(long rows, double seconds, String rssMb) {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path markdown = Path.of(args[1]);
        Map<Integer, Map<String, Measure>> scales = new TreeMap<>();
        for (String line : Files.readAllLines(results.resolve("scale.tsv")).subList(1, Files.readAllLines(
                results.resolve("scale.tsv")).size())) {
            String[] f = line.split("\t", -1);
            scales.computeIfAbsent(Integer.parseInt(f[0]), s -> new LinkedHashMap<>())
                    .put(f[2], new Measure(Long.parseLong(f[1]), Double.parseDouble(f[3]), f[4]));
        }
        Map<String, String> machine = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results.resolve("scale-machine.tsv"))) {
            String[] f = line.split("\t", 2);
            machine.put(f[0], f[1]);
        }
        StringBuilder md = new StringBuilder();
        md.append("## Measured (").append(machine.get("date")).append(")\n\n");
        md.append("Machine: ").append(machine.get("machine")).append("; every JVM with `-Xmx").append(machine.get("heap"))
                .append("`; Northstar and the bare Spark load with `").append(machine.getOrDefault("jvm", ""))
                .append("` (README's settings), the bare Spark load once more with the JVM's defaults. Reproduce with `")
                .append(machine.get("command")).append("`; raw numbers in `bench/results/scale.tsv`.\n\n");
        md.append("The ratios at every scale (each scale's own table below has the times they come from):\n\n");
        md.append("| scale | input rows | ingest / bare Spark load | ingest / bare Spark load, JVM defaults"
                + " | ingest / DuckDB load | run / bare Spark run |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, Map<String, Measure>> entry : scales.entrySet()) {
            Map<String, Measure> m = entry.getValue();
            double ingest = seconds(m, "northstar_ingest");
            md.append(String.format(Locale.ROOT, "| %d | %,d | %.1f× | %.1f× | %.1f× | %.1f× |%n", entry.getKey(),
                    m.get("northstar_run").rows(), ingest / seconds(m, "bare_spark_load"),
                    ingest / seconds(m, "bare_spark_load_default"), ingest / seconds(m, "duckdb_load"),
                    seconds(m, "northstar_run") / seconds(m, "bare_spark_run")));
        }
        if (scales.values().stream().anyMatch(m -> m.containsKey("before_run"))) {
            md.append("\nBefore and after, measured side by side: at each scale the ")
                    .append("older build (").append(machine.getOrDefault("before", "before"))
                    .append(machine.getOrDefault("before_jvm", "").isBlank() ? ""
                            : ", JVM options `" + machine.get("before_jvm") + "`")
                    .append(") ran on the same data right before the current one.\n\n");
            md.append("| scale | run before | run after | speed-up | ingest before | ingest after | metrics before"
                    + " | metrics after | report before | report after | peak RSS before / after |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Map.Entry<Integer, Map<String, Measure>> entry : scales.entrySet()) {
                Map<String, Measure> m = entry.getValue();
                if (!m.containsKey("before_run")) {
                    continue;
                }
                md.append(String.format(Locale.ROOT,
                        "| %d | %.1f s | %.1f s | %.2f× | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %s / %s MB |%n",
                        entry.getKey(), m.get("before_run").seconds(), m.get("northstar_run").seconds(),
                        m.get("before_run").seconds() / m.get("northstar_run").seconds(),
                        m.get("before_ingest").seconds(), m.get("northstar_ingest").seconds(),
                        m.get("before_metrics").seconds(), m.get("northstar_metrics").seconds(),
                        m.get("before_report").seconds(), m.get("northstar_report").seconds(),
                        m.get("before_run").rssMb(), m.get("northstar_run").rssMb()));
            }
        }
        for (Map.Entry<Integer, Map<String, Measure>> entry : scales.entrySet()) {
            scaleTable(md, entry.getKey(), entry.getValue());
        }
        md.append("\n![Time against input rows, log-log](bench/results/scale.png)\n");
        for (String fixed : List.of("montecarlo.txt", "reports.txt")) {
            Path file = results.resolve(fixed);
            if (Files.exists(file)) {
                md.append("\n`bench/results/").append(fixed).append("`:\n\n```\n").append(Files.readString(file).strip())
                        .append("\n```\n");
            }
        }
        String existing = Files.exists(markdown) ? Files.readString(markdown) : "";
        String marker = "<!-- measured: generated by bench/src/BenchReport.java -->";
        int at = existing.indexOf(marker);
        String head = at < 0 ? "# Benchmarks\n\n" + marker + "\n" : existing.substring(0, at + marker.length()) + "\n";
        int end = existing.indexOf("<!-- end measured -->");
        String tail = end < 0 ? "<!-- end measured -->\n" : existing.substring(end);
        Files.writeString(markdown, head + md + tail);
        plot(scales, results.resolve("scale.png"));
    }

    /** One scale's measures: wall time, peak RSS and what the time is compared with. */
    private static void scaleTable(StringBuilder md, int scale, Map<String, Measure> m) {
        double ingest = seconds(m, "northstar_ingest");
        md.append(String.format(Locale.ROOT, "%n### Scale %d: %,d input rows%n%n", scale, m.get("northstar_run").rows()));
        md.append("| measure | time | peak RSS | compared |\n|---|---:|---:|---|\n");
        row(md, "Northstar run, end to end (process)", m, "northstar_run", "northstar_run", String.format(Locale.ROOT,
                "%.1f× the bare Spark run", seconds(m, "northstar_run") / seconds(m, "bare_spark_run")));
        row(md, "ingest stage", m, "northstar_ingest", null, String.format(Locale.ROOT,
                "%.1f× the bare Spark load (%.1f× with JVM defaults), %.1f× the DuckDB load",
                ingest / seconds(m, "bare_spark_load"), ingest / seconds(m, "bare_spark_load_default"),
                ingest / seconds(m, "duckdb_load")));
        row(md, "metrics stage", m, "northstar_metrics", null, "no counterpart in the floor");
        row(md, "report stage", m, "northstar_report", null, "no counterpart in the floor");
        row(md, "bare Spark run (process)", m, "bare_spark_run", "bare_spark_run", "");
        row(md, "bare Spark load (CSV to Parquet, in that process)", m, "bare_spark_load", null, "the I/O floor");
        row(md, "bare Spark load, JVM defaults", m, "bare_spark_load_default", "bare_spark_run_default", "");
        row(md, "DuckDB load (CSV to Parquet)", m, "duckdb_load", "duckdb_run", "");
        row(md, "DuckDB aggregations", m, "duckdb_aggregate", null, "budget variance, KPI latest and slope, risk EMV");
        row(md, "cold `northstar query`", m, "northstar_query_cold", "northstar_query_cold", "process start to answer");
    }

    private static void row(StringBuilder md, String label, Map<String, Measure> m, String time, String rss,
            String compared) {
        if (!m.containsKey(time)) {
            return;
        }
        String memory = rss == null || !m.containsKey(rss) || m.get(rss).rssMb().isBlank() ? ""
                : m.get(rss).rssMb() + " MB";
        md.append(String.format(Locale.ROOT, "| %s | %.2f s | %s | %s |%n", label, seconds(m, time), memory, compared));
    }

    private static double seconds(Map<String, Measure> m, String what) {
        Measure measure = m.get(what);
        return measure == null ? Double.NaN : measure.seconds();
    }

    private static void plot(Map<Integer, Map<String, Measure>> scales, Path png) throws IOException {
        Map<String, String> series = new LinkedHashMap<>();
        series.put("northstar_run", "Northstar run, end to end");
        series.put("northstar_ingest", "Northstar ingest stage");
        series.put("bare_spark_load", "bare Spark CSV to Parquet");
        series.put("bare_spark_load_default", "bare Spark, JVM defaults");
        series.put("duckdb_load", "DuckDB CSV to Parquet");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, String> s : series.entrySet()) {
            XYSeries points = new XYSeries(s.getValue());
            for (Map<String, Measure> m : scales.values()) {
                Measure measure = m.get(s.getKey());
                if (measure != null && measure.seconds() > 0) {
                    points.add(measure.rows(), measure.seconds());
                }
            }
            data.addSeries(points);
        }
        LogAxis rows = powersOfTen("input rows", "#,##0");
        LogAxis seconds = powersOfTen("seconds", "#,##0.#");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x1F4E79), new Color(0x2E86C1), new Color(0xB9770E), new Color(0xE59866),
                new Color(0x7D3C98)};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, rows, seconds, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Time against input rows (log-log)", plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1040, 600);
    }

    /** A log axis with a labelled tick at each power of ten, printed as a plain number. */
    private static LogAxis powersOfTen(String label, String pattern) {
        LogAxis axis = new LogAxis(label);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new java.text.DecimalFormat(pattern));
        return axis;
    }
}
