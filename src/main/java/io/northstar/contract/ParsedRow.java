package io.northstar.contract;

/** Read access to the parsed values of one row by column name, for {@link RowRule}s. */
@FunctionalInterface
public interface ParsedRow {
    Object get(String column);
}
