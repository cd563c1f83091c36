package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.errors.PlanError;

/**
 * The column offsets a model needs on ABUF word boundaries: slices and concatenations are views, so their first
 * columns must start a word; attention and RoPE address heads by words, so every head dimension must be a whole
 * number of words. The vector lanes V must divide all of them.
 */
public final class LaneAlignment {
    private LaneAlignment() {
    }

    /** The greatest common divisor of every column offset that must start a word (0 when there is none). */
    public static int gcd(LirModel m) {
        int g = 0;
        for (LirOp op : m.ops()) {
            if (op instanceof LirOp.Slice s) {
                g = gcd(g, s.from());
            } else if (op instanceof LirOp.Concat c) {
                for (var part : c.parts()) {
                    g = gcd(g, part.cols());
                }
            } else if (op instanceof LirOp.Attention a) {
                g = gcd(g, a.headDim());
            } else if (op instanceof LirOp.Rope r) {
                g = gcd(g, r.headDim());
            }
        }
        return g;
    }

    /**
     * The widest power-of-two lane count in 4..{@code max} that divides {@link #gcd} and is no wider than the model's
     * width (its first Fx value, the embedded or input rows: wider words would be mostly padding); refused when even
     * 4 lanes do not divide the offsets.
     */
    public static int widest(LirModel m, int max) {
        int g = gcd(m);
        int width = m.vals().stream().filter(x -> x.kind() == Val.Kind.FX).findFirst().map(Val::cols).orElse(max);
        int v = Math.max(4, Math.min(max, Integer.highestOneBit(width)));
        while (v > 4 && g != 0 && g % v != 0) {
            v /= 2;
        }
        if (g != 0 && g % v != 0) {
            throw new PlanError(m.name(), "head dimensions and slice offsets have the common divisor " + g
                    + ", but vector lanes are a power of two of at least 4; the accelerator cannot address these columns");
        }
        return v;
    }

    /** Refuses a configuration whose lanes do not divide the model's word-aligned offsets. */
    public static void check(LirModel m, int lanes, String source) {
        int g = gcd(m);
        if (g != 0 && g % lanes != 0) {
            throw new PlanError(source, "has " + lanes + " vector lanes, but model " + m.name() + " needs heads and slices at"
                    + " multiples of " + g + " columns on word boundaries; use a configuration whose lanes divide " + g);
        }
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
