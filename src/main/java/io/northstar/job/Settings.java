package io.northstar.job;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** The smaller sections of a job file, each with its defaults next to it. */
public final class Settings {
    private Settings() {
    }

    /** {@code quality:} the data-quality gate. */
    public record Quality(double maxRejectRatio, Map<String, Double> overrides) {
        public static final double DEFAULT_MAX_REJECT_RATIO = 0.05;

        public Quality {
            checkRatio(maxRejectRatio);
            overrides = Map.copyOf(overrides);
            overrides.values().forEach(Settings::checkRatio);
        }

        public static Quality defaults() {
            return new Quality(DEFAULT_MAX_REJECT_RATIO, Map.of());
        }

        public double maxRejectRatioFor(String dataset) {
            return overrides.getOrDefault(dataset, maxRejectRatio);
        }
    }

    /** {@code spark:} where Spark runs and any extra configuration. */
    public record Spark(String master, Map<String, String> conf) {
        public static final String DEFAULT_MASTER = "local[*]";

        public Spark {
            requireNonNull(master, "master is null");
            conf = Map.copyOf(conf);
        }

        public static Spark defaults() {
            return new Spark(DEFAULT_MASTER, Map.of());
        }
    }

    /** {@code trend:} the KPI trend regression (SPEC.md §2.2). */
    public record Trend(int window, double alpha, double confidence) {
        public Trend {
            if (window < 3) {
                throw new IllegalArgumentException("window must be >= 3");
            }
            if (!(alpha > 0 && alpha < 1) || !(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("alpha and confidence must be in (0, 1)");
            }
        }

        public static Trend defaults() {
            return new Trend(12, 0.10, 0.80);
        }
    }

    /** {@code risk:} the Monte Carlo simulation (SPEC.md §2.8). */
    public record Risk(int trials, long seed) {
        public Risk {
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be >= 1");
            }
        }

        public static Risk defaults() {
            return new Risk(20_000, 42L);
        }
    }

    /** {@code priority:} the weights of the prioritization score (SPEC.md §2.10). */
    public record Priority(double valueWeight, double urgencyWeight, double alignmentWeight) {
        public Priority {
            if (valueWeight < 0 || urgencyWeight < 0 || alignmentWeight < 0) {
                throw new IllegalArgumentException("weights must be >= 0");
            }
        }

        public static Priority defaults() {
            return new Priority(0.4, 0.3, 0.3);
        }
    }

    /** {@code finance:} defaults for business cases (SPEC.md §4.1). */
    public record Finance(double discountRate) {
        public Finance {
            checkRatio(discountRate);
        }

        public static Finance defaults() {
            return new Finance(0.08);
        }
    }

    /**
     * {@code commentary:} when an entity's latest comment still counts (SPEC.md §4.5): at most
     * {@code maxAgeDays} days before as_of is current, older is stale.
     */
    public record Commentary(int maxAgeDays) {
        public Commentary {
            if (maxAgeDays < 0) {
                throw new IllegalArgumentException("maxAgeDays must be >= 0");
            }
        }

        public static Commentary defaults() {
            return new Commentary(45);
        }
    }

    /** {@code report:} how the PDF scorecards look. */
    public record Report(String organisation, PageSize pageSize, int topFindings) {
        public Report {
            requireNonNull(pageSize, "pageSize is null");
            if (topFindings < 1) {
                throw new IllegalArgumentException("topFindings must be >= 1");
            }
        }

        /**
         * The organisation defaults to the job's name when the file gives none; six findings keep
         * page 1 (verdict, tiles, decisions, aims, findings) on one page.
         */
        public static Report defaults() {
            return new Report(null, PageSize.A4, 6);
        }
    }

    /** The paper the PDFs are laid out for. */
    public enum PageSize {
        A4(595, 842), LETTER(612, 792);

        private final int width;
        private final int height;

        PageSize(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** Width in points (1/72 inch). */
        public int width() {
            return width;
        }

        /** Height in points. */
        public int height() {
            return height;
        }
    }

    static void checkRatio(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a ratio must be in [0, 1], was " + ratio);
        }
    }
}
