package io.northstar.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The cost and schedule chart (CPI × SPI) as a board reads it: one colour and one shape per
 * health (green circle, amber triangle, red square, so it reads without colour too), drawn guide
 * lines at 1.0 (on plan) and 0.9 (warning) on both axes, and the projects the data loader marked
 * with a {@code label} (the worst few by the lower of CPI and SPI) named beside their point.
 * The points come from the report's SCATTER rows: {@code x} = CPI, {@code y} = SPI,
 * {@code health}, and {@code label} where a name is shown.
 */
public final class CpiSpiChartCustomizer extends JRAbstractChartCustomizer {
    static final double ON_PLAN = 1.0;
    static final double WARNING = 0.9;
    /** Labels closer than this (in CPI and SPI units on a 0.5–1.3 axis) would overlap. */
    static final double LABEL_HEIGHT = 0.035;
    /** A character of a label's 6.5 pt font, and a point's marker, as shares of an axis' span. */
    static final double CHARACTER_SHARE = 0.0078;
    static final double MARKER_SHARE = 0.01;
    /** Where a label may go, in lines above (negative: below) its point, the nearest first. */
    private static final int[] LINE_STEPS = {0, -1, 1, -2, 2, -3, 3};
    /** A name longer than this is cut with an ellipsis after a whole word, so a label stays beside its point. */
    static final int LABEL_LENGTH = 40;
    private static final List<String> HEALTH_ORDER = List.of("green", "amber", "red", "no_data");

