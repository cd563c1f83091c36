package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Int8x2;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.TernaryConfig;
import java.util.List;

/**
 * Sizes of the matrix unit serving a set of projections. A matrix instruction keeps its unit busy from its first
 * beat to its last write; the drain after the last beat costs about ten cycles whatever the size, so the unit is
 * made as wide as it can be while the smallest decode-step product (one row, the smallest K and N) still takes at
 * least {@link #TARGET_BEATS} beats, which keeps utilization at 90% or more. Widths are powers of two that divide
 * every K (lanes, chain length) and N (columns), so no beat carries padding.
 */
public final class UnitSizing {
    /** Beats of the smallest one-row product; drain of ~10 cycles then costs under 8%. */
    public static final int TARGET_BEATS = 128;

    private UnitSizing() {
    }

    /** The MixPE unit for projections of scheme {@code s} with group {@code group}, at most {@code maxCols} columns. */
    static MatrixUnitSpec mixpe(Scheme.MixPe s, int group, List<Projection> ps, int maxCols, int maxPayload) {
        if (Integer.bitCount(group) != 1) {
            throw new PlanError("", "MixPE group " + group + " is not a power of two; matrix engines take power-of-two lanes");
        }
        Dims d = Dims.of(ps);
        int lanes = group;
        while (lanes * 2 <= MixPeConfig.MAX_LANES && d.kPow2 % (lanes * 2) == 0 && beats(d, lanes * 2, 1) >= TARGET_BEATS
                && fits(mixpe(s, group, lanes * 2, 1), maxPayload)) {
            lanes *= 2;
        }
        int cols = 1;
        while (cols * 2 <= maxCols && d.nPow2 % (cols * 2) == 0 && beats(d, lanes, cols * 2) >= TARGET_BEATS
                && fits(mixpe(s, group, lanes, cols * 2), maxPayload)) {
            cols *= 2;
        }
        return mixpe(s, group, lanes, cols);
    }

    private static MatrixUnitSpec mixpe(Scheme.MixPe s, int group, int lanes, int cols) {
        return new MatrixUnitSpec.MixPe(new MixPeConfig(s.wBits(), s.act(), group, lanes, cols, MulForm.SHIFT_ADD));
    }

    /** Whether the unit's weight beat fits the {@code maxPayload} bits the board's ports deliver together. */
    private static boolean fits(MatrixUnitSpec u, int maxPayload) {
        return dev.accelgen.pe.accel.matrix.UnitShape.of(u).payloadBits() <= maxPayload;
    }

    /** The ternary unit: {@code aBits} from the projections' code range. */
    static MatrixUnitSpec ternary(int aBits, List<Projection> ps, int maxPayload) {
        Dims d = Dims.of(ps);
        int lanes = 2;
        while (lanes * 2 <= TernaryConfig.MAX_LANES && d.kPow2 % (lanes * 2) == 0 && beats(d, lanes * 2, 1) >= TARGET_BEATS
                && fits(ternary(aBits, lanes * 2), maxPayload)) {
            lanes *= 2;
        }
        return ternary(aBits, lanes);
    }

    private static MatrixUnitSpec ternary(int aBits, int lanes) {
        return new MatrixUnitSpec.Ternary(new TernaryConfig(lanes, aBits, dev.accelgen.pe.ternary.Packing.BASE3));
    }

    /**
     * The DSP chain: dense, two int8 columns per DSP (int8x2); with {@code sparsity}'s sparse mode one column per DSP
     * (packing none), because the two columns of an int8x2 block share one index per slice and the scheme prunes
     * every column on its own.
     */
    static MatrixUnitSpec dsp(Sparsity sparsity, List<Projection> ps, int maxPayload) {
        Dims d = Dims.of(ps);
        boolean sparse = sparsity instanceof Sparsity.NOfM;
        Packing packing = sparse ? Packing.NONE : Packing.INT8X2;
        int cols = sparse ? 1 : 2;
        int window = sparsity.windowPerSlice();
        int length = sparse ? ((Sparsity.NOfM) sparsity).n() : 1;
        while (length * 2 <= Math.min(64, Int8x2.MAX_DEPTH) && d.kPow2 % (length * 2 * window) == 0
                && beats(d, length * 2 * window, cols) >= TARGET_BEATS
                && fits(new MatrixUnitSpec.DspChain(new DspChainConfig(length * 2, packing, sparsity)), maxPayload)) {
            length *= 2;
        }
        return new MatrixUnitSpec.DspChain(new DspChainConfig(length, packing, sparsity));
    }

    /** The int8 systolic baseline: 4 x 4 (one row per decode step keeps it a quarter busy; it is the baseline). */
    static MatrixUnitSpec systolic() {
        return new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4));
    }

    private static long beats(Dims d, int positions, int cols) {
        return (long) Math.max(1, d.minK / positions) * Math.max(1, d.minN / cols);
    }

    /** Smallest K and N, and the largest powers of two dividing every K and every N. */
    private record Dims(int minK, int minN, int kPow2, int nPow2) {
        static Dims of(List<Projection> ps) {
            int minK = Integer.MAX_VALUE;
            int minN = Integer.MAX_VALUE;
            int kGcd = 0;
            int nGcd = 0;
            for (Projection p : ps) {
                minK = Math.min(minK, p.k());
                minN = Math.min(minN, p.n());
                kGcd = LaneAlignment.gcd(kGcd, p.k());
                nGcd = LaneAlignment.gcd(nGcd, p.n());
            }
            return new Dims(minK, minN, Integer.lowestOneBit(kGcd), Integer.lowestOneBit(nGcd));
        }
    }
}
