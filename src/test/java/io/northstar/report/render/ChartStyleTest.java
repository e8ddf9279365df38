package io.northstar.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The charts' formats and colour rules, and the heat map's colours as its template has them. */
class ChartStyleTest {
    private static final Pattern CELL_COLOURS = Pattern.compile(
            "backcolor=\"(#[0-9A-Fa-f]{6})\" forecolor=\"(#[0-9A-Fa-f]{6})\"");

    @Test
    void moneyTicksAreCompactAndCarryTheCurrency() {
        assertThat(ChartStyle.money("EUR").format(0)).isEqualTo("0");
        assertThat(ChartStyle.money("EUR").format(500_000)).isEqualTo("EUR 500k");
        assertThat(ChartStyle.money("EUR").format(2_500_000)).isEqualTo("EUR 2.5M");
        assertThat(ChartStyle.money("EUR").format(15_000_000)).isEqualTo("EUR 15M");
        assertThat(ChartStyle.money("USD").format(1_200_000_000.0)).isEqualTo("USD 1.2bn");
        assertThat(ChartStyle.money("EUR").format(-750.0)).isEqualTo("−EUR 750");
        assertThat(ChartStyle.percent().format(0.25)).isEqualTo("25 %");
    }

    @Test
    void textOnAFillIsWhicheverOfDarkAndWhiteContrastsMore() {
        assertThat(ChartStyle.textOn(new Color(0xFFF3C4))).isEqualTo(ChartStyle.TEXT);
        assertThat(ChartStyle.textOn(new Color(0xB2182B))).isEqualTo(Color.WHITE);
        assertThat(ChartStyle.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    }

    /**
     * Each band of the heat map: its text reads on its fill (WCAG AA, 4.5:1) with the colour the
     * contrast rule picks, and the fills run from light to dark (a ramp that reads without hue).
     */
    @Test
    void theHeatMapsBandsHaveReadableTextAndRunFromLightToDark() throws IOException {
        String template = Files.readString(Path.of("reports/heatmap.jrxml"));
        Matcher matcher = CELL_COLOURS.matcher(template);
        List<Color> fills = new ArrayList<>();
        while (matcher.find()) {
            Color fill = Color.decode(matcher.group(1));
            Color text = Color.decode(matcher.group(2));
            assertThat(ChartStyle.contrast(fill, text)).as(matcher.group(1) + " with " + matcher.group(2))
                    .isGreaterThanOrEqualTo(4.5);
            assertThat(text).as("text on " + matcher.group(1)).isEqualTo(ChartStyle.textOn(fill));
            fills.add(fill);
        }
        assertThat(fills).as("low, medium, high, critical").hasSize(4);
        for (int i = 1; i < fills.size(); i++) {
            assertThat(ChartStyle.luminance(fills.get(i))).isLessThan(ChartStyle.luminance(fills.get(i - 1)));
        }
        String risk = Files.readString(Path.of("reports/risk.jrxml"));
        for (Color fill : fills) {
            String hex = String.format("#%06X", fill.getRGB() & 0xFFFFFF);
            assertThat(risk).as("the legend shows " + hex).contains("backcolor=\"" + hex + "\"");
        }
    }

    @Test
    void sparklineTicksAreMonthsNotObservationCounts() {
        assertThat(SparklineChartCustomizer.monthUnits().getCeilingTickUnit(1.0)).isNotNull();
        org.jfree.chart.axis.DateTickUnit unit = (org.jfree.chart.axis.DateTickUnit) SparklineChartCustomizer
                .monthUnits().getCeilingTickUnit(1.0);
        assertThat(unit.getUnitType()).isEqualTo(org.jfree.chart.axis.DateTickUnitType.MONTH);
        assertThat(unit.valueToString(java.time.LocalDate.parse("2026-01-31").atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().toEpochMilli())).isEqualTo("Jan 26");
    }
}
