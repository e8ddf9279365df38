package io.northstar.output;

import java.util.List;

/**
 * The columns of a result to print: names and which hold numbers (right-aligned in a table,
 * bare in JSON).
 */
public record ResultColumns(List<String> names, List<Boolean> numeric) {

    public ResultColumns {
        names = List.copyOf(names);
        numeric = List.copyOf(numeric);
        if (names.size() != numeric.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + numeric.size() + " numeric flags");
        }
    }

    public int size() {
        return names.size();
    }
}
