package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps VATTN's unnormalized accumulator in range: between key tiles it holds {@code sum p_j v_j}, up to
 * (keys) x max|v|, which saturates Fx at 32768. When the keys a row sees (the context, or its sliding window) times
 * the calibrated max |v| (with a margin of 2) reaches that, v is scaled down by 2^-s (folded into v's projection like the score scale, else one VAFFINE before
 * the attention) and the attention's output is scaled back up by 2^s (one VAFFINE, exact). Costs s bits of v.
 */
final class ValueScaling {
    /** The accumulator's limit: Fx holds magnitudes below 2^15. */
    private static final double LIMIT = 32768;
    /** The largest power-of-two factor an Fx affine multiplier takes. */
    private static final int MAX_SHIFT = 14;

    private ValueScaling() {
    }

    /** @param valueRanges calibrated max |v| by the attention's output value id */
    static void run(LirBuilder b, Map<Integer, Double> valueRanges, int positions) {
        for (Map.Entry<Integer, Double> e : valueRanges.entrySet()) {
            int at = ScaleFolding.definer(b, e.getKey());
            LirOp.Attention a = (LirOp.Attention) ((LirBuilder.OpItem) b.items.get(at)).op();
            int keys = a.window() > 0 ? Math.min(a.window(), positions) : positions;
            double bound = 2 * keys * e.getValue();
            if (bound >= LIMIT) {
                scale(b, at, a, Math.min(MAX_SHIFT, (int) Math.floor(Math.log(bound / LIMIT) / Math.log(2)) + 1), keys);
            }
        }
    }

    private static void scale(LirBuilder b, int at, LirOp.Attention a, int s, int keys) {
        Val v = a.v();
        if (!ScaleFolding.foldInto(b, v, Math.pow(2, -s), b.readCounts())) {
            Val scaled = b.fx(v.name() + ".down", v.cols());
            b.items.add(at++, new LirBuilder.OpItem(new LirOp.Affine(v, scaled, EltwiseArith.ONE >> s, 0)));
            v = scaled;
        }
        Val raw = b.fx(a.out().name() + ".down", a.out().cols());
        b.items.set(at, new LirBuilder.OpItem(a.with(a.q(), v, raw)));
        b.items.add(at + 1, new LirBuilder.OpItem(new LirOp.Affine(raw, a.out(), EltwiseArith.ONE << s, 0)));
        b.note(String.format(Locale.ROOT, "attention %s: values scaled by 2^-%d (and its output by 2^%d) so that its accumulator stays"
                + " within Fx over %d keys", a.out().name(), s, s, keys));
    }
}
