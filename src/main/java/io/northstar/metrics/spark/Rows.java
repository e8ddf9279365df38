package io.northstar.metrics.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/** Typed, null-aware reads of Spark rows by column name, for mapping rows to records. */
final class Rows {
    private Rows() {
    }

    static String string(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? null : row.getString(i);
    }

    static Double number(Row row, String column) {
        int i = row.fieldIndex(column);
        if (row.isNullAt(i)) {
            return null;
        }
        Object value = row.get(i);
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return ((Number) value).doubleValue();
    }

    static Integer integer(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? null : ((Number) row.get(i)).intValue();
    }

    static LocalDate date(Row row, String column) {
        int i = row.fieldIndex(column);
        if (row.isNullAt(i)) {
            return null;
        }
        return localDate(row.get(i));
    }

    /** A date as Spark hands it over: LocalDate with the Java 8 time API on, java.sql.Date without. */
    static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    static Boolean bool(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? null : row.getBoolean(i);
    }
}
