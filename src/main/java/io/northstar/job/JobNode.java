package io.northstar.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of a parsed job file that knows its key path, so that every error names the file,
 * the key and what was expected. Strings are interpolated ({@code ${NAME}}) when read.
 */
final class JobNode {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String file;
    private final String path;
    private final JsonNode node;
    private final Map<String, String> environment;

    JobNode(String file, String path, JsonNode node, Map<String, String> environment) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.environment = environment;
    }

    String path() {
        return path;
    }

    JobFileException error(String problem) {
        return new JobFileException(file, path, problem);
    }

    /** Fails on any key outside {@code allowed}, naming it and the keys that are allowed. */
    JobNode object(Set<String> allowed) {
        if (!node.isObject()) {
            throw error("expected a mapping of " + new TreeSet<>(allowed) + ", got " + describe());
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name).error("unknown key (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** The entries of a mapping whose keys are free (dataset names, Spark settings). */
    Map<String, JobNode> entries() {
        if (!node.isObject()) {
            throw error("expected a mapping, got " + describe());
        }
        Map<String, JobNode> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> entries.put(entry.getKey(), child(entry.getKey())));
        return entries;
    }

    Optional<JobNode> optional(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(key));
    }

    JobNode required(String key) {
        return optional(key).orElseThrow(() -> child(key).error("required key is missing"));
    }

    private JobNode child(String key) {
        return new JobNode(file, path.isEmpty() ? key : path + "." + key, node.get(key), environment);
    }

    boolean isText() {
        return node.isTextual();
    }

    String text() {
        if (!node.isValueNode() || node.isNull()) {
            throw error("expected a text value, got " + describe());
        }
        return interpolate(node.asText());
    }

    String nonBlankText() {
        String text = text();
        if (text.isBlank()) {
            throw error("expected a non-blank text value");
        }
        return text.strip();
    }

    int integer(int min, int max) {
        long value = whole();
        if (value < min || value > max) {
            throw error("expected an integer in " + min + ".." + max + ", got " + value);
        }
        return (int) value;
    }

    long whole() {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        String text = text();
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw error("expected an integer, got '" + text + "'");
        }
    }

    double number(double min, double max) {
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else {
            String text = text();
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw error("expected a number, got '" + text + "'");
            }
        }
        if (!(value >= min && value <= max)) {
            throw error("expected a number in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** A number in the open interval (min, max). */
    double numberBetweenExclusive(double min, double max) {
        double value = number(min, max);
        if (value == min || value == max) {
            throw error("expected a number strictly between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    LocalDate date() {
        String text = text().strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("expected a date yyyy-MM-dd, got '" + text + "'");
        }
    }

    /** A scalar as a string (Spark settings may be written as numbers or booleans). */
    String scalar() {
        return text();
    }

    List<JobNode> list() {
        if (!node.isArray()) {
            throw error("expected a list, got " + describe());
        }
        List<JobNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new JobNode(file, path + "[" + i + "]", node.get(i), environment));
        }
        return items;
    }

    private String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                throw error("environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String describe() {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }
}
