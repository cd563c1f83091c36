package dev.accelgen.reports.svg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for the page: exact values for data attributes, coordinates, and figures people read. */
public final class Num {
    private Num() {
    }

    /** The value exactly (it parses back to the same double): "12", "0.125", "1.0E-5". */
    public static String exact(double v) {
        check(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A coordinate: at most two decimals, no trailing zeros, never "-0". */
    public static String coord(double v) {
        check(v);
        String s = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * For reading: whole numbers and anything from 1,000 up rounded to an integer with thousands separators, others to
     * three significant digits ("0.0123", "55.1").
     */
    public static String human(double v) {
        check(v);
        if ((v == Math.rint(v) || Math.abs(v) >= 1000) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return sig(v, 3);
    }

    /** A fraction as a percentage with one decimal: 0.1234 gives "12.3%". */
    public static String percent(double fraction) {
        check(fraction);
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** {@code v} to {@code digits} significant digits, plain notation, thousands separated in the integer part. */
    public static String sig(double v, int digits) {
        check(v);
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", d.toBigInteger());
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static void check(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
    }
}
