package dev.accelgen.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Lines and labelled points over two axes, each linear from 0 or log10 over whole decades. Lines carry their
 * {@code data-series} and any data attributes given; every point carries {@code data-series}, {@code data-key},
 * {@code data-x} and {@code data-y} (exact) and a tooltip.
 */
public final class XYChart {
    /** An axis: its title, log or linear, and how tick values are written. */
    public record Axis(String title, boolean log, DoubleFunction<String> format) {
    }

    /** A point; {@code key} names it (a layer, a context length). */
    public record Point(String key, double x, double y) {
    }

    private record Line(String series, String css, List<Point> points, String label, Map<String, String> data) {
    }

    private record Marks(String series, String css, List<Point> points) {
    }

    static final double WIDTH = 760;
    static final double HEIGHT = 380;
    static final double LEFT = 78;
    static final double RIGHT = 24;
    static final double TOP = 34;
    static final double BOTTOM = 46;

    private final String title;
    private final Axis xAxis;
    private final Axis yAxis;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marks> marks = new ArrayList<>();
    private final List<String[]> legend = new ArrayList<>();

    public XYChart(String title, Axis xAxis, Axis yAxis) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
    }

    /**
     * A polyline through {@code points} (in order), {@code label} its tooltip, {@code data} more attributes (written
     * sorted by key); no legend entry when legendLabel is null.
     */
    public XYChart line(String series, String css, String legendLabel, List<Point> points, String label, Map<String, String> data) {
        check(points);
        lines.add(new Line(series, css, List.copyOf(points), label, new TreeMap<>(data)));
        if (legendLabel != null) {
            legend.add(new String[] {css, legendLabel});
        }
        return this;
    }

    /** Points; no legend entry when {@code legendLabel} is null. */
    public XYChart points(String series, String css, String legendLabel, List<Point> points) {
        check(points);
        marks.add(new Marks(series, css, List.copyOf(points)));
        if (legendLabel != null) {
            legend.add(new String[] {css, legendLabel});
        }
        return this;
    }

    public Tag render() {
        List<Point> all = new ArrayList<>();
        lines.forEach(l -> all.addAll(l.points()));
        marks.forEach(m -> all.addAll(m.points()));
        Charts.Legend key = Charts.legend(legend, LEFT, WIDTH - RIGHT);
        double top = TOP + key.height();
        double height = HEIGHT + key.height();
        Scale x = scale(xAxis, all.stream().mapToDouble(Point::x).toArray(), LEFT, WIDTH - RIGHT);
        Scale y = scale(yAxis, all.stream().mapToDouble(Point::y).toArray(), height - BOTTOM, top);
        Tag svg = Charts.svg(WIDTH, height, title);
        svg.add(key.tag());
        Tag grid = Tag.of("g").cls("grid");
        for (double t : x.ticks()) {
            grid.add(Charts.line(x.map(t), top, x.map(t), height - BOTTOM).cls("gridline"));
            grid.add(Charts.text(x.map(t), height - BOTTOM + 16, xAxis.format().apply(t)).attr("text-anchor", "middle").cls("tick"));
        }
        for (double t : y.ticks()) {
            grid.add(Charts.line(LEFT, y.map(t), WIDTH - RIGHT, y.map(t)).cls("gridline"));
            grid.add(Charts.text(LEFT - 6, y.map(t) + 4, yAxis.format().apply(t)).attr("text-anchor", "end").cls("tick"));
        }
        svg.add(grid);
        svg.add(Charts.text((LEFT + WIDTH - RIGHT) / 2, height - 8, xAxis.title()).attr("text-anchor", "middle").cls("axistitle"));
        svg.add(Charts.text(14, (top + height - BOTTOM) / 2, yAxis.title()).attr("text-anchor", "middle")
                .attr("transform", "rotate(-90 14 " + Num.coord((top + height - BOTTOM) / 2) + ")").cls("axistitle"));
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            for (Point p : l.points()) {
                pts.append(pts.length() == 0 ? "" : " ").append(Num.coord(x.map(p.x()))).append(',').append(Num.coord(y.map(p.y())));
            }
            Tag poly = Tag.of("polyline").cls("line " + l.css()).attr("points", pts.toString()).data("series", l.series());
            l.data().forEach(poly::data);
            svg.add(poly.add(Tag.of("title", l.label())));
        }
        for (Marks m : marks) {
            Tag g = Tag.of("g").cls("points " + m.css());
            for (Point p : m.points()) {
                g.add(Tag.of("circle").attr("cx", x.map(p.x())).attr("cy", y.map(p.y())).attr("r", 4)
                        .data("series", m.series()).data("key", p.key()).data("x", Num.exact(p.x())).data("y", Num.exact(p.y()))
                        .add(Tag.of("title", p.key() + ": " + xAxis.title() + " " + Num.human(p.x()) + ", "
                                + yAxis.title() + " " + Num.human(p.y()))));
            }
            svg.add(g);
        }
        svg.add(Charts.line(LEFT, height - BOTTOM, WIDTH - RIGHT, height - BOTTOM).cls("axis"));
        svg.add(Charts.line(LEFT, top, LEFT, height - BOTTOM).cls("axis"));
        return svg;
    }

    private static Scale scale(Axis axis, double[] values, double r0, double r1) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        return axis.log() ? Scale.log(min, max, r0, r1) : Scale.linear(max, r0, r1);
    }

    private void check(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points");
        }
        for (Point p : points) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || p.x() < 0 || p.y() < 0) {
                throw new IllegalArgumentException("point " + p.key() + " (" + p.x() + ", " + p.y() + ") is not finite and >= 0");
            }
        }
    }
}
