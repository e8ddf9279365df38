package io.northstar.report.render;

import io.northstar.concurrent.TaskGraph;
import io.northstar.job.Settings;
import io.northstar.report.DisplayText;
import io.northstar.report.DisplayValues;
import io.northstar.report.PackFiles;
import io.northstar.report.ReportData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders the PDF scorecards from {@link ReportData} with the JRXML templates under
 * {@code reports/} (shipped in the jar), every text first made fit for the page by
 * {@link DisplayValues}. Templates are compiled once per JVM and page size; a PDF is written
 * next to its final name and moved into place, so a half-written file never replaces a good one.
 */
public final class ReportRenderer {
    public static final String EXECUTIVE_SCORECARD = PackFiles.EXECUTIVE_SCORECARD;
    public static final String BUSINESS_UNIT = PackFiles.BUSINESS_UNIT;
    public static final String REVIEW_PACK = PackFiles.REVIEW_PACK;
    /** The section and list templates the scorecard uses, passed to it as SR_NAME parameters. */
    static final List<String> PARTS = List.of("summary", "kpis", "portfolio", "budget", "risk", "services",
            "appendix", "tiles", "unit-tiles", "aims", "findings", "priority", "towers", "vendors", "heatmap", "overdue", "impacted",
            "quality", "glossary", "commentary", "decisions", "bu-projects", "bu-risks", "bu-kpis", "review-changes", "review-swot", "review-swot-quadrant",
            "review-cases", "review-refresh");
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();
    private static final int VIRTUALIZER_PAGES = 200;

    private final Settings.PageSize pageSize;

    public ReportRenderer(Settings.PageSize pageSize) {
        this.pageSize = pageSize;
    }

    /** Renders the executive scorecard into the folder and returns the PDF's path. */
    public Path renderScorecard(ReportData data, Path folder, String title) {
        return render(EXECUTIVE_SCORECARD, data, folder.resolve(EXECUTIVE_SCORECARD + ".pdf"), title);
    }

    /** Renders the quarterly strategy review pack into the folder and returns the PDF's path. */
    public Path renderReviewPack(ReportData data, Path folder, String title) {
        return render(REVIEW_PACK, data, folder.resolve(REVIEW_PACK + ".pdf"), title);
    }

    /**
     * Renders the executive scorecard, the review pack and one scorecard per business unit
     * (bursting, as {@code business-unit-<slug>.pdf}; the slug keeps any unit name a safe file
     * name); returns them in that order. All render on every core at once, the executive
     * scorecard first: it is the longest (hundreds of pages on a large portfolio), and started
     * last it would run alone at the end. Filling and exporting a PDF is single-threaded CPU
     * work. File names are chosen first, in the units' order, so they do not depend on timing.
     */
    public List<Path> renderAll(ReportData scorecard, String scorecardTitle, ReportData reviewPack,
            String reviewPackTitle, Map<String, ReportData> units, Path folder, String organisation) {
        TaskGraph<Path> graph = new TaskGraph<>("northstar-report", Runtime.getRuntime().availableProcessors());
        graph.add(EXECUTIVE_SCORECARD, Set.of(), 2, () -> renderScorecard(scorecard, folder, scorecardTitle));
        graph.add(REVIEW_PACK, Set.of(), 1, () -> renderReviewPack(reviewPack, folder, reviewPackTitle));
        Map<String, String> files = PackFiles.businessUnits(units.keySet());
        units.forEach((unit, data) -> {
            Path target = folder.resolve(files.get(unit));
            String title = organisation + " — " + DisplayText.title(unit) + " scorecard as of "
                    + data.parameters().get("AS_OF");
            graph.add(target.toString(), Set.of(), () -> render(BUSINESS_UNIT, data, target, title));
        });
        return graph.run(pdf -> { });
    }

    private Path render(String template, ReportData data, Path target, String title) {
        ReportData shown = DisplayValues.of(data);
        Map<String, Object> parameters = new HashMap<>(shown.parameters());
        shown.tables().forEach((name, rows) -> parameters.put(name.toUpperCase(Locale.ROOT), rows));
        for (String part : PARTS) {
            parameters.put("SR_" + part.toUpperCase(Locale.ROOT).replace('-', '_'), compiled(part, false));
        }
        parameters.put(JRParameter.REPORT_LOCALE, Locale.UK);
        // pages beyond the first few hundred go to a swap file, so a large scorecard cannot exhaust the heap
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(VIRTUALIZER_PAGES,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 64), true);
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        try {
            JasperPrint print = JasperFillManager.fillReport(compiled(template, true), parameters,
                    new JREmptyDataSource(1));
            virtualizer.setReadOnly(true);
            return export(print, target, title, REVIEW_PACK.equals(template) ? "IT strategy review"
                    : "IT strategy scorecard");
        } catch (JRException e) {
            throw new IllegalStateException("rendering " + template + " failed: " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
        }
    }

    private Path export(JasperPrint print, Path target, String title, String subject) throws JRException {
        try {
            Files.createDirectories(target.getParent());
            // not Files.createTempFile: its file is private to the owner (0600), and the published PDF
            // keeps the mode of this file; created plainly, it gets the umask's mode like the lake's files
            Path partial = Files.createFile(target.resolveSibling("." + target.getFileName() + "."
                    + UUID.randomUUID() + ".partial"));
            try {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(partial.toFile()));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(DisplayText.clean(title));
                configuration.setMetadataAuthor("Northstar");
                configuration.setMetadataSubject(subject);
                configuration.setMetadataKeywords("IT strategy, KPI, portfolio, budget, risk, services");
                configuration.setMetadataCreator("Northstar");
                configuration.setDisplayMetadataTitle(true);
                exporter.setConfiguration(configuration);
                exporter.exportReport();
                Files.write(partial, ReproduciblePdf.normalize(Files.readAllBytes(partial)));
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** A template compiled for this page size (the master takes the page size; parts are width-only). */
    JasperReport compiled(String name, boolean master) {
        String key = name + (master ? "@" + pageSize : "");
        return COMPILED.computeIfAbsent(key, k -> compile(name, master));
    }

    private JasperReport compile(String name, boolean master) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template " + resource + " is not on the classpath");
            }
            JasperDesign design = JRXmlLoader.load(in);
            if (master) {
                int margin = (pageSize.width() - design.getColumnWidth()) / 2;
                design.setPageWidth(pageSize.width());
                design.setPageHeight(pageSize.height());
                design.setLeftMargin(margin);
                design.setRightMargin(pageSize.width() - design.getColumnWidth() - margin);
            }
            return JasperCompileManager.compileReport(design);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("report template " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
