package io.northstar.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * A bar chart of amounts as a board reads it: the value axis in the report's currency with
 * compact ticks ("EUR 2.5M"), category labels level and wrapped onto two lines instead of
 * turned on their side, flat bars, light grid lines. The currency is the report's CURRENCY
 * parameter.
 */
public final class MoneyBarChartCustomizer extends JRAbstractChartCustomizer {
    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        Object currency = getParameterValue("CURRENCY");
        NumberAxis old = (NumberAxis) plot.getRangeAxis();
        NumberAxis values = new SpaciousAxis(old.getLabel());
        values.setTickLabelFont(old.getTickLabelFont());
        values.setLabelFont(old.getLabelFont());
        values.setUpperMargin(old.getUpperMargin());
        plot.setRangeAxis(values);
        style(chart, plot);
        values.setNumberFormatOverride(ChartStyle.money(currency == null ? null : currency.toString()));
    }

    /**
     * A value axis that leaves at least a label's width of space between its tick labels, so an
     * axis of amounts shows a handful of ticks ("EUR 5M  EUR 10M") rather than a row of them.
     */
    static final class SpaciousAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        SpaciousAxis(String label) {
            super(label);
        }

        @Override
        protected double estimateMaximumTickLabelWidth(java.awt.Graphics2D g2, org.jfree.chart.axis.TickUnit unit) {
            return 1.4 * super.estimateMaximumTickLabelWidth(g2, unit);
        }

        @Override
        protected double estimateMaximumTickLabelHeight(java.awt.Graphics2D g2) {
            return 1.4 * super.estimateMaximumTickLabelHeight(g2);
        }
    }

    /** What every bar chart of the pages shares: flat bars, level labels, quiet axes and grid. */
    static void style(JFreeChart chart, CategoryPlot plot) {
        ChartStyle.background(plot);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        CategoryAxis categories = plot.getDomainAxis();
        ChartStyle.axis(categories, 7f);
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        categories.setMaximumCategoryLabelLines(2);
        categories.setMaximumCategoryLabelWidthRatio(1.0f);
        categories.setCategoryMargin(0.15);
        categories.setLowerMargin(0.01);
        categories.setUpperMargin(0.01);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        ChartStyle.axis(values, 7f);
        values.setTickLabelPaint(ChartStyle.TEXT);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setItemMargin(0.03);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(ChartStyle.font(values.getTickLabelFont(), 7f, false));
            chart.getLegend().setFrame(new BlockBorder(Color.WHITE));
        }
    }
}
