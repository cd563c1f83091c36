package dev.accelgen.reports.svg;

import java.util.List;

/** Pieces every chart draws: the root element, lines, text and a legend. */
final class Charts {
    private Charts() {
    }

    /** The root: fixed size, a viewBox so it scales, and an accessible title. */
    static Tag svg(double width, double height, String title) {
        return Tag.of("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("width", width).attr("height", height)
                .attr("viewBox", "0 0 " + Num.coord(width) + " " + Num.coord(height)).attr("role", "img")
                .attr("aria-label", title).add(Tag.of("title", title));
    }

    static Tag line(double x1, double y1, double x2, double y2) {
        return Tag.of("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
    }

    static Tag text(double x, double y, String text) {
        return Tag.of("text").attr("x", x).attr("y", y).text(text);
    }

    /** A legend and the height it takes. */
    record Legend(Tag tag, double height) {
    }

    static final double LEGEND_ROW = 16;

    /** Swatches with labels from {@code x}, wrapped before {@code maxX}; each entry is {css class, label}. */
    static Legend legend(List<String[]> entries, double x, double maxX) {
        Tag g = Tag.of("g").cls("legend");
        double at = x;
        double y = 14;
        for (String[] e : entries) {
            double w = 24 + 6.4 * e[1].length();
            if (at > x && at + w > maxX) {
                at = x;
                y += LEGEND_ROW;
            }
            g.add(Tag.of("rect").cls("swatch " + e[0]).attr("x", at).attr("y", y - 9).attr("width", 10).attr("height", 10));
            g.add(text(at + 14, y, e[1]));
            at += w;
        }
        return new Legend(g, y - 14);
    }
}
