package io.northstar.output;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** A way to print a result: a table for people, CSV and JSON Lines for programs. */
public interface ResultFormat {

    /** Writes the columns and every row; returns how many rows were written. */
    long write(ResultColumns columns, Iterator<List<Object>> rows, Writer out) throws IOException;

    /** The format named on the command line: table, csv or json. */
    static ResultFormat named(String name, int tableLimit) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "table" -> new TextTable(tableLimit);
            case "csv" -> new CsvFormat();
            case "json" -> new JsonLinesFormat();
            default -> throw new IllegalArgumentException("unknown format " + name + " (expected table, csv or json)");
        };
    }
}
