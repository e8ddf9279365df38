package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.ColumnWarning;
import io.northstar.ingest.DatasetOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static DatasetOutcome outcome(String dataset, long quarantined, List<ColumnWarning> warnings) {
        return new DatasetOutcome(dataset, "data/" + dataset + ".csv", List.of("data/" + dataset + ".csv"),
                10, 10 - quarantined, 0, quarantined == 0 ? Map.of() : Map.of("bad_type", quarantined), List.of(),
                warnings, 0.5);
    }

    private static String render(List<DatasetOutcome> outcomes, Map<String, List<ValidationReport.Example>> examples) {
        return new ValidationReport("test", LocalDate.of(2026, 10, 31), outcomes, examples).render();
    }

    @Test
    void columnWarningsAreListedPerDatasetAfterTheCountsAndDoNotFailTheGate() {
        String text = render(List.of(
                outcome("objectives", 0, List.of()),
                outcome("kpis", 0, List.of(ColumnWarning.missing("owner"),
                        ColumnWarning.unrecognised("target_value", "target")))), Map.of());

        assertThat(text).contains("""

                kpis: 2 column warnings
                  column_missing: The kpis data has no column owner, so every row is read with it blank
                  column_unrecognised: The kpis data has a column target_value that the data contract does not know,\
                 likely its target misnamed: it is ignored, and every row is read with target blank
                """).doesNotContain("objectives: ").endsWith("data-quality gate: pass\n");
    }

    @Test
    void aNulInAQuarantinedRowIsShownAsASymbolNeverWritten() {
        String text = render(List.of(outcome("kpis", 1, List.of())), Map.of("kpis", List.of(
                new ValidationReport.Example("bad_type", "data/kpis.csv", 3, "K2,Inci\0dents,lower_is_better",
                        "name: contains a NUL character (U+0000) at position 5, which a database cannot store"))));

        assertThat(text).contains("data/kpis.csv line 3: name: contains a NUL character", "K2,Inci\u2400dents")
                .doesNotContain("\0");
    }
}
