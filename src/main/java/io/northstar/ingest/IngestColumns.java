package io.northstar.ingest;

import io.northstar.contract.Column;
import io.northstar.contract.DatasetContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema of a dataset while it is being classified: the contract columns followed
 * by lineage and classification columns, which start with an underscore and never reach the
 * conformed zone.
 */
final class IngestColumns {
    static final String SOURCE = "_source";
    static final String LINE = "_line";
    static final String RAW = "_raw";
    static final String REASON = "_reason";
    static final String DETAIL = "_detail";
    static final String DUPLICATE = "_duplicate";

    private IngestColumns() {
    }

    /** Contract columns, then _source, _line, _raw, _reason, _detail (the order rows are built in). */
    static StructType parsedSchema(DatasetContract contract) {
        List<StructField> fields = new ArrayList<>();
        for (Column column : contract.columns()) {
            // nullable even when required: a rejected row carries nulls in any column
            fields.add(DataTypes.createStructField(column.name(), sparkType(column), true));
        }
        fields.add(DataTypes.createStructField(SOURCE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    static DataType sparkType(Column column) {
        return switch (column.type()) {
            case ID, TEXT, ENUM, PERIOD, EMAIL -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case MONEY -> DataTypes.createDecimalType(18, 2);
            case NUM -> DataTypes.DoubleType;
            case INT -> DataTypes.IntegerType;
            case BOOL -> DataTypes.BooleanType;
        };
    }
}
