package dev.accelgen.reports.svg;

import java.util.List;

/** Maps data values onto a pixel range, and proposes where the axis ticks go. */
public interface Scale {
    double map(double value);

    List<Double> ticks();

    /** A linear scale from {@code 0..max} (max rounded up to a tick) onto {@code r0..r1}. */
    static Scale linear(double max, double r0, double r1) {
        return LinearScale.fromZero(max, r0, r1);
    }

    /** A log10 scale from whole decades around {@code min..max} onto {@code r0..r1}. */
    static Scale log(double min, double max, double r0, double r1) {
        return LogScale.decades(min, max, r0, r1);
    }
}
