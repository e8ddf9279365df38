package io.northstar.job;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.northstar.contract.Datasets;
import io.northstar.jdbc.JdbcConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a job file (YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}) into a
 * validated {@link Job}. Unknown keys, missing required keys and bad values fail with a
 * {@link JobFileException} naming the file, the key path and what was expected.
 */
public final class JobFileReader {

    static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "asOf", "lake", "reports", "fiscalYearStartMonth",
            "currency", "quality", "sources", "spark", "trend", "risk", "priority", "finance", "commentary", "report",
            "publish", "delivery");
    private static final Set<String> DELIVERY_KEYS = Set.of("when", "smtp", "maxAttachmentMb", "notify");
    private static final Set<String> SMTP_KEYS = Set.of("host", "port", "security", "user", "password", "from");
    private static final Set<String> CSV_KEYS = Set.of("format", "path");
    private static final Set<String> JDBC_KEYS = Set.of("format", "url", "user", "password", "table", "query",
            "fetchSize", "partitionColumn", "lowerBound", "upperBound", "numPartitions", "retries", "retryBackoff");
    private static final Set<String> PUBLISH_JDBC_KEYS = Set.of("url", "user", "password", "schema", "tablePrefix",
            "retries", "retryBackoff");
    private static final Set<String> ANY_SOURCE_KEYS = java.util.stream.Stream.concat(CSV_KEYS.stream(),
            JDBC_KEYS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern H2_RELATIVE_FILE = Pattern.compile("(jdbc:h2:(?:file:)?)(\\.\\.?/[^;]*)(.*)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    static final int DEFAULT_RETRIES = 3;
    static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(2);

    private final Map<String, String> environment;

    public JobFileReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Reads with the process environment for {@code ${NAME}}. */
    public static Job read(Path file) {
        return new JobFileReader(System.getenv()).readFile(file);
    }

    public Job readFile(Path file) {
        String shown = file.toString();
        String lowerName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (lowerName.endsWith(".yaml") || lowerName.endsWith(".yml")) {
            mapper = new ObjectMapper(new YAMLFactory());
        } else if (lowerName.endsWith(".json")) {
            mapper = new ObjectMapper();
        } else {
            throw new JobFileException(shown, "", "expected a .yaml, .yml or .json file");
        }
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode tree;
        try {
            tree = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new JobFileException(shown, "", "file not found");
        } catch (JacksonException e) {
            throw new JobFileException(shown, "", "not valid " + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw new JobFileException(shown, "", "cannot be read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new JobFileException(shown, "", "the file is empty");
        }
        Path folder = file.toAbsolutePath().getParent();
        return toJob(new JobNode(shown, "", tree, environment).object(TOP_LEVEL_KEYS), shown, folder);
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private Job toJob(JobNode root, String file, Path folder) {
        String lake = location(root.required("lake"), folder);
        Optional<String> reports = root.optional("reports").map(node -> location(node, folder));
        String currency = root.optional("currency").map(JobNode::nonBlankText).orElse("USD");
        if (!CURRENCY.matcher(currency).matches()) {
            throw root.optional("currency").orElseThrow().error("expected an ISO 4217 code such as EUR, got '" + currency + "'");
        }
        return new Job(
                file,
                root.required("name").nonBlankText(),
                root.optional("asOf").map(JobNode::date),
                lake,
                reports,
                root.optional("fiscalYearStartMonth").map(node -> node.integer(1, 12)).orElse(1),
                currency,
                root.optional("quality").map(JobFileReader::quality).orElse(Settings.Quality.defaults()),
                sources(root.required("sources"), folder),
                root.optional("spark").map(JobFileReader::spark).orElse(Settings.Spark.defaults()),
                root.optional("trend").map(JobFileReader::trend).orElse(Settings.Trend.defaults()),
                root.optional("risk").map(JobFileReader::risk).orElse(Settings.Risk.defaults()),
                root.optional("priority").map(JobFileReader::priority).orElse(Settings.Priority.defaults()),
                root.optional("finance").map(JobFileReader::finance).orElse(Settings.Finance.defaults()),
                root.optional("commentary").map(JobFileReader::commentary).orElse(Settings.Commentary.defaults()),
                root.optional("report").map(JobFileReader::report).orElse(Settings.Report.defaults()),
                root.optional("publish").map(node -> publish(node, folder)),
                root.optional("delivery").map(JobFileReader::delivery));
    }

    private static Delivery delivery(JobNode node) {
        JobNode delivery = node.object(DELIVERY_KEYS);
        Delivery.When when = delivery.optional("when").map(n -> word(n, Delivery.When.values(), Delivery.When::word))
                .orElse(Delivery.When.ALWAYS);
        return new Delivery(when, smtp(delivery.required("smtp")),
                delivery.optional("maxAttachmentMb").map(n -> n.integer(1, 1024))
                        .orElse(Delivery.DEFAULT_MAX_ATTACHMENT_MB),
                delivery.optional("notify").map(JobFileReader::chat));
    }

    private static Delivery.Smtp smtp(JobNode node) {
        JobNode smtp = node.object(SMTP_KEYS);
        Delivery.Security security = smtp.optional("security")
                .map(n -> word(n, Delivery.Security.values(), Delivery.Security::word)).orElse(Delivery.Security.STARTTLS);
        JobNode host = smtp.required("host");
        try {
            return new Delivery.Smtp(host.nonBlankText(),
                    smtp.optional("port").map(n -> n.integer(1, 65_535)).orElse(Delivery.Smtp.defaultPort(security)),
                    security, smtp.optional("user").map(JobNode::nonBlankText).orElse(null),
                    smtp.optional("password").map(n -> new Secret(n.text())).orElse(null),
                    smtp.required("from").nonBlankText());
        } catch (IllegalArgumentException e) {
            throw smtp.optional("security").orElse(host).error(e.getMessage());
        }
    }

    private static Delivery.Notify chat(JobNode node) {
        JobNode notify = node.object(Set.of("webhook", "on"));
        JobNode webhook = notify.required("webhook");
        String url = webhook.nonBlankText();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            // the URL is a secret: the message says what was expected, never what was given
            throw webhook.error("expected an http:// or https:// URL");
        }
        java.util.Set<Delivery.Event> on = new java.util.LinkedHashSet<>();
        for (JobNode event : notify.optional("on").map(JobNode::list).orElse(java.util.List.of())) {
            on.add(word(event, Delivery.Event.values(), Delivery.Event::word));
        }
        if (notify.optional("on").isEmpty()) {
            on.addAll(java.util.List.of(Delivery.Event.FAILURE, Delivery.Event.CRITICAL));
        }
        return new Delivery.Notify(new Secret(url), on);
    }

    /** One of an enum's words, or an error naming them all. */
    private static <E> E word(JobNode node, E[] values, java.util.function.Function<E, String> word) {
        String text = node.nonBlankText();
        for (E value : values) {
            if (word.apply(value).equals(text)) {
                return value;
            }
        }
        throw node.error("expected one of " + String.join(", ", java.util.Arrays.stream(values).map(word).toList())
                + ", got '" + text + "'");
    }

    private static PublishTarget publish(JobNode node, Path folder) {
        JobNode target = node.object(Set.of("jdbc")).required("jdbc").object(PUBLISH_JDBC_KEYS);
        return new PublishTarget(
                jdbcUrl(target, folder),
                target.optional("user").map(JobNode::text).orElse(null),
                target.optional("password").map(n -> new Secret(n.text())).orElse(null),
                target.optional("schema").map(n -> plainName(n)).orElse(null),
                target.optional("tablePrefix").map(n -> n.text().isEmpty() ? "" : plainName(n)).orElse(""),
                retries(target),
                retryBackoff(target));
    }

    private static String plainName(JobNode node) {
        String name = node.nonBlankText();
        if (!PublishTarget.PLAIN_NAME.matcher(name).matches()) {
            throw node.error("expected a plain SQL name (letters, digits and _, not starting with a digit, at most"
                    + " 41 characters), got '" + name + "'");
        }
        return name;
    }

    /**
     * The URL of a {@code jdbc:} key; an H2 file database given by a relative path
     * ({@code jdbc:h2:./x}, {@code jdbc:h2:file:../x}) is resolved against the job file's
     * folder like every other path of the job.
     */
    private static String jdbcUrl(JobNode node, Path folder) {
        JobNode urlNode = node.required("url");
        String url = urlNode.nonBlankText();
        if (!url.startsWith("jdbc:")) {
            throw urlNode.error("expected a JDBC URL starting with jdbc:");
        }
        java.util.regex.Matcher h2 = H2_RELATIVE_FILE.matcher(url);
        if (h2.matches()) {
            url = h2.group(1) + folder.resolve(h2.group(2)).normalize().toAbsolutePath() + h2.group(3);
        }
        requireUsableUrl(urlNode, url);
        return url;
    }

    /** Fails at validation, exit 2, on a URL no run could use (see {@link JdbcConnections#requireUsable}). */
    private static void requireUsableUrl(JobNode urlNode, String url) {
        try {
            JdbcConnections.requireUsable(url);
        } catch (IllegalArgumentException e) {
            throw urlNode.error(e.getMessage());
        }
    }

    private static int retries(JobNode node) {
        return node.optional("retries").map(n -> n.integer(0, 100)).orElse(DEFAULT_RETRIES);
    }

    private static Duration retryBackoff(JobNode node) {
        return node.optional("retryBackoff").map(JobFileReader::duration).orElse(DEFAULT_RETRY_BACKOFF);
    }

    /** A path relative to the job file's folder, or a URI (hdfs://, s3a://, file:) kept as it is. */
    private static String location(JobNode node, Path folder) {
        String text = node.nonBlankText();
        if (URI_SCHEME.matcher(text).matches() && !looksLikeWindowsDrive(text)) {
            return text;
        }
        return folder.resolve(text).normalize().toString();
    }

    private static boolean looksLikeWindowsDrive(String text) {
        return text.length() > 2 && text.charAt(1) == ':' && (text.charAt(2) == '\\' || text.charAt(2) == '/');
    }

    private static Settings.Quality quality(JobNode node) {
        node.object(Set.of("maxRejectRatio", "overrides"));
        double max = node.optional("maxRejectRatio").map(n -> n.number(0, 1))
                .orElse(Settings.Quality.DEFAULT_MAX_REJECT_RATIO);
        Map<String, Double> overrides = new LinkedHashMap<>();
        node.optional("overrides").ifPresent(o -> o.entries().forEach((dataset, value) -> {
            requireKnownDataset(dataset, value);
            overrides.put(dataset, value.number(0, 1));
        }));
        return new Settings.Quality(max, overrides);
    }

    private static void requireKnownDataset(String dataset, JobNode node) {
        if (Datasets.byName(dataset).isEmpty()) {
            throw node.error("unknown dataset (expected one of: " + String.join(", ", Datasets.names()) + ")");
        }
    }

    private static Map<String, SourceSpec> sources(JobNode node, Path folder) {
        Map<String, JobNode> entries = node.entries();
        if (entries.isEmpty()) {
            throw node.error("expected at least one dataset source");
        }
        Map<String, SourceSpec> sources = new LinkedHashMap<>();
        for (String dataset : Datasets.names()) {
            JobNode source = entries.get(dataset);
            if (source != null) {
                sources.put(dataset, source(source, folder));
            }
        }
        entries.forEach((dataset, source) -> requireKnownDataset(dataset, source));
        return sources;
    }

    private static SourceSpec source(JobNode node, Path folder) {
        node.object(ANY_SOURCE_KEYS);
        JobNode formatNode = node.required("format");
        String format = formatNode.nonBlankText().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "csv" -> {
                node.object(CSV_KEYS);
                yield new SourceSpec.Csv(location(node.required("path"), folder));
            }
            case "jdbc" -> jdbc(node.object(JDBC_KEYS), folder);
            default -> throw formatNode.error("expected csv or jdbc, got '" + format + "'");
        };
    }

    private static SourceSpec.Jdbc jdbc(JobNode node, Path folder) {
        String url = jdbcUrl(node, folder);
        Optional<String> table = node.optional("table").map(JobNode::nonBlankText);
        Optional<String> query = node.optional("query").map(JobNode::nonBlankText);
        if (table.isPresent() == query.isPresent()) {
            throw node.error("expected exactly one of table and query");
        }
        Optional<JobNode> partitionColumn = node.optional("partitionColumn");
        Optional<Integer> numPartitions = node.optional("numPartitions").map(n -> n.integer(1, 10_000));
        Optional<Long> lower = node.optional("lowerBound").map(JobNode::whole);
        Optional<Long> upper = node.optional("upperBound").map(JobNode::whole);
        if (partitionColumn.isPresent() != numPartitions.isPresent()) {
            throw node.error("partitionColumn and numPartitions go together");
        }
        if (lower.isPresent() != upper.isPresent() || (lower.isPresent() && partitionColumn.isEmpty())) {
            throw node.error("lowerBound and upperBound go together, with partitionColumn");
        }
        if (lower.isPresent() && lower.get() > upper.get()) {
            throw node.error("lowerBound " + lower.get() + " is above upperBound " + upper.get());
        }
        return new SourceSpec.Jdbc(
                url,
                node.optional("user").map(JobNode::text).orElse(null),
                node.optional("password").map(n -> new Secret(n.text())).orElse(null),
                table.orElse(null),
                query.orElse(null),
                node.optional("fetchSize").map(n -> n.integer(1, 1_000_000)).orElse(null),
                partitionColumn.map(JobNode::nonBlankText).orElse(null),
                lower.orElse(null),
                upper.orElse(null),
                numPartitions.orElse(null),
                retries(node),
                retryBackoff(node));
    }

    private static Duration duration(JobNode node) {
        String text = node.scalar().strip().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw node.error("expected a duration such as 500ms, 2s or 1m, got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static Settings.Spark spark(JobNode node) {
        node.object(Set.of("master", "conf"));
        Map<String, String> conf = new LinkedHashMap<>();
        node.optional("conf").ifPresent(c -> c.entries().forEach((key, value) -> conf.put(key, value.scalar())));
        return new Settings.Spark(node.optional("master").map(JobNode::nonBlankText).orElse(Settings.Spark.DEFAULT_MASTER),
                conf);
    }

    private static Settings.Trend trend(JobNode node) {
        node.object(Set.of("window", "alpha", "confidence"));
        Settings.Trend defaults = Settings.Trend.defaults();
        return new Settings.Trend(
                node.optional("window").map(n -> n.integer(3, 1000)).orElse(defaults.window()),
                node.optional("alpha").map(n -> n.numberBetweenExclusive(0, 1)).orElse(defaults.alpha()),
                node.optional("confidence").map(n -> n.numberBetweenExclusive(0, 1)).orElse(defaults.confidence()));
    }

    private static Settings.Risk risk(JobNode node) {
        node.object(Set.of("trials", "seed"));
        Settings.Risk defaults = Settings.Risk.defaults();
        return new Settings.Risk(
                node.optional("trials").map(n -> n.integer(1, 10_000_000)).orElse(defaults.trials()),
                node.optional("seed").map(JobNode::whole).orElse(defaults.seed()));
    }

    private static Settings.Priority priority(JobNode node) {
        node.object(Set.of("valueWeight", "urgencyWeight", "alignmentWeight"));
        Settings.Priority defaults = Settings.Priority.defaults();
        return new Settings.Priority(
                node.optional("valueWeight").map(n -> n.number(0, 1000)).orElse(defaults.valueWeight()),
                node.optional("urgencyWeight").map(n -> n.number(0, 1000)).orElse(defaults.urgencyWeight()),
                node.optional("alignmentWeight").map(n -> n.number(0, 1000)).orElse(defaults.alignmentWeight()));
    }

    private static Settings.Report report(JobNode node) {
        node.object(Set.of("organisation", "pageSize", "topFindings"));
        Settings.Report defaults = Settings.Report.defaults();
        Settings.PageSize pageSize = defaults.pageSize();
        Optional<JobNode> size = node.optional("pageSize");
        if (size.isPresent()) {
            String text = size.get().nonBlankText().toUpperCase(Locale.ROOT);
            try {
                pageSize = Settings.PageSize.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw size.get().error("expected A4 or Letter, got '" + size.get().text() + "'");
            }
        }
        return new Settings.Report(node.optional("organisation").map(JobNode::nonBlankText).orElse(null), pageSize,
                node.optional("topFindings").map(n -> n.integer(1, 100)).orElse(defaults.topFindings()));
    }

    private static Settings.Commentary commentary(JobNode node) {
        node.object(Set.of("maxAgeDays"));
        return new Settings.Commentary(node.optional("maxAgeDays").map(n -> n.integer(0, 3660))
                .orElse(Settings.Commentary.defaults().maxAgeDays()));
    }

    private static Settings.Finance finance(JobNode node) {
        node.object(Set.of("discountRate"));
        return new Settings.Finance(node.optional("discountRate").map(n -> n.number(0, 1))
                .orElse(Settings.Finance.defaults().discountRate()));
    }
}
