package rapport.summary.pdf;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import rapport.summary.MonthlySummary;
import rapport.summary.format.DashboardNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.YearMonth;
import java.util.List;

/** A 13-month trend as SVG (JFreeChart drawn into JFreeSVG), in the dashboard's palette and number format. */
final class TrendChartSvg {

    static final Color TEXT = Color.decode("#3d444d");
    static final Color AXIS_LINE = Color.decode("#c9d1d9");
    static final Color GRID_LINE = Color.decode("#eceff2");

    private TrendChartSvg() {
    }

    /** Drawn at width × height pixels, shown at the CSS size {@code cssWidth} × {@code cssHeight} (the viewBox scales it). */
    static String svg(MonthlySummary.Trend trend, Color colour, int width, int height, String cssWidth, String cssHeight) {
        XYSeries series = new XYSeries(trend.metric(), false, true);
        List<MonthlySummary.TrendPoint> points = trend.points();
        for (int i = 0; i < points.size(); i++) {
            series.add(i, points.get(i).value());
        }
        NumberAxis months = new NumberAxis();
        months.setRange(-0.3, points.size() - 0.7);
        months.setTickUnit(new NumberTickUnit(4, new Labels(points, null)));
        NumberAxis values = new NumberAxis();
        values.setAutoRangeIncludesZero(trend.unit().equals("share"));
        values.setNumberFormatOverride(new Labels(null, trend.unit()));
        for (NumberAxis axis : List.of(months, values)) {
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(AXIS_LINE);
            axis.setTickMarksVisible(false);
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, colour);
        line.setSeriesStroke(0, new BasicStroke(1.8f));
        line.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), months, values, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID_LINE);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 0, 0, 14));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        return svg.replaceFirst("<svg ", "<svg style=\"width: " + cssWidth + "; height: " + cssHeight + "\" ");
    }

    /** Tick labels: a month index as "Sep 2025", or a value in its unit as the dashboard's axes write it. */
    private static final class Labels extends NumberFormat {
        private final transient List<MonthlySummary.TrendPoint> points;
        private final String unit;

        Labels(List<MonthlySummary.TrendPoint> points, String unit) {
            this.points = points;
            this.unit = unit;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            if (points == null) {
                return to.append(DashboardNumbers.axis(number, unit).replace(DashboardNumbers.NBSP, " "));
            }
            int i = (int) Math.round(number);
            return i >= 0 && i < points.size() ? to.append(DashboardNumbers.monthShort(YearMonth.parse(points.get(i).month()))) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("labels are only written");
        }
    }
}
