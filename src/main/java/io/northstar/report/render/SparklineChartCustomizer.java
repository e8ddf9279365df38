package io.northstar.report.render;

import java.awt.BasicStroke;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;

/**
 * A KPI's history as a sparkline a board reads: months on the x axis (the x values are each
 * observation's period_end in epoch milliseconds), the value a solid blue line and the target a
 * dashed dark grey line (never the red of a red status), and a y axis with three or four ticks.
 */
public final class SparklineChartCustomizer extends JRAbstractChartCustomizer {
    /** The series the templates name; anything else is drawn as a value. */
    public static final String TARGET = "Target";
    /** Below this height (points) the y axis has no room for a readable tick. */
    static final int MIN_HEIGHT_FOR_VALUES = 40;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        XYPlot plot = chart.getXYPlot();
        ChartStyle.background(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        NumberAxis old = (NumberAxis) plot.getDomainAxis();
        DateAxis months = new DateAxis(null);
        ChartStyle.axis(months, 6f);
        months.setTickLabelFont(ChartStyle.font(old.getTickLabelFont(), 6f, false));
        months.setTimeZone(TimeZone.getTimeZone("UTC"));
        months.setStandardTickUnits(monthUnits());
        months.setLowerMargin(0.02);
        months.setUpperMargin(0.02);
        plot.setDomainAxis(months);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        ChartStyle.axis(values, 6f);
        values.setAutoRangeIncludesZero(false);
        // room above and below, so a target at the edge of the values is not mistaken for the frame
        values.setUpperMargin(0.2);
        values.setLowerMargin(0.2);
        values.setLabel(null);
        // a row-high sparkline beside its latest value and target shows the shape only
        values.setTickLabelsVisible(jasperChart.getHeight() >= MIN_HEIGHT_FOR_VALUES);
        XYItemRenderer renderer = plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            boolean target = TARGET.equals(plot.getDataset().getSeriesKey(i));
            renderer.setSeriesPaint(i, target ? ChartStyle.GUIDE : ChartStyle.BLUE);
            renderer.setSeriesStroke(i, target ? ChartStyle.dashed(1f) : new BasicStroke(1.4f));
        }
    }

    /** Ticks every 3, 6 or 12 months, labelled "Jan 26". */
    static TickUnitSource monthUnits() {
        TickUnits units = new TickUnits();
        for (int months : new int[] {3, 6, 12, 24}) {
            SimpleDateFormat format = new SimpleDateFormat("MMM yy", Locale.ENGLISH);
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, format));
        }
        return units;
    }
}
