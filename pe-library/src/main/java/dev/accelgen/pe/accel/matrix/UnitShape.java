package dev.accelgen.pe.accel.matrix;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.TernaryConfig;

/**
 * How a matrix engine drives one unit kind: a beat carries {@link #positions} consecutive reduction positions of
 * {@link #rowsPerPass} activation rows and produces {@link #colsPerBlock} output columns per row. One record per
 * kind; {@link #of} maps a configuration's unit.
 */
public sealed interface UnitShape {
    /** Activation rows one pass streams together (1; 2 for int4x4 DSP chains; R for a systolic array). */
    int rowsPerPass();

    /** Output columns one column block covers. */
    int colsPerBlock();

    /** Reduction positions per beat, in sparse mode when {@code sparse} (a DSP chain's window). */
    int positions(boolean sparse);

    /** Whether the {@code sparse} flag selects a sparse mode. */
    boolean sparseCapable();

    /** The activation codes the unit takes. */
    MatArith.CodeRange codes();

    /** Width of an activation code port. */
    int codeBits();

    /** Bits of a beat's weight payload (the low bits of its WBUF word). */
    int payloadBits();

    /** Fewest cycles between two beats that end a reduction ({@code last}). */
    int lastSpacing();

    /** Short kind name for module names. */
    String tag();

    static UnitShape of(MatrixUnitSpec spec) {
        if (spec instanceof MatrixUnitSpec.MixPe m) {
            return new MixPe(m.config());
        }
        if (spec instanceof MatrixUnitSpec.Ternary t) {
            return new Ternary(t.config());
        }
        if (spec instanceof MatrixUnitSpec.DspChain d) {
            return new Dsp(d.config());
        }
        return new Systolic(((MatrixUnitSpec.Systolic) spec).config());
    }

    private static MatArith.CodeRange signedRange(int bits) {
        return new MatArith.CodeRange(-(1 << (bits - 1)), (1 << (bits - 1)) - 1);
    }

    /** MixPE: one row, C columns, L positions; int8 or int16 codes; 48-bit Q.8 sums. */
    record MixPe(MixPeConfig c) implements UnitShape {
        public MixPe {
            if (c.aType() == ActType.FP16) {
                throw new ConfigError("mixpe a-type fp16", "matrix engines quantize Fx activations to integer codes;"
                        + " configure the MixPE unit with int8 or int16 activations");
            }
        }

        public int rowsPerPass() {
            return 1;
        }

        public int colsPerBlock() {
            return c.cols();
        }

        public int positions(boolean sparse) {
            return c.lanes();
        }

        public boolean sparseCapable() {
            return false;
        }

        public MatArith.CodeRange codes() {
            return signedRange(c.aType().portBits());
        }

        public int codeBits() {
            return c.aType().portBits();
        }



        public int payloadBits() {
            return c.cols() * c.lanes() * c.wBits() + c.cols() * c.groupsPerBeat() * (MixPeArith.SCALE_BITS + c.wBits());
        }

        public int lastSpacing() {
            return 1;
        }

        public String tag() {
            return "mixpe";
        }
    }

    /** Ternary BitLinear: one row, one column, L positions; symmetric aBits codes (int8: -127..127). */
    record Ternary(TernaryConfig c) implements UnitShape {
        public int rowsPerPass() {
            return 1;
        }

        public int colsPerBlock() {
            return 1;
        }

        public int positions(boolean sparse) {
            return c.lanes();
        }

        public boolean sparseCapable() {
            return false;
        }

        public MatArith.CodeRange codes() {
            int max = (1 << (c.aBits() - 1)) - 1;
            return new MatArith.CodeRange(-max, max);
        }

        public int codeBits() {
            return c.aBits();
        }



        public int payloadBits() {
            return c.packing() == dev.accelgen.pe.ternary.Packing.TWO_BIT ? 2 * c.lanes() : 8 * c.weightBytes();
        }

        public int lastSpacing() {
            return 1;
        }

        public String tag() {
            return "ternary";
        }
    }

    /**
     * DSP chain: as many rows as activation ports (2 for int4x4), as many columns as weight ports, S positions
     * dense or the sparse window; int8 (int4) codes; 32-bit sums per beat (the engine accumulates over K).
     */
    record Dsp(DspChainConfig c) implements UnitShape {
        public int rowsPerPass() {
            return c.packing().activationPorts().size();
        }

        public int colsPerBlock() {
            return c.packing().weightPorts().size();
        }

        public int positions(boolean sparse) {
            return sparse && c.sparse() ? c.window() : c.length();
        }

        public boolean sparseCapable() {
            return c.sparse();
        }

        public MatArith.CodeRange codes() {
            return signedRange(c.packing().bits());
        }

        public int codeBits() {
            return c.packing().bits();
        }



        public int payloadBits() {
            return c.length() * colsPerBlock() * c.packing().bits() + c.indexFields() * c.indexBits();
        }

        /** int4x4 delivers two rows per reduction, one per cycle. */
        public int lastSpacing() {
            return rowsPerPass();
        }

        public String tag() {
            return "dsp";
        }

        /** The weight port (index into {@link Packing#weightPorts()}) that carries column p of a block. */
        public int weightPortOf(int p) {
            return c.packing().laneWeight(p);
        }

        /** The output lane holding row r, column p. */
        public int laneOf(int r, int p) {
            Packing pk = c.packing();
            for (int lane = 0; lane < pk.lanes(); lane++) {
                if (pk.laneActivation(lane) == r && pk.laneWeight(lane) == weightPortOf(p)) {
                    return lane;
                }
            }
            throw new IllegalStateException("no lane for row " + r + " column " + p + " of " + pk);
        }
    }

    /** Systolic array: R rows at once, C columns, one position per beat; aBits codes; accBits sums. */
    record Systolic(SystolicConfig c) implements UnitShape {
        public int rowsPerPass() {
            return c.rows();
        }

        public int colsPerBlock() {
            return c.cols();
        }

        public int positions(boolean sparse) {
            return 1;
        }

        public boolean sparseCapable() {
            return false;
        }

        public MatArith.CodeRange codes() {
            return c.signed() ? signedRange(c.aBits()) : new MatArith.CodeRange(0, (1 << c.aBits()) - 1);
        }

        public int codeBits() {
            return c.aBits();
        }



        public int payloadBits() {
            return c.cols() * c.wBits();
        }

        public int lastSpacing() {
            return c.rows() > 1 ? c.lastBeatSpacing() : 1;
        }

        public String tag() {
            return "systolic";
        }
    }
}
