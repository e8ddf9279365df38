package io.northstar.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void holdsTheElevenDatasetsOfTheSpecThenThePlanningDatasetsThenCommentaryAndRecipients() {
        assertThat(Datasets.names()).containsExactly("objectives", "kpis", "kpi_observations", "projects",
                "project_objectives", "project_status", "budget_lines", "services", "service_dependencies",
                "service_levels", "risks", "business_cases", "assets", "swot", "commentary", "recipients");
    }

    @Test
    void everyReferenceNamesAnEarlierDatasetOrItsOwnKey() {
        List<String> seen = new ArrayList<>();
        for (DatasetContract contract : Datasets.all()) {
            for (Column foreignKey : contract.foreignKeys()) {
                String target = foreignKey.references();
                assertThat(target.equals(contract.name()) || seen.contains(target))
                        .as(contract.name() + "." + foreignKey.name()).isTrue();
                assertThat(Datasets.require(target).referenceableKey()).isPresent();
            }
            if (contract.typedReference() != null) {
                assertThat(seen).as(contract.name() + "'s typed reference")
                        .containsAll(contract.typedReference().datasets());
            }
            seen.add(contract.name());
        }
    }

    @Test
    void budgetLinesAndSwotHaveNoKeyAndEveryOtherDatasetHasOne() {
        for (DatasetContract contract : Datasets.all()) {
            assertThat(contract.key().isEmpty()).as(contract.name())
                    .isEqualTo(contract.name().equals(Datasets.BUDGET_LINES) || contract.name().equals(Datasets.SWOT));
        }
    }

    @Test
    void requiredColumnsMatchTheSpec() {
        assertThat(required("projects")).containsExactly("project_id", "name", "business_unit", "category", "status",
                "budget");
        assertThat(required("risks")).containsExactly("risk_id", "title", "category", "likelihood", "impact", "status");
        assertThat(required("budget_lines")).containsExactly("period", "business_unit", "category", "plan", "actual");
        assertThat(required("kpis")).containsExactly("kpi_id", "name", "direction");
        assertThat(required("business_cases")).containsExactly("case_id", "title", "capex", "annual_opex",
                "annual_benefit", "years");
        assertThat(required("assets")).containsExactly("asset_id", "asset_class", "acquired_date", "lifecycle_years",
                "replacement_cost");
        assertThat(required("swot")).containsExactly("type", "statement");
        // entity_id is in the key but blank for a portfolio comment: its typed reference's rules decide
        assertThat(required("commentary")).containsExactly("entity_type", "period_end", "comment");
        assertThat(Datasets.require("commentary").key()).containsExactly("entity_type", "entity_id", "period_end");
        assertThat(Datasets.require("commentary").column("decision_needed").defaultValue()).isEqualTo(false);
    }

    private static List<String> required(String dataset) {
        return Datasets.require(dataset).columns().stream().filter(Column::required).map(Column::name).toList();
    }
}
