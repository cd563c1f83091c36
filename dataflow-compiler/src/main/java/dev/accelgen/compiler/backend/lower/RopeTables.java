package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.RopeTable;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import java.util.Locale;

/**
 * Recovers the frequencies of an exported rotary table, so rows past its length can be generated: row p of a
 * standard table is {@code cos/sin(p * invFreq[i])}. Each frequency is read from row 1 ({@code atan2}) and refined
 * on rows 2, 4, 8, ... and the last (unwrapping whole turns), then every row is checked against the regenerated one
 * to within one Fx step. A table that fails the check is kept as it is and limits the context to its rows.
 */
final class RopeTables {
    /** Largest difference between an exported entry and the regenerated one: one Fx step. */
    static final double TOLERANCE = 1.0 / 65536;

    private RopeTables() {
    }

    /** The table and what the lowering should tell the user about it. */
    record Recovered(RopeTable table, String note) {
    }

    /** @param cos rows of h cosines (position p = row p), sin likewise */
    static Recovered of(String where, float[][] cos, float[][] sin) {
        int rows = cos.length;
        int h = cos[0].length;
        String why = rows < 2 ? "it has a single row" : null;
        float[] inv = new float[h];
        for (int i = 0; i < h && why == null; i++) {
            inv[i] = (float) frequency(cos, sin, i);
        }
        if (why == null) {
            why = mismatch(cos, sin, new RopeTable.Generated(inv));
        }
        if (why == null) {
            String theta = h >= 2 && inv[1] > 0 ? String.format(Locale.ROOT, ", theta %.6g", Math.pow(inv[1], -h)) : "";
            return new Recovered(new RopeTable.Generated(inv), "RoPE at " + where + ": frequencies recovered from the exported "
                    + rows + "-row table" + theta + "; rows for any position are generated");
        }
        int[][] fx = new int[rows][2 * h];
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < h; i++) {
                fx[p][i] = EltwiseArith.toFx(cos[p][i]);
                fx[p][h + i] = EltwiseArith.toFx(sin[p][i]);
            }
        }
        return new Recovered(new RopeTable.Explicit(fx), "RoPE at " + where + ": the exported table is kept as it is (" + why
                + "), which limits the context to its " + rows + " positions");
    }

    /** invFreq[i] from row 1, refined on rows 2, 4, 8, ... and the last row. */
    private static double frequency(float[][] cos, float[][] sin, int i) {
        double f = Math.atan2(sin[1][i], cos[1][i]);
        int last = cos.length - 1;
        for (int p = 2; p <= last; p = p == last ? last + 1 : Math.min(2 * p, last)) {
            double a = Math.atan2(sin[p][i], cos[p][i]);
            double turns = Math.rint((p * f - a) / (2 * Math.PI));
            f = (a + 2 * Math.PI * turns) / p;
        }
        return f;
    }

    /** Why the table is not the generated one, or null when every entry is within {@link #TOLERANCE}. */
    private static String mismatch(float[][] cos, float[][] sin, RopeTable.Generated g) {
        int h = g.half();
        for (int p = 0; p < cos.length; p++) {
            for (int i = 0; i < h; i++) {
                float a = (float) p * g.invFreq()[i];
                double dc = Math.abs(cos[p][i] - StrictMath.cos(a));
                double ds = Math.abs(sin[p][i] - StrictMath.sin(a));
                if (!(dc <= TOLERANCE && ds <= TOLERANCE)) {
                    return String.format(Locale.ROOT, "row %d pair %d differs from cos/sin(p * %.6g) by %.2e", p, i,
                            g.invFreq()[i], Math.max(dc, ds));
                }
            }
        }
        return null;
    }
}
