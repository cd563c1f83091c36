package dev.accelgen.reports.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Horizontal bars, one group per row and one bar per series (modelled next to measured, say), on a linear axis
 * from 0; an optional reference line (the board budget at 100%). Each bar carries {@code data-row},
 * {@code data-series} and {@code data-value} (exact) and a tooltip; its length is proportional to the value.
 */
public final class BarChart {
    /** One kind of bar: {@code key} for data attributes, {@code label} for the legend, {@code css} for its colour. */
    public record Series(String key, String label, String css) {
    }

    /** One bar: its value, the note printed after it, and more data attributes for it (written sorted by key). */
    public record Bar(double value, String note, Map<String, String> data) {
        public Bar {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("bar value " + value + " is not a finite number >= 0");
            }
            data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
        }

        public static Bar of(double value, String note) {
            return new Bar(value, note, Map.of());
        }
    }

    /** A row: one bar per series, null where that series has none. */
    private record Row(String key, String label, List<Bar> bars) {
    }

    static final double WIDTH = 760;
    static final double BAR = 12;
    static final double ROW_GAP = 8;
    static final double TOP = 36;
    static final double AXIS = 26;
    static final double RIGHT = 170;

    private final String title;
    private final List<Series> series;
    private final List<Row> rows = new ArrayList<>();
    private final DoubleFunction<String> tickFormat;
    private double reference = Double.NaN;
    private String referenceLabel = "";

    public BarChart(String title, List<Series> series, DoubleFunction<String> tickFormat) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs a series");
        }
        this.title = title;
        this.series = List.copyOf(series);
        this.tickFormat = tickFormat;
    }

    /** A row with one bar per series ({@code null} where a series has none). */
    public BarChart row(String key, String label, List<Bar> bars) {
        if (bars.size() != series.size()) {
            throw new IllegalArgumentException("row " + key + " has " + bars.size() + " bars for " + series.size() + " series");
        }
        rows.add(new Row(key, label, new ArrayList<>(bars)));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A vertical line at {@code value}, labelled (e.g. 1.0, "budget"). */
    public BarChart reference(double value, String label) {
        this.reference = value;
        this.referenceLabel = label;
        return this;
    }

    public Tag render() {
        double labelWidth = Math.min(260, 16 + 6.6 * rows.stream().mapToInt(r -> r.label().length()).max().orElse(4));
        double x0 = labelWidth;
        double x1 = WIDTH - RIGHT;
        double max = rows.stream().flatMap(r -> r.bars().stream()).filter(b -> b != null).mapToDouble(Bar::value).max().orElse(0);
        if (!Double.isNaN(reference)) {
            max = Math.max(max, reference);
        }
        LinearScale x = LinearScale.fromZero(max, x0, x1);
        Charts.Legend legend = Charts.legend(series.stream().map(s -> new String[] {s.css(), s.label()}).toList(), x0, WIDTH);
        double top = TOP + legend.height();
        double group = series.size() * BAR + ROW_GAP;
        double plotBottom = top + rows.size() * group;
        double height = plotBottom + AXIS;
        Tag svg = Charts.svg(WIDTH, height, title);
        svg.add(legend.tag());
        Tag grid = Tag.of("g").cls("grid");
        for (double t : x.ticks()) {
            double px = x.map(t);
            grid.add(Charts.line(px, top - 4, px, plotBottom).cls("gridline"));
            grid.add(Charts.text(px, plotBottom + 16, tickFormat.apply(t)).attr("text-anchor", "middle").cls("tick"));
        }
        svg.add(grid);
        Tag bars = Tag.of("g").cls("bars");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = top + r * group;
            bars.add(Charts.text(x0 - 8, y + series.size() * BAR / 2 + 4, row.label()).attr("text-anchor", "end").cls("rowlabel"));
            for (int s = 0; s < series.size(); s++) {
                Bar bar = row.bars().get(s);
                if (bar == null) {
                    continue;
                }
                Series se = series.get(s);
                double by = y + s * BAR;
                Tag rect = Tag.of("rect").cls("bar " + se.css()).attr("x", x0).attr("y", by + 1)
                        .attr("width", x.map(bar.value()) - x0).attr("height", BAR - 2)
                        .data("row", row.key()).data("series", se.key()).data("value", Num.exact(bar.value()));
                bar.data().forEach(rect::data);
                bars.add(rect.add(Tag.of("title", row.label() + ", " + se.label() + ": " + bar.note())));
                bars.add(Charts.text(x.map(bar.value()) + 4, by + BAR - 2.5, bar.note()).cls("barnote"));
            }
        }
        svg.add(bars);
        if (!Double.isNaN(reference)) {
            double px = x.map(reference);
            svg.add(Charts.line(px, top - 6, px, plotBottom).cls("reference").data("value", Num.exact(reference)));
            svg.add(Charts.text(px, top - 10, referenceLabel).attr("text-anchor", "middle").cls("reflabel"));
        }
        svg.add(Charts.line(x0, top - 4, x0, plotBottom).cls("axis"));
        return svg;
    }
}
