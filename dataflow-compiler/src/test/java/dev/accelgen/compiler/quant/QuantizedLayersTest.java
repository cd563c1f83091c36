package dev.accelgen.compiler.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.compiler.ir.Granularity;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.mixpe.ActType;
import org.junit.jupiter.api.Test;

/** Each quantized layer on operands chosen so every step is exact, against hand-computed results. */
class QuantizedLayersTest {
    private static Tensor t(int rows, int cols, float... v) {
        return Tensor.ofFloats(Shape.of(rows, cols), v);
    }

    @Test
    void int8ThroughTheSystolicGoldenModelIsExactOnRepresentableOperands() {
        // column maxima are 127 (scale 1) and the activation range is 127 (scale 1): integer matmul, exactly
        Tensor w = t(3, 2, 127, -5, 2, 127, -3, 7);
        Tensor x = t(2, 3, 1, 2, 3, -127, 0, 10);
        Int8Layer l = new Int8Layer(w, new Scheme.Int8(0, 0), 127);
        // row 0: [127 + 4 - 9, -5 + 254 + 21] = [122, 270]; row 1: [-16129 - 30, 635 + 70] = [-16159, 705]
        assertArrayEquals(new float[] {122, 270, -16159, 705}, l.apply(x).floats());
        IntegerRun run = l.integer(x);
        assertArrayEquals(new int[] {-127, 0, 10}, run.activations()[1]);
        assertArrayEquals(new long[] {-16159, 705}, run.accumulators()[1]);
        QuantParams p = l.weightParams();
        assertEquals(Granularity.PER_CHANNEL, p.granularity());
        assertArrayEquals(new float[] {1, 1}, p.scales());
    }

    @Test
    void twoFourPruningKeepsTheTwoLargestMagnitudesOfEachGroupOfFour() {
        float[] w = {0.1f, -0.9f, 0.5f, 0.2f, 3, 1, -2, 0.5f}; // one column, K = 8
        Int8Layer.prune(w, 8, 1, 2, 4);
        assertArrayEquals(new float[] {0, -0.9f, 0.5f, 0, 3, 0, -2, 0}, w);
    }

    @Test
    void ternaryFollowsBitLinearAbsmeanAndAbsmax() {
        // |W| sums to 2.5 over 6 weights: absmean beta = 5/12; codes round(W / beta) = sign(W) (0.6 -> 1.44, -0.4 -> -0.96)
        Tensor w = t(3, 2, 0.6f, 0, -0.4f, 0.5f, 0.5f, -0.5f);
        Tensor x = t(1, 3, 2, -1, 0.5f);
        TernaryLayer l = new TernaryLayer(w);
        // gamma = 2: a = round(x * 127 / 2) = [127, -64 (round(-63.5) = -63 half up), 32 (31.75)]
        int a0 = 127;
        int a1 = -63;
        int a2 = 32;
        double beta = 5.0 / 12;
        float y0 = (float) ((a0 - a1 + a2) * beta * 2 / 127);
        float y1 = (float) ((0 + a1 - a2) * beta * 2 / 127);
        assertArrayEquals(new float[] {y0, y1}, l.apply(x).floats());
    }

    @Test
    void alreadyTernaryWeightsKeepTheirMagnitude() {
        // 0.25 * {-1, 0, +1}: absmean would be 0.25 * 4/6, but the weights are representable as they are
        Tensor w = t(3, 2, 0.25f, 0, -0.25f, 0.25f, 0, -0.25f);
        Tensor x = t(1, 3, 127, 0, -127);
        // gamma = 127, a = x; column 0: 127 * 1 + (-127) * 0 = 127 -> 127 * 0.25 * 127 / 127
        assertArrayEquals(new float[] {31.75f, 31.75f}, new TernaryLayer(w).apply(x).floats());
        assertArrayEquals(new float[] {0.25f}, new TernaryLayer(w).weightParams().scales());
    }

    @Test
    void mixPeReconstructsGroupCodesExactly() {
        // K = 4, one group; column 0 spans [-1.5, 0] in steps of 0.1 (w4: 15 levels), column 1 is constant 0
        float[] v = new float[8];
        float[] col0 = {-1.5f, 0f, -0.7f, -0.3f};
        for (int i = 0; i < 4; i++) {
            v[i * 2] = col0[i];
        }
        Tensor w = Tensor.ofFloats(Shape.of(4, 2), v);
        MixPeLayer l = new MixPeLayer(w, new Scheme.MixPe(4, ActType.INT8, 32), 127);
        QuantParams p = l.weightParams();
        assertEquals(4, p.groupSize());
        assertEquals(15, p.zeroPoints()[0]); // zero sits at the top code
        Tensor x = t(1, 4, 1, 2, 3, 4);
        // codes: q = round(w/0.1) + 15 = [0, 15, 8, 12]; corr = sum q*a - 15 * sum a = (0+30+24+48) - 150 = -48
        // scale16 = 65536 -> saturates to 65535: out = roundShift(-48 * 65535, 8) / 256 * 0.1
        long acc = Math.floorDiv(-48L * 65535 + 128, 256);
        float expected = (float) (acc / 256.0 * 1.0 * 0.1);
        float[] got = l.apply(x).floats();
        assertEquals(expected, got[0], 0f);
        assertEquals(0f, got[1], 0f);
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
