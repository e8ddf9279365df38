package io.northstar.report.render;

import java.awt.Font;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.ui.TextAnchor;

/**
 * A flat bar chart of shares (0 to 1): the axis from 0 to 100 % and each bar labelled with its
 * share at its end, so no one has to read an angle off a pie.
 */
public final class ShareBarChartCustomizer extends JRAbstractChartCustomizer {
    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        MoneyBarChartCustomizer.style(chart, plot);
        NumberAxis shares = (NumberAxis) plot.getRangeAxis();
        // room right of a full bar for its label
        shares.setRange(0, 1.12);
        shares.setTickUnit(new NumberTickUnit(0.25, ChartStyle.percent()));
        CategoryItemRenderer renderer = plot.getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.percent()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.font(shares.getTickLabelFont(), 7.5f, true));
        renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        plot.getDomainAxis().setTickLabelFont(ChartStyle.font(shares.getTickLabelFont(), 7.5f, false)
                .deriveFont(Font.PLAIN));
    }
}
