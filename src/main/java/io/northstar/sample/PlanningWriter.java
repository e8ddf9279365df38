package io.northstar.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one region's business cases, asset register and SWOT statements (SPEC.md §4) from
 * {@link PlanningStory}. It draws from its own random stream, so the datasets of §1 come out
 * the same with or without it.
 */
final class PlanningWriter {
    private static final double DAYS_PER_YEAR = 365.25;

    /** What the planning datasets reference in one region. */
    record Region(String idSuffix, String nameSuffix, List<String> businessUnits, List<String> objectiveIds,
            List<String> projectIds) {
        Region {
            businessUnits = List.copyOf(businessUnits);
            objectiveIds = List.copyOf(objectiveIds);
            projectIds = List.copyOf(projectIds);
        }
    }

    private final Region region;
    private final LocalDate asOf;
    private final SplittableRandom random;

    PlanningWriter(Region region, LocalDate asOf, SplittableRandom random) {
        this.region = region;
        this.asOf = asOf;
        this.random = random;
    }

    void writeCases(DatasetSink sink) {
        for (int i = 0; i < PlanningStory.CASES.size(); i++) {
            PlanningStory.Case story = PlanningStory.CASES.get(i);
            sink.row(String.format("BC-%02d%s", i + 1, region.idSuffix()), story.title() + region.nameSuffix(),
                    region.projectIds().get(story.flagship()), region.objectiveIds().get(story.objective()),
                    Fmt.money(story.capexThousands() * 100_000L), Fmt.money(story.opexThousands() * 100_000L),
                    Fmt.money(story.benefitThousands() * 100_000L), story.years(), story.discountRate(),
                    asOf.getYear() + story.startYearOffset());
        }
    }

    void writeAssets(DatasetSink sink) {
        for (PlanningStory.AssetClass assetClass : PlanningStory.ASSET_CLASSES) {
            for (int n = 1; n <= assetClass.count(); n++) {
                // where the item stands in its class, so each class has exactly its shares past and due
                double position = (n - 0.5) / assetClass.count();
                // years left in the lifecycle: negative past it, (0, 1] the bulge, later otherwise
                double yearsLeft = position < assetClass.sharePast() ? -0.1 - 1.5 * random.nextDouble()
                        : position < assetClass.sharePast() + PlanningStory.SHARE_DUE_NEXT_YEAR
                        ? 0.05 + 0.9 * random.nextDouble()
                        : 1.1 + (assetClass.lifecycleYears() - 1.6) * random.nextDouble();
                long ageDays = Math.round((assetClass.lifecycleYears() - yearsLeft) * DAYS_PER_YEAR);
                double costJitter = 0.9 + 0.2 * random.nextDouble();
                String unit = assetClass.perUnit()
                        ? region.businessUnits().get(random.nextInt(region.businessUnits().size())) : null;
                sink.row(String.format("AS-%s-%03d%s", assetClass.code(), n, region.idSuffix()), assetClass.name(),
                        assetClass.service() + region.idSuffix(), asOf.minusDays(ageDays),
                        Fmt.num(assetClass.lifecycleYears(), 0),
                        Fmt.money(Math.round(assetClass.unitCost() * costJitter) * 100L), unit);
            }
        }
    }

    void writeSwot(DatasetSink sink) {
        for (PlanningStory.Statement statement : PlanningStory.SWOT) {
            sink.row(statement.type(), statement.text() + region.nameSuffix(),
                    statement.objective() < 0 ? null : region.objectiveIds().get(statement.objective()),
                    statement.source());
        }
    }
}
