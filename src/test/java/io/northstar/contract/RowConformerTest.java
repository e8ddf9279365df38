package io.northstar.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowConformerTest {

    private static final String PROJECT_HEADER = "project_id,name,parent_id,business_unit,category,status,start_date,"
            + "planned_end_date,budget,strategic_value,urgency,effort,sponsor,manager";

    private static ConformResult conform(String dataset, String header, String... fields) {
        RowConformer conformer = RowConformer.forHeader(Datasets.require(dataset), Arrays.asList(header.split(",")),
                "test.csv");
        return conformer.conform(Arrays.asList(fields));
    }

    private static ConformResult project(String... fields) {
        return conform("projects", PROJECT_HEADER, fields);
    }

    @Test
    void parsesAGoodRowIntoTypedValuesInContractOrder() {
        ConformResult result = project(" P1 ", "Web shop", "", "Retail", "Transform", " ACTIVE ", "2025-01-01",
                "2026-12-31", "2400000.005", "5", "4", "3", "CDO", "");
        assertThat(result.isAccepted()).isTrue();
        Object[] values = result.values();
        assertThat(values[0]).isEqualTo("P1");
        assertThat(values[2]).isNull();
        assertThat(values[4]).isEqualTo("transform");
        assertThat(values[5]).isEqualTo("active");
        assertThat(values[6]).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(values[8]).as("money rounds half-up to cents").isEqualTo(new BigDecimal("2400000.01"));
        assertThat(values[9]).isEqualTo(5);
        assertThat(values[13]).isNull();
    }

    @Test
    void appliesDefaultsToBlankOptionalColumns() {
        ConformResult objective = conform("objectives", "objective_id,name,level", "O1", "Aim", "corporate_aim");
        assertThat(objective.values()[4]).as("weight").isEqualTo(1.0);
        ConformResult kpi = conform("kpis", "kpi_id,name,direction,frequency,tolerance", "K1", "Uptime",
                "higher_is_better", "", "");
        DatasetContract kpis = Datasets.require("kpis");
        assertThat(kpi.values()[kpis.indexOf("frequency")]).isEqualTo("monthly");
        assertThat(kpi.values()[kpis.indexOf("tolerance")]).isEqualTo(0.10);
    }

    @ParameterizedTest(name = "unit ''{0}'' gives [{1}, {2}]")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "%          | 0.0  | 100.0",
        "' % '      | 0.0  | 100.0",
        "% of staff | null | null",
        "pct        | null | null",
        "null       | null | null",
    })
    void onlyTheUnitPercentExactlyDefaultsBlankBoundsToZeroAndHundred(String unit, Double lower, Double upper) {
        ConformResult kpi = conform("kpis", "kpi_id,name,direction,unit,lower_bound,upper_bound", "K1", "Share",
                "higher_is_better", unit == null ? "" : unit, "", "");
        DatasetContract kpis = Datasets.require("kpis");
        assertThat(kpi.values()[kpis.indexOf("lower_bound")]).isEqualTo(lower);
        assertThat(kpi.values()[kpis.indexOf("upper_bound")]).isEqualTo(upper);
    }

    @Test
    void aPercentKpisExplicitBoundOverridesOnlyItsOwnSide() {
        ConformResult kpi = conform("kpis", "kpi_id,name,direction,unit,target,upper_bound", "K1", "Growth",
                "higher_is_better", "%", "150", "200");
        DatasetContract kpis = Datasets.require("kpis");
        assertThat(kpi.isAccepted()).isTrue();
        assertThat(kpi.values()[kpis.indexOf("lower_bound")]).isEqualTo(0.0);
        assertThat(kpi.values()[kpis.indexOf("upper_bound")]).isEqualTo(200.0);
        assertThat(conform("kpis", "kpi_id,name,direction,unit,target", "K1", "Share", "higher_is_better", "%",
                "100.5").detail()).isEqualTo("target 100.5 is above upper_bound 100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong field count      | malformed_row",
        "blank required         | missing_required",
        "bad id                 | bad_type",
        "bad date               | bad_type",
        "impossible date        | bad_type",
        "NaN budget             | bad_type",
        "thousands separator    | bad_type",
        "too many digits        | bad_type",
        "decimal effort         | bad_type",
        "bad enum               | bad_enum",
        "negative budget        | out_of_range",
        "effort above 5         | out_of_range",
        "end before start       | out_of_range",
    })
    void quarantinesEachKindOfBadProjectRow(String kind, String reason) {
        String[] row = {"P1", "Name", "", "Retail", "run", "active", "2025-01-01", "2025-12-31", "100", "3", "3", "3",
            "", ""};
        switch (kind.strip()) {
            case "wrong field count" -> row = Arrays.copyOf(row, 13);
            case "blank required" -> row[3] = "  ";
            case "bad id" -> row[0] = "P 1";
            case "bad date" -> row[6] = "01/02/2025";
            case "impossible date" -> row[6] = "2025-02-30";
            case "NaN budget" -> row[8] = "NaN";
            case "thousands separator" -> row[8] = "1,000";
            case "too many digits" -> row[8] = "12345678901234567890";
            case "decimal effort" -> row[11] = "2.5";
            case "bad enum" -> row[4] = "maintain";
            case "negative budget" -> row[8] = "-1";
            case "effort above 5" -> row[11] = "6";
            case "end before start" -> row[7] = "2024-12-31";
            default -> throw new IllegalArgumentException(kind);
        }
        assertThat(project(row).reason().code()).isEqualTo(reason.strip());
    }

    @Test
    void aRowWithTheWrongFieldCountSaysHowManyWereExpected() {
        assertThat(project("P1", "Name").detail()).isEqualTo("expected 14 fields as in the header, found 2");
    }

    @Test
    void reportsTheFirstReasonInSpecOrderAcrossAllColumns() {
        // a bad enum in an early column and a bad date in a later one: bad_type comes first
        ConformResult result = project("P1", "Name", "", "Retail", "maintain", "active", "not-a-date", "", "100", "", "",
                "", "", "");
        assertThat(result.reason()).isEqualTo(QuarantineReason.BAD_TYPE);
        assertThat(result.detail()).isEqualTo("start_date: 'not-a-date' is not a date (yyyy-MM-dd)");
    }

    @Test
    void namesEveryBlankRequiredColumn() {
        ConformResult result = project("P1", "", "", "", "run", "active", "", "", "100", "", "", "", "", "");
        assertThat(result.detail()).isEqualTo("blank required name, business_unit");
    }

    @Test
    void rejectsNonFiniteAndNonDecimalNumbers() {
        for (String value : List.of("NaN", "Infinity", "-Infinity", "1e999", "0x1p3", "1d", "12,5", "")) {
            ConformResult result = conform("kpi_observations", "kpi_id,period_end,value", "K1", "2026-01-31", value);
            assertThat(result.isAccepted()).as(value).isFalse();
        }
        ConformResult ok = conform("kpi_observations", "kpi_id,period_end,value", "K1", "2026-01-31", "-1.5e3");
        assertThat(ok.values()[2]).isEqualTo(-1500.0);
    }

    @Test
    void contributionMustBeAboveZeroAndAtMostOne() {
        String header = "project_id,objective_id,contribution";
        assertThat(conform("project_objectives", header, "P1", "O1", "0").reason())
                .isEqualTo(QuarantineReason.OUT_OF_RANGE);
        assertThat(conform("project_objectives", header, "P1", "O1", "1.01").detail())
                .isEqualTo("contribution: 1.01 is not in (0, 1]");
        assertThat(conform("project_objectives", header, "P1", "O1", "1").isAccepted()).isTrue();
    }

    @Test
    void riskCostsMustNotDecrease() {
        String header = "risk_id,title,category,likelihood,impact,status,cost_low,cost_most_likely,cost_high";
        ConformResult broken = conform("risks", header, "R1", "Outage", "operational", "3", "4", "open", "100", "50",
                "200");
        assertThat(broken.reason()).isEqualTo(QuarantineReason.OUT_OF_RANGE);
        assertThat(broken.detail()).startsWith("cost_low 100.00 is above cost_most_likely 50.00");
        assertThat(conform("risks", header, "R1", "Outage", "operational", "3", "4", "open", "100", "", "50").reason())
                .as("present values are compared even when one is blank").isEqualTo(QuarantineReason.OUT_OF_RANGE);
        assertThat(conform("risks", header, "R1", "Outage", "operational", "3", "4", "open", "100", "100", "100")
                .isAccepted()).isTrue();
    }

    @Test
    void aServiceCannotDependOnItself() {
        ConformResult result = conform("service_dependencies", "service_id,depends_on", "S1", "S1");
        assertThat(result.reason()).isEqualTo(QuarantineReason.SELF_DEPENDENCY);
    }

    @Test
    void periodsAreYearAndMonth() {
        String header = "period,business_unit,category,plan,actual";
        assertThat(conform("budget_lines", header, "2026-13", "Retail", "opex", "1", "1").reason())
                .isEqualTo(QuarantineReason.BAD_TYPE);
        assertThat(conform("budget_lines", header, "2026-01", "Retail", "opex", "1", "1").values()[0])
                .isEqualTo("2026-01");
    }

    @Test
    void matchesHeaderNamesIgnoringCaseAndSpaceAndListsExtras() {
        RowConformer conformer = RowConformer.forHeader(Datasets.require("kpi_observations"),
                List.of(" KPI_ID", "Period_End ", "value", "comment"), "obs.csv");
        assertThat(conformer.extraColumns()).containsExactly("comment");
        assertThat(conformer.conform(List.of("K1", "2026-01-31", "3", "ignored")).isAccepted()).isTrue();
    }

    @Test
    void aMissingRequiredColumnFailsNamingFileAndColumn() {
        assertThatThrownBy(() -> RowConformer.forHeader(Datasets.require("kpis"), List.of("kpi_id", "name"),
                "data/kpis.csv"))
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
                .hasMessageContaining("data/kpis.csv")
                .hasMessageContaining("missing required column direction");
    }

    @Test
    void aContractColumnTwiceInTheHeaderFails() {
        assertThatThrownBy(() -> RowConformer.forHeader(Datasets.require("kpi_observations"),
                List.of("kpi_id", "period_end", "value", "value"), "obs.csv"))
                .hasMessageContaining("column 'value' appears more than once");
    }

    private static final String KPI_COLUMNS = "kpi_id,name,objective_id,unit,direction,frequency,baseline,"
            + "baseline_date,target,target_date,tolerance,owner,lower_bound,upper_bound";

    private static RowConformer kpisWith(String header) {
        return RowConformer.forHeader(Datasets.require("kpis"), Arrays.asList(header.split(",")), "kpis.csv");
    }

    @Test
    void aSourceWithEveryContractColumnHasNoColumnWarning() {
        assertThat(kpisWith(KPI_COLUMNS + ",comment").columnWarnings()).isEmpty();
    }

    @Test
    void anOptionalColumnTheSourceLacksIsMissingInContractOrder() {
        RowConformer conformer = kpisWith(KPI_COLUMNS.replace(",target,", ",").replace(",owner", ""));
        assertThat(conformer.columnWarnings()).containsExactly(ColumnWarning.missing("target"),
                ColumnWarning.missing("owner"));
    }

    @Test
    void aRenamedOptionalColumnIsUnrecognisedNamingWhatItLikelyIs() {
        RowConformer conformer = kpisWith(KPI_COLUMNS.replace(",target,", ",target_value,"));
        assertThat(conformer.columnWarnings()).containsExactly(ColumnWarning.unrecognised("target_value", "target"));
        assertThat(conformer.extraColumns()).containsExactly("target_value");
        assertThat(conformer.conform(Arrays.asList("K1,Uptime,,%,higher_is_better,,,,99,,,,,".split(",", -1)))
                .values()[Datasets.require("kpis").indexOf("target")]).as("the renamed column stays unread").isNull();
    }

    @Test
    void anExtraColumnThatResemblesAColumnTheSourceHasIsNoWarning() {
        RowConformer conformer = kpisWith(KPI_COLUMNS + ",target_value,owner_email");
        assertThat(conformer.columnWarnings()).isEmpty();
        assertThat(conformer.extraColumns()).containsExactly("target_value", "owner_email");
    }

    @Test
    void aMissingRequiredColumnNamesTheSourceColumnThatLooksLikeIt() {
        assertThatThrownBy(() -> RowConformer.forHeader(Datasets.require("kpi_observations"),
                List.of("kpi_id", "period_end", "values"), "obs.csv"))
                .hasMessageContaining("missing required column value (header has: kpi_id, period_end, values);"
                        + " values looks like value misnamed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a text  | name      | Up<NUL>time         | name: contains a NUL character (U+0000) at position 3",
        "an enum | direction | higher_is_better<NUL> | direction: contains a NUL character (U+0000) at position 17",
        "an id   | kpi_id    | K<NUL>1             | kpi_id: contains a NUL character (U+0000) at position 2",
    })
    void aNulInAnyValueIsBadTypeNamingItsPositionNotTheValue(String what, String column, String value,
            String detail) {
        List<String> columns = List.of("kpi_id", "name", "direction");
        String[] fields = {"K1", "Uptime", "higher_is_better"};
        fields[columns.indexOf(column)] = value.replace("<NUL>", "\0");
        ConformResult result = conform("kpis", String.join(",", columns), fields);
        assertThat(result.reason()).as(what).isEqualTo(QuarantineReason.BAD_TYPE);
        assertThat(result.detail()).startsWith(detail).doesNotContain("\0");
    }

    @Test
    void otherControlCharactersInTextAreKeptAsTheyCame() {
        ConformResult result = conform("kpis", "kpi_id,name,direction", "K1", "Up\u0007time\u202E", "higher_is_better");
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.values()[1]).isEqualTo("Up\u0007time\u202E");
    }
}