    /** The legend's words for a health, shape included, so the legend reads without colour. */
    public static String legend(String health) {
        return switch (health == null ? "" : health) {
            case "green" -> "Green: on track (circle)";
            case "amber" -> "Amber: at risk (triangle)";
            case "red" -> "Red: off track (square)";
            default -> "No data (diamond)";
        };
    }

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        XYPlot plot = chart.getXYPlot();
        ChartStyle.background(plot);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        if (plot.getDataset() instanceof XYSeriesCollection series) {
            orderByHealth(series);
        }
        XYItemRenderer renderer = plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            String health = healthOf(String.valueOf(plot.getDataset().getSeriesKey(i)));
            renderer.setSeriesPaint(i, ChartStyle.colour(health));
            renderer.setSeriesShape(i, ChartStyle.shape(health, 7));
        }
        NumberAxis cpi = (NumberAxis) plot.getDomainAxis();
        NumberAxis spi = (NumberAxis) plot.getRangeAxis();
        List<Point> points = points(getParameterValue("SCATTER"));
        double[] range = range(points);
        for (NumberAxis axis : List.of(cpi, spi)) {
            ChartStyle.axis(axis, 7f);
            axis.setRange(range[0], range[1]);
            axis.setTickUnit(new NumberTickUnit(0.1, new java.text.DecimalFormat("0.0")));
        }
        Font font = ChartStyle.font(cpi.getTickLabelFont(), 6.5f, false);
        for (boolean domain : new boolean[] {true, false}) {
            marker(plot, domain, ON_PLAN, new BasicStroke(1.2f), "on plan 1.0", font);
            marker(plot, domain, WARNING, ChartStyle.dashed(1f), "warning 0.9", font);
        }
        XYTextAnnotation corner = new XYTextAnnotation("below both lines: over budget and late", range[0] + 0.01,
                range[0] + 0.01);
        corner.setFont(ChartStyle.font(font, 6.5f, false).deriveFont(Font.ITALIC));
        corner.setPaint(new Color(0x5F6B7A));
        corner.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(corner);
        for (Label label : place(points, range)) {
            XYTextAnnotation name = new XYTextAnnotation(label.text(), label.x(), label.y());
            name.setFont(ChartStyle.font(font, 6.5f, true));
            name.setPaint(ChartStyle.TEXT);
            name.setTextAnchor(label.anchor());
            name.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(name);
            if (label.moved()) {
                plot.addAnnotation(new XYLineAnnotation(label.point().x(), label.point().y(), label.x(), label.y(),
                        new BasicStroke(0.5f), ChartStyle.GUIDE));
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(ChartStyle.font(font, 7f, false));
            chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        }
    }

    private static void marker(XYPlot plot, boolean domain, double at, BasicStroke stroke, String text, Font font) {
        ValueMarker marker = new ValueMarker(at, ChartStyle.GUIDE, stroke);
        marker.setLabel(text);
        marker.setLabelFont(font);
        marker.setLabelPaint(ChartStyle.GUIDE);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        if (domain) {
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        } else {
            marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(marker);
        }
    }

    /** Series green, amber, red, no data, so the legend reads in that order whatever came first. */
    private static void orderByHealth(XYSeriesCollection collection) {
        List<XYSeries> series = new ArrayList<>(collection.getSeries());
        series.sort(Comparator.comparingInt(s -> {
            int at = HEALTH_ORDER.indexOf(healthOf(String.valueOf(s.getKey())));
            return at < 0 ? HEALTH_ORDER.size() : at;
        }));
        collection.removeAllSeries();
        series.forEach(collection::addSeries);
    }

    /** The health whose legend is this series key. */
    static String healthOf(String legend) {
        for (String health : HEALTH_ORDER) {
            if (legend(health).equals(legend)) {
                return health;
            }
        }
        return "no_data";
    }

    /** A point of the chart, with the name to show beside it or null. */
    /** "Contract management replacement" → "Contract management…": whole words, never "replaceme…". */
    static String shortened(String name) {
        if (name.length() <= LABEL_LENGTH) {
            return name;
        }
        String cut = name.substring(0, LABEL_LENGTH - 1);
        int lastSpace = cut.lastIndexOf(' ');
        if (lastSpace >= LABEL_LENGTH / 2) {
            cut = cut.substring(0, lastSpace);
        }
        return cut.replaceAll("[\\s,;:.\\-–]+$", "") + "…";
    }

    record Point(double x, double y, String label) {
    }

    /** A name placed beside its point; {@code width} is its estimated length in CPI units. */
    record Label(String text, double x, double y, TextAnchor anchor, Point point, double width) {
        /** Whether the label had to move off its point's height, so a leader line shows whose it is. */
        boolean moved() {
            return y != point.y();
        }

        boolean leftOfPoint() {
            return anchor == TextAnchor.HALF_ASCENT_RIGHT;
        }

        double left() {
            return leftOfPoint() ? x - width : x;
        }

        double right() {
            return leftOfPoint() ? x : x + width;
        }

        boolean overlaps(Label other) {
            return left() < other.right() && other.left() < right() && Math.abs(y - other.y) < LABEL_HEIGHT;
        }

        /** Whether a point's marker would sit under this label's text. */
        boolean covers(Point other, double marker) {
            return other.x() > left() - marker && other.x() < right() + marker
                    && Math.abs(other.y() - y) < LABEL_HEIGHT / 2 + marker;
        }
    }

    static List<Point> points(Object rows) {
        List<Point> points = new ArrayList<>();
        if (rows instanceof Collection<?> collection) {
            for (Object row : collection) {
                if (row instanceof Map<?, ?> map && map.get("x") instanceof Number x
                        && map.get("y") instanceof Number y) {
                    Object label = map.get("label");
                    points.add(new Point(x.doubleValue(), y.doubleValue(), label == null ? null : label.toString()));
                }
            }
        }
        return points;
    }

    /** Both axes span 0.5–1.3, widened to the nearest 0.1 so no point falls off the chart. */
    static double[] range(List<Point> points) {
        double low = 0.5;
        double high = 1.3;
        for (Point point : points) {
            low = Math.min(low, Math.min(point.x(), point.y()));
            high = Math.max(high, Math.max(point.x(), point.y()));
        }
        return new double[] {Math.floor(low * 10 + 1e-9) / 10, Math.ceil(high * 10 - 1e-9) / 10};
    }

    /**
     * The labelled points' names, in the order the loader gave them (the worst first, so the
     * worst gets the best place): beside the point, right of it unless near the right edge, on the
     * other side when that one is clear, else a line or two up or down with a leader line; each
     * place is scored by the markers and labels the text would cover, and the first clear one wins.
     */
    static List<Label> place(List<Point> points, double[] range) {
        double span = range[1] - range[0];
        double offset = span * 0.015;
        double marker = span * MARKER_SHARE;
        List<Label> placed = new ArrayList<>();
        for (Point point : points) {
            if (point.label() == null || point.label().isBlank()) {
                continue;
            }
            String text = shortened(point.label());
            double width = text.length() * span * CHARACTER_SHARE;
            boolean preferLeft = point.x() > range[1] - span * 0.3;
            Label best = null;
            int bestScore = Integer.MAX_VALUE;
            for (int step : LINE_STEPS) {
                for (boolean left : preferLeft ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    Label candidate = new Label(text, left ? point.x() - offset : point.x() + offset,
                            point.y() + step * LABEL_HEIGHT, left ? TextAnchor.HALF_ASCENT_RIGHT
                                    : TextAnchor.HALF_ASCENT_LEFT, point, width);
                    int score = clutter(candidate, points, placed, range, marker) + Math.abs(step);
                    if (score < bestScore) {
                        best = candidate;
                        bestScore = score;
                    }
                }
                if (bestScore <= Math.abs(step)) {
                    break;
                }
            }
            placed.add(best);
        }
        return placed;
    }

    /** How much a label would hide: markers under it, labels it overlaps (worse), or leaving the chart (worst). */
    private static int clutter(Label label, List<Point> points, List<Label> placed, double[] range, double marker) {
        if (label.left() < range[0] || label.right() > range[1] || label.y() < range[0] || label.y() > range[1]) {
            return 1000;
        }
        int score = 0;
        for (Point other : points) {
            if (other != label.point() && label.covers(other, marker)) {
                score += 10;
            }
        }
        for (Label other : placed) {
            if (label.overlaps(other)) {
                score += 100;
            }
        }
        return score;
    }
}
