package dev.accelgen.compiler.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.mixpe.ActType;
import org.junit.jupiter.api.Test;

/** Each scheme's weight quantization on weights chosen so every code can be worked out by hand. */
class WeightQuantizersTest {
    private static Tensor t(int rows, int cols, float... v) {
        return Tensor.ofFloats(Shape.of(rows, cols), v);
    }

    @Test
    void int8CodesArePerColumnSymmetric() {
        Int8Weights w = new Int8Weights(t(3, 2, 127, -5, 2, 254, -3, 7), new Scheme.Int8(0, 0));
        // column 0: max 127, scale 1; column 1: max 254, scale 2 -> [-2.5 -> -2 (half even), 127, 3.5 -> 4]
        assertArrayEquals(new int[][] {{127, 2, -3}, {-2, 127, 4}}, w.quantWeights().values());
        assertEquals(2.0, w.weightScale(1));
    }

    @Test
    void twoFourPruningKeepsTheTwoLargestMagnitudesOfEachGroupOfFour() {
        float[] w = {0.1f, -0.9f, 0.5f, 0.2f, 3, 1, -2, 0.5f}; // one column, K = 8
        assertArrayEquals(new float[] {0, -0.9f, 0.5f, 0, 3, 0, -2, 0}, Int8Weights.pruned(t(8, 1, w), new Scheme.Int8(2, 4)).floats());
    }

    @Test
    void ternaryFollowsBitLinearAbsmean() {
        // |W| sums to 2.5 over 6 weights: beta = 5/12; trits round(W / beta) = sign(W) (0.6 -> 1.44, -0.4 -> -0.96)
        TernaryWeights w = new TernaryWeights(t(3, 2, 0.6f, 0, -0.4f, 0.5f, 0.5f, -0.5f));
        assertEquals(5.0 / 12, w.beta(), 1e-7);
        assertArrayEquals(new int[][] {{1, -1, 1}, {0, 1, -1}}, w.quantWeights().trits());
    }

    @Test
    void alreadyTernaryWeightsKeepTheirMagnitude() {
        // 0.25 * {-1, 0, +1}: absmean would be 0.25 * 4/6, but the weights are representable as they are
        TernaryWeights w = new TernaryWeights(t(3, 2, 0.25f, 0, -0.25f, 0.25f, 0, -0.25f));
        assertEquals(0.25, w.beta());
        assertArrayEquals(new int[][] {{1, -1, 0}, {0, 1, -1}}, w.quantWeights().trits());
    }

    @Test
    void mixPeReconstructsGroupCodesExactly() {
        // K = 4, one (partial) group of the unit's 32; column 0 spans [-1.5, 0] in steps of 0.1 (w4: 15 levels), column 1 is 0
        MixPeWeights w = new MixPeWeights(t(4, 2, -1.5f, 0, 0, 0, -0.7f, 0, -0.3f, 0), new Scheme.MixPe(4, ActType.INT8, 32));
        QuantWeights.MixPe q = w.quantWeights();
        assertEquals(32, w.group());
        assertArrayEquals(new int[] {0, 15, 8, 12}, q.codes()[0]); // round(w / 0.1) + 15: zero sits at the top code
        assertArrayEquals(new int[] {65535}, q.scales()[0]); // the column's own step: 1.0 in Q0.16, saturated
        assertArrayEquals(new int[] {15}, q.zps()[0]);
        assertArrayEquals(new int[] {0}, q.scales()[1]);
        assertEquals(0.1, w.colStep(0), 1e-7);
    }

    @Test
    void aKThatTheGroupDoesNotDivideEndsInAPartialGroup() {
        // K = 6 with groups of 4: positions 0..3 (range [0, 1.5] in steps of 0.1) and 4..5 (range [0, 0.3] in steps of 0.02)
        MixPeWeights w = new MixPeWeights(t(6, 1, 1.5f, 0, 0.7f, 0.3f, 0.3f, 0.1f), new Scheme.MixPe(4, ActType.INT8, 4));
        QuantWeights.MixPe q = w.quantWeights();
        assertEquals(2, MixPeWeights.groups(6, 4));
        assertArrayEquals(new int[] {15, 0, 7, 3, 15, 5}, q.codes()[0]);
        assertArrayEquals(new int[] {0, 0}, q.zps()[0]);
        assertArrayEquals(new int[] {65535, 13107}, q.scales()[0], "the second group's step is a fifth of the column's");
    }

    @Test
    void schemesParseAndRejectWithTheirNames() {
        assertEquals("w3a16", Scheme.parse("w3a16").label());
        assertEquals("int8-2:4", Scheme.parse("int8-2:4").label());
        assertEquals("int8-2:8", Scheme.parse("int8-2:8").label());
        assertEquals("scheme int8-3:4: int8 sparsity N:M must be 2:4, 1:4 or 2:8 (got 3:4)",
                assertThrows(PlanError.class, () -> Scheme.parse("int8-3:4")).getMessage());
        assertEquals("scheme must be float, ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M (got fp8)",
                assertThrows(PlanError.class, () -> Scheme.parse("fp8")).getMessage());
    }
}
