package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.jdbc.Dialect;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a published table: its name, its SQL type in the target database, and how a
 * lake value is bound to an INSERT. Lists of ids become one comma-separated text (ids never hold
 * a comma), which every BI tool can show and split.
 */
record SqlColumn(String name, Kind kind, String sqlType) implements Serializable {

    enum Kind {
        TEXT(Types.VARCHAR),
        TEXT_LIST(Types.VARCHAR),
        BOOLEAN(Types.BOOLEAN),
        INT(Types.INTEGER),
        BIGINT(Types.BIGINT),
        DOUBLE(Types.DOUBLE),
        DECIMAL(Types.DECIMAL),
        DATE(Types.DATE);

        private final int sqlType;

        Kind(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    SqlColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(sqlType, "sqlType is null");
    }

    /** The column for a lake field; fails, naming the table and column, on a type it cannot hold. */
    static SqlColumn of(Dialect dialect, String table, StructField field) {
        DataType type = field.dataType();
        if (type.equals(DataTypes.StringType)) {
            return new SqlColumn(field.name(), Kind.TEXT, dialect.textType());
        }
        if (type.equals(DataTypes.BooleanType)) {
            return new SqlColumn(field.name(), Kind.BOOLEAN, "BOOLEAN");
        }
        if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            return new SqlColumn(field.name(), Kind.INT, "INTEGER");
        }
        if (type.equals(DataTypes.LongType)) {
            return new SqlColumn(field.name(), Kind.BIGINT, "BIGINT");
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
            return new SqlColumn(field.name(), Kind.DOUBLE, dialect.doubleType());
        }
        if (type instanceof DecimalType decimal) {
            return new SqlColumn(field.name(), Kind.DECIMAL, "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")");
        }
        if (type.equals(DataTypes.DateType)) {
            return new SqlColumn(field.name(), Kind.DATE, "DATE");
        }
        if (type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
            return new SqlColumn(field.name(), Kind.TEXT_LIST, dialect.textType());
        }
        throw new IllegalArgumentException("table " + table + ", column " + field.name() + ": type "
                + type.simpleString() + " cannot be published to a database");
    }

    /** Binds the value of this column in {@code row} (at {@code ordinal}) to parameter {@code index}. */
    void bind(PreparedStatement statement, int index, Row row, int ordinal) throws SQLException {
        if (row.isNullAt(ordinal)) {
            statement.setNull(index, kind.sqlType);
            return;
        }
        switch (kind) {
            case TEXT -> statement.setString(index, row.getString(ordinal));
            case TEXT_LIST -> statement.setString(index, String.join(",", row.<String>getList(ordinal)));
            case BOOLEAN -> statement.setBoolean(index, row.getBoolean(ordinal));
            case INT -> statement.setInt(index, ((Number) row.get(ordinal)).intValue());
            case BIGINT -> statement.setLong(index, row.getLong(ordinal));
            case DOUBLE -> statement.setDouble(index, ((Number) row.get(ordinal)).doubleValue());
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) row.get(ordinal));
            case DATE -> statement.setDate(index, date(row.get(ordinal)));
        }
    }

    /** A date however the session hands it over: LocalDate with the Java 8 API, java.sql.Date without. */
    private static Date date(Object value) {
        return value instanceof LocalDate local ? Date.valueOf(local) : (Date) value;
    }

    static List<String> names(List<SqlColumn> columns) {
        return columns.stream().map(SqlColumn::name).toList();
    }
}
