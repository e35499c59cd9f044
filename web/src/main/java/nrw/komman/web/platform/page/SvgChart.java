package nrw.komman.web.platform.page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart laid out on the server, drawn by the template {@code charts.html} as inline SVG: no
 * script, nothing loaded from elsewhere. Every chart has a title and a description for assistive
 * technology, and the page shows the same figures as a table.
 *
 * @param vertical true: columns (e.g. months), false: horizontal bars (e.g. Regierungsbezirke)
 */
public record SvgChart(boolean vertical, int width, int height, List<Bar> bars, List<Tick> ticks, List<Legend> legend,
                       double plotLeft, double plotTop, double plotRight, double plotBottom) {

    /** Eleven colours, each at least 3:1 against white (WCAG 1.4.11); the legend and the table name them. */
    public static final List<String> PALETTE = List.of("#0b3a66", "#b35900", "#1f7a3a", "#a4001c", "#5a2d82", "#00727a",
            "#7a5c00", "#c2185b", "#4a4a4a", "#1565c0", "#6d4c41");

    public record Segment(double x, double y, double width, double height, String colour, String title) {
    }

    public record Bar(String label, double labelX, double labelY, String valueText, double valueX, double valueY,
                      List<Segment> segments) {
    }

    public record Tick(double position, double textX, double textY, String text) {
    }

    public record Legend(String label, String colour) {
    }

    /**
     * Stacked columns: one per label (in order), one segment per series (in order, colours from the palette).
     *
     * @param values label → series → value; missing values are 0
     * @param format how a value is written (e.g. hours with a German decimal comma)
     */
    public static SvgChart stackedColumns(List<String> labels, List<String> series, Map<String, Map<String, Double>> values,
                                          java.util.function.DoubleFunction<String> format) {
        int width = 760;
        int height = 320;
        double left = 56, right = width - 12, top = 16, bottom = height - 40;
        double max = 0;
        for (String label : labels) {
            max = Math.max(max, values.getOrDefault(label, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum());
        }
        double scale = niceMax(max);
        double slot = (right - left) / Math.max(1, labels.size());
        double barWidth = slot * 0.6;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double x = left + i * slot + (slot - barWidth) / 2;
            double y = bottom;
            double total = 0;
            List<Segment> segments = new ArrayList<>();
            Map<String, Double> row = values.getOrDefault(label, Map.of());
            for (int s = 0; s < series.size(); s++) {
                double v = row.getOrDefault(series.get(s), 0.0);
                if (v <= 0) {
                    continue;
                }
                double h = (bottom - top) * v / scale;
                y -= h;
                total += v;
                segments.add(new Segment(round(x), round(y), round(barWidth), round(h), PALETTE.get(s % PALETTE.size()),
                        label + ", " + series.get(s) + ": " + format.apply(v)));
            }
            bars.add(new Bar(label, round(x + barWidth / 2), bottom + 18, total > 0 ? format.apply(total) : "",
                    round(x + barWidth / 2), round(y - 4), segments));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double v = scale * t / 4;
            double y = bottom - (bottom - top) * t / 4;
            ticks.add(new Tick(round(y), left - 6, round(y + 5), format.apply(v)));
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new Legend(series.get(s), PALETTE.get(s % PALETTE.size())));
        }
        return new SvgChart(true, width, height, bars, ticks, legend, left, top, right, bottom);
    }

    /** Horizontal bars, one per label, in one colour. */
    public static SvgChart bars(Map<String, Double> values, java.util.function.DoubleFunction<String> format) {
        int width = 760;
        double rowHeight = 36;
        double left = 130, right = width - 90, top = 8;
        int height = (int) (top + rowHeight * values.size() + 28);
        double bottom = height - 24;
        double scale = niceMax(values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Double> e : new LinkedHashMap<>(values).entrySet()) {
            double y = top + i * rowHeight + 6;
            double w = (right - left) * e.getValue() / scale;
            bars.add(new Bar(e.getKey(), left - 8, round(y + 17), format.apply(e.getValue()), round(left + w + 6), round(y + 17),
                    List.of(new Segment(left, round(y), round(w), rowHeight - 12, PALETTE.get(0), e.getKey() + ": " + format.apply(e.getValue())))));
            i++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double x = left + (right - left) * t / 4;
            ticks.add(new Tick(round(x), round(x), bottom + 18, format.apply(scale * t / 4)));
        }
        return new SvgChart(false, width, height, bars, ticks, List.of(), left, top, right, bottom);
    }

    /** A round upper end of the scale (1, 2, 2.5 or 5 times a power of ten), at least 1 so an empty chart still draws. */
    static double niceMax(double max) {
        if (max <= 0) {
            return 4;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * power >= max) {
                double nice = step * power;
                return nice < 4 ? 4 : nice;
            }
        }
        return 10 * power;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
