package io.northstar.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fiscal year from July: year to date and the run-rate forecast follow it (SPEC.md §2.7). */
class BudgetFiscalYearTest {

    @TempDir
    Path folder;

    @Test
    void yearToDateStartsInJulyAndTheRunRateCountsNineMonths() throws IOException {
        Job job = JobFileReader.read(Files.writeString(folder.resolve("job.yaml"),
                "name: fy\nlake: lake\nfiscalYearStartMonth: 7\nsources: { budget_lines: { format: csv, path: b } }\n"));
        // as_of 2026-03-31: fiscal year 2025-07..2026-06, 9 months elapsed
        Dataset<Row> lines = TestingSpark.session().sql("select * from values "
                + "('2025-06', 'IT', 'opex', 500.00, 500.00, cast(null as decimal(18,2))), "
                + "('2025-07', 'IT', 'opex', 100.00, 110.00, null), "
                + "('2026-03', 'IT', 'opex', 100.00, 160.00, null), "
                + "('2026-05', 'IT', 'opex', 100.00, 0.00, null) "
                + "as t(period, business_unit, category, plan, actual, forecast)")
                .selectExpr("period", "business_unit", "cast(null as string) as cost_center",
                        "cast(null as string) as project_id", "category", "cast(null as string) as tower",
                        "cast(null as string) as vendor", "cast(plan as decimal(18,2)) as plan",
                        "cast(actual as decimal(18,2)) as actual", "cast(forecast as decimal(18,2)) as forecast");
        MetricsContext context = new MetricsContext(TestingSpark.session(),
                SnapshotTables.of(Map.of("budget_lines", lines)), LocalDate.of(2026, 3, 31), "test", job, Map.of());
        Row total = BudgetTables.compute(context).get(BudgetTables.VARIANCE).filter("grain = 'total'").first();
        assertThat((BigDecimal) total.getAs("plan_ytd")).isEqualByComparingTo("200.00"); // July and March
        assertThat((BigDecimal) total.getAs("actual_ytd")).isEqualByComparingTo("270.00");
        assertThat((BigDecimal) total.getAs("plan_fy")).isEqualByComparingTo("300.00");
        // no forecast in April..June: 270 / 9 × 12 = 360
        assertThat((BigDecimal) total.getAs("forecast_fy")).isEqualByComparingTo("360.00");
        assertThat((String) total.getAs("status")).isEqualTo("red"); // +35 %
    }
}
