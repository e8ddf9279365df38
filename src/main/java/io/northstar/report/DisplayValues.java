package io.northstar.report;

import static io.northstar.report.DisplayText.NAME_LENGTH;
import static io.northstar.report.DisplayText.NARROW_LENGTH;
import static io.northstar.report.DisplayText.TITLE_LENGTH;
import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where report data becomes what a page shows: every text in a report's parameters and tables
 * (nested rows and lists too) is cleaned by {@link DisplayText}, and cut to what its place on the
 * page holds. A name is cut by the narrowest column that shows it; any other text is treated as
 * a sentence. The templates then show values as they get them, and a name from the data can
 * neither spread a table over pages nor reverse the text around it.
 */
public final class DisplayValues {
    /** Parameter and column names that hold names or ids, and how many characters each may show. */
    private static final Map<String, Integer> NAME_LIMITS = Map.ofEntries(
            // headings, and risk and case titles: short sentences (the sample's reach 80 characters)
            entry("ORGANISATION", TITLE_LENGTH),
            entry("BUSINESS_UNIT", TITLE_LENGTH),
            entry("JOB", TITLE_LENGTH),
            entry("title", TITLE_LENGTH),
            // what a comment is about: a KPI, project, service or a risk's title, in a column that wraps
            entry("entity_name", TITLE_LENGTH),
            // names in columns of 130 pt or more; owners too, whose job titles run long
            entry("name", NAME_LENGTH),
            entry("owner", NAME_LENGTH),
            entry("about", NAME_LENGTH),
            entry("asked_by", NAME_LENGTH),
            // an owner's comment and action in one line: a decision's options, its action, owner and date kept whole
            entry("line", 3 * DisplayText.SENTENCE_LENGTH),
            // the approved projects the portfolio table cannot list yet, by name, unit and start
            entry("NOT_STARTED", 3 * DisplayText.SENTENCE_LENGTH),
            // the variance column against page 1's overrun, naming the projects inside a programme
            entry("PORTFOLIO_RECONCILIATION", 2 * DisplayText.SENTENCE_LENGTH),
            // the reasoning under a decision: its options, their cost and the recommendation
            entry("why", 2 * DisplayText.SENTENCE_LENGTH),
            // a glossary term's meaning: Northstar's own words, kept whole
            entry("meaning", 2 * DisplayText.SENTENCE_LENGTH),
            entry("objective", NAME_LENGTH),
            entry("aim", NAME_LENGTH),
            entry("corporate_aim", NAME_LENGTH),
            entry("asset_class", NAME_LENGTH),
            entry("source", NAME_LENGTH),
            // narrower columns; vendors too, whose table ends a budget page that is full
            entry("vendor", NARROW_LENGTH),
            entry("business_unit", NARROW_LENGTH),
            entry("tower", NARROW_LENGTH),
            entry("category", NARROW_LENGTH),
            entry("dataset", NARROW_LENGTH),
            entry("unit", NARROW_LENGTH),
            entry("tier", NARROW_LENGTH),
            entry("key", NARROW_LENGTH),
            entry("impacted_by", NARROW_LENGTH),
            entry("impacted_services", NARROW_LENGTH),
            entry("entity_id", NARROW_LENGTH),
            entry("kpi_id", NARROW_LENGTH),
            entry("risk_id", NARROW_LENGTH),
            entry("project_id", NARROW_LENGTH),
            entry("service_id", NARROW_LENGTH),
            entry("objective_id", NARROW_LENGTH),
            entry("case_id", NARROW_LENGTH));

    private DisplayValues() {
    }

    /** The data with every text as the page shows it; numbers, flags and nulls as they were. */
    public static ReportData of(ReportData data) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        data.parameters().forEach((name, value) -> parameters.put(name, shown(name, value)));
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        data.tables().forEach((name, rows) -> tables.put(name, rows.stream().map(DisplayValues::row).toList()));
        return new ReportData(parameters, tables);
    }

    private static Map<String, Object> row(Map<?, ?> row) {
        Map<String, Object> shown = new LinkedHashMap<>();
        row.forEach((column, value) -> shown.put((String) column, shown((String) column, value)));
        return shown;
    }

    /** A list takes the limit of the column that holds it: a list of names is shown as names. */
    private static Object shown(String name, Object value) {
        if (value instanceof String text) {
            Integer limit = NAME_LIMITS.get(name);
            return limit == null ? DisplayText.sentence(text) : DisplayText.name(text, limit);
        }
        if (value instanceof Map<?, ?> nested) {
            return row(nested);
        }
        if (value instanceof List<?> items) {
            List<Object> shown = new ArrayList<>(items.size());
            items.forEach(item -> shown.add(shown(name, item)));
            return shown;
        }
        return value;
    }
}
