package dev.accelgen.reports.svg;

import java.util.ArrayList;
import java.util.List;

/** {@code d0..d1} onto {@code r0..r1} linearly; ticks at a 1, 2 or 5 step. */
public record LinearScale(double d0, double d1, double r0, double r1, double step) implements Scale {
    public LinearScale {
        if (!(d1 > d0) || !(step > 0)) {
            throw new IllegalArgumentException("empty domain " + d0 + ".." + d1 + " or step " + step);
        }
    }

    /** From 0 to {@code max} rounded up to the next tick, about five ticks; a max of 0 gives 0..1. */
    public static LinearScale fromZero(double max, double r0, double r1) {
        if (!(max >= 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("bad maximum " + max);
        }
        double top = max == 0 ? 1 : max;
        double step = niceStep(top / 5);
        return new LinearScale(0, Math.ceil(top / step - 1e-9) * step, r0, r1, step);
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code rough}. */
    static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= rough * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    @Override
    public double map(double value) {
        return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
    }

    @Override
    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        long n = Math.round((d1 - d0) / step);
        for (long i = 0; i <= n; i++) {
            t.add(d0 + i * step);
        }
        return t;
    }
}
