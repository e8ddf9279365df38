package io.northstar.ingest;

import io.northstar.contract.ConformResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Builds the rows of {@link IngestColumns#parsedSchema}: values or a reason, then the lineage. */
final class ParsedRows {
    private ParsedRows() {
    }

    static Row row(ConformResult result, int columnCount, String source, long line, String raw) {
        Object[] values = new Object[columnCount + 5];
        if (result.isAccepted()) {
            System.arraycopy(result.values(), 0, values, 0, columnCount);
        } else {
            values[columnCount + 3] = result.reason().code();
            values[columnCount + 4] = result.detail();
        }
        values[columnCount] = source;
        values[columnCount + 1] = line;
        values[columnCount + 2] = raw;
        return RowFactory.create(values);
    }
}
