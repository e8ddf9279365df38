package io.northstar.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.contract.QuarantineReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator without Spark: determinism, shape, scale and the injected-rows ledger. */
class SampleGeneratorTest {

    private static final SampleGenerator.Options DEFAULTS =
            new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF);

    @TempDir
    Path folder;

    private static SampleGenerator.Options options(int scale, long seed, double dirtyRate) {
        return new SampleGenerator.Options(scale, seed, dirtyRate, SampleGenerator.Options.DEFAULT_AS_OF);
    }

    private static Map<String, Long> rows(List<Ledger> ledgers) {
        return ledgers.stream().collect(Collectors.toMap(Ledger::dataset, Ledger::rows));
    }

    @Test
    void theSameArgumentsGiveByteIdenticalFiles() throws IOException {
        SampleGenerator.generate(folder.resolve("a"), options(2, 7, 0.03));
        SampleGenerator.generate(folder.resolve("b"), options(2, 7, 0.03));
        for (String dataset : Datasets.names()) {
            assertThat(Files.readAllBytes(folder.resolve("b/" + dataset + ".csv")))
                    .as(dataset).isEqualTo(Files.readAllBytes(folder.resolve("a/" + dataset + ".csv")));
        }
        assertThat(Files.readString(folder.resolve("b/_injected.json")))
                .isEqualTo(Files.readString(folder.resolve("a/_injected.json")));
    }

    @Test
    void anotherSeedGivesOtherValues() throws IOException {
        SampleGenerator.generate(folder.resolve("a"), options(1, 1, 0));
        SampleGenerator.generate(folder.resolve("b"), options(1, 2, 0));
        assertThat(Files.readString(folder.resolve("b/kpi_observations.csv")))
                .isNotEqualTo(Files.readString(folder.resolve("a/kpi_observations.csv")));
    }

    @Test
    void theCommittedSampleDataIsWhatTheGeneratorMakesByDefault() throws IOException {
        SampleGenerator.generate(folder, DEFAULTS);
        for (String dataset : Datasets.names()) {
            assertThat(Files.readString(folder.resolve(dataset + ".csv")))
                    .as("sample-data/%s.csv: regenerate with `northstar generate --out sample-data`", dataset)
                    .isEqualTo(Files.readString(Path.of("sample-data", dataset + ".csv")));
        }
    }

    @Test
    void scaleOneIsTheOrganisationOfTheStory() {
        Map<String, Long> rows = rows(SampleGenerator.generate(folder, DEFAULTS));
        assertThat(rows.get("objectives")).isEqualTo(4 + 6 + 20);
        assertThat(rows.get("kpis")).isEqualTo(40);
        assertThat(rows.get("projects")).isEqualTo(60);
        assertThat(rows.get("services")).isEqualTo(30);
        assertThat(rows.get("risks")).isEqualTo(120);
        assertThat(rows.get("kpi_observations")).isBetween(1300L, 1440L);
        assertThat(rows.get("budget_lines")).isBetween(10_000L, 15_000L);
        assertThat(rows.get("service_levels")).isEqualTo(30 * 24);
    }

    @Test
    void rowCountsGrowLinearlyWithScaleAndTheAimsStayAtSix() throws IOException {
        Map<String, Long> one = rows(SampleGenerator.generate(folder.resolve("one"), options(1, 42, 0)));
        Map<String, Long> two = rows(SampleGenerator.generate(folder.resolve("two"), options(2, 42, 0)));
        Map<String, Long> four = rows(SampleGenerator.generate(folder.resolve("four"), options(4, 42, 0)));
        for (String dataset : Datasets.names()) {
            // every region adds about the same rows (the first one carries the story's flagships)
            long perRegion = two.get(dataset) - one.get(dataset);
            assertThat(perRegion).as(dataset).isPositive();
            assertThat((double) (four.get(dataset) - two.get(dataset)) / (2 * perRegion)).as(dataset)
                    .isBetween(0.9, 1.1);
            // the board's recipients are written once for every region: 4 of the first region's 10
            assertThat((double) four.get(dataset) / one.get(dataset)).as(dataset).isBetween(2.5, 5.5);
        }
        long itAims = Files.readAllLines(folder.resolve("four/objectives.csv")).stream()
                .filter(line -> line.contains(",it_aim,")).count();
        assertThat(itAims).isEqualTo(6);
    }

    @Test
    void aDirtyRateCoversEveryQuarantineReasonAndWritesTheLedger() throws IOException {
        List<Ledger> ledgers = SampleGenerator.generate(folder, options(1, 42, 0.05));
        Set<String> reasons = new TreeSet<>();
        ledgers.forEach(ledger -> reasons.addAll(ledger.quarantined().keySet()));
        Set<String> all = new TreeSet<>();
        for (QuarantineReason reason : QuarantineReason.values()) {
            all.add(reason.code());
        }
        assertThat(reasons).isEqualTo(all);
        assertThat(ledgers.stream().mapToLong(Ledger::deduplicated).sum()).isPositive();
        Map<String, Ledger> byDataset = ledgers.stream().collect(Collectors.toMap(Ledger::dataset, Function.identity()));
        assertThat(byDataset.get("budget_lines").rows() - byDataset.get("budget_lines").kept())
                .as("about 5% of 12,000 lines").isBetween(450L, 750L);
        String json = Files.readString(folder.resolve(SampleGenerator.LEDGER_FILE));
        assertThat(json).contains("\"dirtyRate\": 0.05", "\"objectives\": {\"rows\": ");
    }

    @Test
    void aDirtyRateInjectsEachKindOfKpiBoundsBreachAndCountsItAsOutOfRange() throws IOException {
        List<Ledger> ledgers = SampleGenerator.generate(folder, options(1, 42, 0.05));
        Map<String, Ledger> byDataset = ledgers.stream().collect(Collectors.toMap(Ledger::dataset, Function.identity()));
        List<String> kpis = Files.readAllLines(folder.resolve("kpis.csv"));
        assertThat(kpis).as("inverted bounds").anyMatch(line -> line.endsWith(",10,0"));
        assertThat(kpis).as("a % target above the implied 100").anyMatch(line -> line.contains(",%,")
                && line.contains(",50,") && line.contains(",104,") && line.endsWith(",,"));
        assertThat(byDataset.get("kpis").quarantined().get("out_of_range")).isGreaterThanOrEqualTo(2L);
        assertThat(Files.readAllLines(folder.resolve("kpi_observations.csv"))).as("a value below every bound")
                .anyMatch(line -> line.endsWith(",-1000000"));
        assertThat(byDataset.get("kpi_observations").quarantined()).containsKey("out_of_range");
    }

    @Test
    void commentaryNamesTheSampleEntitiesAndWritesThePortfolioOnceWhateverTheScale() throws IOException {
        SampleGenerator.generate(folder.resolve("two"), options(2, 42, 0));
        List<String> lines = Files.readAllLines(folder.resolve("two/commentary.csv"));
        assertThat(lines).filteredOn(line -> line.startsWith("portfolio,,")).hasSize(2); // September and October
        assertThat(lines).anyMatch(line -> line.startsWith("kpi,K-05-R2,2026-10-31,"))
                .anyMatch(line -> line.startsWith("business_unit,Digital Ventures R2,2026-10-31,"))
                .filteredOn(line -> line.endsWith(",true")).hasSize(4); // two decisions a region
    }

    @Test
    void aDirtyRateBreaksCommentaryInEveryWayItCanAndCountsEachRow() throws IOException {
        List<Ledger> ledgers = SampleGenerator.generate(folder, options(1, 42, 0.9));
        Ledger commentary = ledgers.stream().filter(ledger -> ledger.dataset().equals("commentary")).findFirst()
                .orElseThrow();
        assertThat(commentary.quarantined()).containsKeys("dangling_reference", "missing_required", "bad_type",
                "bad_enum", "malformed_row", "conflicting_duplicate");
        assertThat(commentary.deduplicated()).isPositive();
        List<String> lines = Files.readAllLines(folder.resolve("commentary.csv"));
        assertThat(lines).as("an entity_id naming no KPI").anyMatch(line -> line.startsWith("kpi,GHOST-"))
                .as("a KPI comment without entity_id").anyMatch(line -> line.startsWith("kpi,,"))
                .as("a portfolio comment with an entity_id").anyMatch(line -> line.startsWith("portfolio,K-01,"));
        assertThat(Files.readString(folder.resolve(SampleGenerator.LEDGER_FILE))).contains("\"commentary\": {");
    }

    /** A comma outside double quotes: splits the sample's CSV lines, none of which breaks across lines. */
    private static final String CSV_COMMA = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

    private static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream()
                .map(line -> Arrays.stream(line.split(CSV_COMMA, -1))
                        .map(cell -> cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"")
                                : cell)
                        .toArray(String[]::new))
                .toList();
    }

    @Test
    void noTwoRisksOfTheSampleShareATitleTemplate() throws IOException {
        SampleGenerator.generate(folder, DEFAULTS);
        List<String> templates = Story.RISK_TITLES.stream().flatMap(List::stream).toList();
        assertThat(templates).doesNotHaveDuplicates();
        List<Pattern> patterns = templates.stream()
                .map(template -> Pattern.compile("(?i)" + Pattern.quote(template).replace("%s", "\\E.+\\Q")))
                .toList();
        Map<Integer, String> used = new HashMap<>();
        for (String[] risk : csv(folder.resolve("risks.csv"))) {
            List<Integer> matching = IntStream.range(0, patterns.size())
                    .filter(i -> patterns.get(i).matcher(risk[1]).matches()).boxed().toList();
            assertThat(matching).as(risk[1]).hasSize(1);
            assertThat(used.put(matching.get(0), risk[1])).as("%s shares its template with another risk", risk[1])
                    .isNull();
        }
    }

    @Test
    void aRiskWithANoteIsDueWhenTheNotesActionIs() throws IOException {
        SampleGenerator.generate(folder, options(2, 42, 0));
        Map<String, String> due = csv(folder.resolve("risks.csv")).stream()
                .collect(Collectors.toMap(risk -> risk[0], risk -> risk[15]));
        Map<String, String> actionDue = new HashMap<>();
        for (String[] note : csv(folder.resolve("commentary.csv"))) {
            if (note[0].equals("risk") && !note[7].isEmpty()) {
                actionDue.merge(note[1], note[2] + " " + note[7], (a, b) -> a.compareTo(b) > 0 ? a : b);
            }
        }
        assertThat(actionDue).hasSizeGreaterThan(10); // two regions
        actionDue.forEach((risk, latest) -> assertThat(due.get(risk)).as(risk).isEqualTo(latest.substring(11)));
    }

    @Test
    void cleanDataHasNoLedgerFile() {
        SampleGenerator.generate(folder, DEFAULTS);
        assertThat(folder.resolve(SampleGenerator.LEDGER_FILE)).doesNotExist();
    }
}
