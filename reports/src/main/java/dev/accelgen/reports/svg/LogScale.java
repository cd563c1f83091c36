package dev.accelgen.reports.svg;

import java.util.ArrayList;
import java.util.List;

/** {@code 10^lo..10^hi} onto {@code r0..r1} by log10; a tick at every decade. */
public record LogScale(int lo, int hi, double r0, double r1) implements Scale {
    public LogScale {
        if (hi <= lo) {
            throw new IllegalArgumentException("empty decade range " + lo + ".." + hi);
        }
    }

    /** The whole decades that hold {@code min..max} (both > 0). */
    public static LogScale decades(double min, double max, double r0, double r1) {
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("log scale needs 0 < min <= max, got " + min + ".." + max);
        }
        int lo = (int) Math.floor(Math.log10(min) + 1e-12);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-12);
        return new LogScale(lo, Math.max(hi, lo + 1), r0, r1);
    }

    @Override
    public double map(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("log scale of " + value);
        }
        return r0 + (Math.log10(value) - lo) / (hi - lo) * (r1 - r0);
    }

    @Override
    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            t.add(Math.pow(10, e));
        }
        return t;
    }
}
