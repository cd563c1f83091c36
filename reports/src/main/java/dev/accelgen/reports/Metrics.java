package dev.accelgen.reports;

import dev.accelgen.reports.data.Layer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Figures derived from cycle counts and sizes. Derived values are rounded to six significant digits once, here,
 * so the JSON reports and the page show the same number.
 */
public final class Metrics {
    private Metrics() {
    }

    public static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** Milliseconds {@code cycles} take at {@code clockMhz}. */
    public static double ms(long cycles, double clockMhz) {
        return round(cycles / (clockMhz * 1e3));
    }

    /** How many times per second a job of {@code cycles} runs back to back at {@code clockMhz}. */
    public static double perSecond(long cycles, double clockMhz) {
        return round(clockMhz * 1e6 / cycles);
    }

    /** GB/s achieved moving {@code bytes} in {@code cycles}. */
    public static double gbps(long bytes, long cycles, double clockMhz) {
        return round(bytes / (cycles / (clockMhz * 1e6)) / 1e9);
    }

    public static double ratio(double part, double whole) {
        return round(part / whole);
    }

    /** Operations (two per MAC) per off-chip byte; the layer must move bytes. */
    public static double intensity(Layer l) {
        return round(2.0 * l.macs() / l.offchipBytes());
    }

    /** GOP/s the layer achieved (two operations per MAC). */
    public static double gops(Layer l, double clockMhz) {
        return round(2.0 * l.macs() / (l.cycles() / (clockMhz * 1e6)) / 1e9);
    }
}
