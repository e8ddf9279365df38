package io.northstar.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;

/**
 * What the charts of the PDFs share: the status colours of the pages with a shape each (so
 * green, amber and red tell apart without colour), a compact money format for axes, and the
 * contrast rule that picks dark or light text for a fill. Formatting only: no figure is worked
 * out here (SPEC.md §2.12).
 */
public final class ChartStyle {
    /** The status colours of the chips and tiles. */
    public static final Color GREEN = new Color(0x2E7D32);
    public static final Color AMBER = new Color(0xD38F00);
    public static final Color RED = new Color(0xC62828);
    public static final Color NO_DATA = new Color(0x9AA5B1);
    /** Plan, forecast and reference colours: blue and grey, never a status colour. */
    public static final Color BLUE = new Color(0x1F5FAD);
    public static final Color LIGHT_BLUE = new Color(0xB7C3D0);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color GUIDE = new Color(0x444444);
    public static final Color GRID = new Color(0xD5DCE6);
    public static final Color TEXT = new Color(0x222222);

    private ChartStyle() {
    }

    /** Circle for green, triangle for amber, square for red, diamond for no data. */
    public static Shape shape(String health, double size) {
        double h = size / 2;
        return switch (health == null ? "" : health) {
            case "green" -> new Ellipse2D.Double(-h, -h, size, size);
            case "amber" -> {
                Path2D.Double triangle = new Path2D.Double();
                triangle.moveTo(0, -h * 1.15);
                triangle.lineTo(h * 1.1, h * 0.85);
                triangle.lineTo(-h * 1.1, h * 0.85);
                triangle.closePath();
                yield triangle;
            }
            case "red" -> new Rectangle2D.Double(-h, -h, size, size);
            default -> {
                Path2D.Double diamond = new Path2D.Double();
                diamond.moveTo(0, -h);
                diamond.lineTo(h, 0);
                diamond.lineTo(0, h);
                diamond.lineTo(-h, 0);
                diamond.closePath();
                yield diamond;
            }
        };
    }

    public static Color colour(String health) {
        return switch (health == null ? "" : health) {
            case "green" -> GREEN;
            case "amber" -> AMBER;
            case "red" -> RED;
            default -> NO_DATA;
        };
    }

    /** WCAG relative luminance of a colour, 0 (black) to 1 (white). */
    public static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio of two colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Dark text on a light fill, white on a dark one: whichever contrasts more. */
    public static Color textOn(Color fill) {
        return contrast(TEXT, fill) >= contrast(Color.WHITE, fill) ? TEXT : Color.WHITE;
    }

    /** A money axis: "0", "EUR 500k", "EUR 2.5M" (the currency on each tick, so no tick reads as a count). */
    public static NumberFormat money(String currency) {
        return new CompactMoney(currency == null ? "" : currency + " ");
    }

    /** Shares 0..1 as "0 %", "25 %". */
    public static NumberFormat percent() {
        return new DecimalFormat("0' %'", DecimalFormatSymbols.getInstance(Locale.UK)) {
            @Override
            public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
                return super.format(number * 100, to, position);
            }
        };
    }

    /**
     * The chart's own font (Jasper resolves the pages' font family for it) at a size: a font made
     * from the family name alone would miss Jasper's font extension and fall back to AWT's.
     */
    public static Font font(Font base, float size, boolean bold) {
        return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** Quiet axes: the pages' font, grey lines, no tick marks. */
    public static void axis(Axis axis, float size) {
        Font base = axis.getTickLabelFont();
        axis.setTickLabelFont(font(base, size, false));
        axis.setLabelFont(font(base, size, false));
        axis.setTickLabelPaint(TEXT);
        axis.setLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
    }

    public static void background(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    }

    /** 0, 500k, 2.5M, 1.2bn with a currency prefix. */
    static final class CompactMoney extends NumberFormat {
        private final String prefix;

        CompactMoney(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            double size = Math.abs(number);
            if (size < 0.5) {
                return to.append('0');
            }
            String sign = number < 0 ? "−" : "";
            DecimalFormat digits = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
            String shown;
            if (size >= 1e9) {
                shown = digits.format(size / 1e9) + "bn";
            } else if (size >= 1e6) {
                shown = digits.format(size / 1e6) + "M";
            } else if (size >= 1e3) {
                shown = digits.format(size / 1e3) + "k";
            } else {
                shown = digits.format(size);
            }
            return to.append(sign).append(prefix).append(shown);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            return format((double) number, to, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("a display format");
        }
    }
}
