package io.northstar.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.report.render.CpiSpiChartCustomizer.Label;
import io.northstar.report.render.CpiSpiChartCustomizer.Point;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

/** Which projects the CPI x SPI chart names, where, and the axes' span: no Jasper, no Spark. */
class CpiSpiChartCustomizerTest {
    private static final double[] RANGE = {0.5, 1.3};

    private static Map<String, Object> row(double x, double y, String health, String label) {
        Map<String, Object> row = new HashMap<>();
        row.put("x", x);
        row.put("y", y);
        row.put("health", health);
        row.put("label", label);
        return row;
    }

    @Test
    void onlyTheRowsTheLoaderLabelledAreNamedInItsOrder() {
        List<Point> points = CpiSpiChartCustomizer.points(List.of(row(0.6, 0.7, "red", "Vault"),
                row(0.8, 0.95, "amber", "Shop"), row(1.0, 1.0, "green", null), Map.of("x", 1.0)));
        assertThat(points).as("a row without y is no point").hasSize(3);
        List<Label> labels = CpiSpiChartCustomizer.place(points, RANGE);
        assertThat(labels).extracting(Label::text).containsExactly("Vault", "Shop");
        assertThat(labels.get(0).y()).as("a label with room stays at its point's height").isEqualTo(0.7);
        assertThat(labels.get(0).x()).isGreaterThan(0.6);
        assertThat(labels.get(0).anchor()).isEqualTo(TextAnchor.HALF_ASCENT_LEFT);
        assertThat(labels.get(0).moved()).isFalse();
    }

    @Test
    void labelsOfCrowdedPointsNeverOverlapAndAMovedOneKeepsItsPoint() {
        List<Point> points = List.of(new Point(0.75, 1.03, "Worst"), new Point(0.76, 1.04, "Next"),
                new Point(0.74, 1.02, "Third"), new Point(0.745, 1.025, "Fourth"));
        List<Label> labels = CpiSpiChartCustomizer.place(points, RANGE);
        assertThat(labels).hasSize(4);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).overlaps(labels.get(j)))
                        .as(labels.get(i).text() + " and " + labels.get(j).text()).isFalse();
            }
        }
        assertThat(labels).filteredOn(Label::moved).as("a crowd pushes some labels off their points' height")
                .isNotEmpty().allSatisfy(label -> assertThat(label.point().label()).isEqualTo(label.text()));
    }

    @Test
    void aLabelGoesLeftOfItsPointWhenAMarkerSitsWhereItWouldGoRight() {
        List<Point> points = List.of(new Point(0.75, 1.0, "Alpha"), new Point(0.79, 1.0, null));
        Label label = CpiSpiChartCustomizer.place(points, RANGE).get(0);
        assertThat(label.leftOfPoint()).isTrue();
        assertThat(label.moved()).isFalse();
        assertThat(label.covers(points.get(1), 0.008)).isFalse();
    }

    @Test
    void aLabelWithRoomOnItsRightStaysThereEvenWithAMarkerOnItsLeft() {
        List<Point> points = List.of(new Point(0.75, 1.0, "Alpha"), new Point(0.72, 1.0, null));
        Label label = CpiSpiChartCustomizer.place(points, RANGE).get(0);
        assertThat(label.leftOfPoint()).isFalse();
        assertThat(label.x()).isGreaterThan(0.75);
    }

    @Test
    void nearTheRightEdgeTheNameGoesLeftOfItsPointAndALongNameIsCut() {
        String longName = "Customer data platform consolidation, phase two and three";
        Label label = CpiSpiChartCustomizer.place(List.of(new Point(1.25, 0.8, longName)), RANGE).get(0);
        assertThat(label.anchor()).isEqualTo(TextAnchor.HALF_ASCENT_RIGHT);
        assertThat(label.x()).isLessThan(1.25);
        assertThat(label.text()).isEqualTo("Customer data platform consolidation…");
    }

    @Test
    void aLongNameIsCutAfterAWholeWordOrHardWhenItHasNoSpaceLateEnough() {
        assertThat(CpiSpiChartCustomizer.shortened("Contract management replacement"))
                .isEqualTo("Contract management replacement");
        assertThat(CpiSpiChartCustomizer.shortened("Data centre exit, wave 2: warehouse systems"))
                .isEqualTo("Data centre exit, wave 2: warehouse…");
        assertThat(CpiSpiChartCustomizer.shortened("Disaster recovery for critical systems in Hamburg"))
                .isEqualTo("Disaster recovery for critical systems…");
        assertThat(CpiSpiChartCustomizer.shortened("Supercalifragilisticexpialidocious-platform"))
                .hasSize(CpiSpiChartCustomizer.LABEL_LENGTH).endsWith("…");
        assertThat(CpiSpiChartCustomizer.shortened("Paperless customs")).isEqualTo("Paperless customs");
    }

    @Test
    void theAxesSpanHalfToOnePointThreeAndWidenToTheNearestTenthForOutliers() {
        assertThat(CpiSpiChartCustomizer.range(List.of(new Point(0.9, 1.0, null)))).containsExactly(0.5, 1.3);
        assertThat(CpiSpiChartCustomizer.range(List.of(new Point(0.42, 1.36, null)))).containsExactly(0.4, 1.4);
    }

    @Test
    void eachHealthHasItsOwnLegendShapeAndColourAndTheLegendMapsBack() {
        for (String health : List.of("green", "amber", "red", "no_data")) {
            assertThat(CpiSpiChartCustomizer.healthOf(CpiSpiChartCustomizer.legend(health))).isEqualTo(health);
        }
        assertThat(CpiSpiChartCustomizer.legend("red")).contains("Red", "square");
        assertThat(CpiSpiChartCustomizer.legend("amber")).contains("Amber", "triangle");
        assertThat(CpiSpiChartCustomizer.legend("green")).contains("Green", "circle");
        assertThat(List.of("green", "amber", "red", "no_data").stream().map(h -> ChartStyle.shape(h, 7).getClass())
                .distinct()).as("circle, triangle, square, diamond").hasSizeGreaterThanOrEqualTo(3);
        assertThat(ChartStyle.colour("red")).isEqualTo(ChartStyle.RED).isNotEqualTo(ChartStyle.colour("amber"));
    }
}
