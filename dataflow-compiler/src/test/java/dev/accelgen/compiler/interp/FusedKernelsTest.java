package dev.accelgen.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Fused kernels on cases whose results follow by hand. */
class FusedKernelsTest {
    private static Tensor f(int[] dims, float... v) {
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    @Test
    void causalAttentionHidesLaterPositions() {
        Tensor q = f(new int[] {2, 1}, 1, 1);
        Tensor v = f(new int[] {2, 1}, 1, 3);
        // row 0 sees only position 0 (value 1); row 1 averages equal scores over both (value 2)
        assertArrayEquals(new float[] {1, 2}, FusedKernels.attention(new Op.Attention(1f, true), q, q, v, null).floats());
        // without the mask row 0 also averages
        assertArrayEquals(new float[] {2, 2}, FusedKernels.attention(new Op.Attention(1f, false), q, q, v, null).floats());
    }

    @Test
    void slidingWindowSeesOnlyTheLastKeys() {
        // equal scores; window 2: row 0 sees value 1, row 1 averages 1 and 3, row 2 averages 3 and 5, row 3 5 and 7
        Tensor q = f(new int[] {4, 1}, 1, 1, 1, 1);
        Tensor v = f(new int[] {4, 1}, 1, 3, 5, 7);
        assertArrayEquals(new float[] {1, 2, 4, 6}, FusedKernels.attention(new Op.Attention(1f, true, 2), q, q, v, null).floats());
        // one query row at the end of four keys (a decode step) sees the last two
        assertArrayEquals(new float[] {6}, FusedKernels.attention(new Op.Attention(1f, true, 2), f(new int[] {1, 1}, 1), q, v, null).floats());
    }

    @Test
    void pickedOfSoftmaxGatesAreTheProbabilitiesOfAllExperts() {
        // D = F = 1, three experts, logits [x, 0, -x] for x = ln 2: p = [4, 2, 1] / 7; top-2 picks experts 0 and 1 with
        // gates 4/7 and 2/7 (softmax of the picked: 2/3, 1/3). Up weights 0, so each expert returns its down bias.
        float ln2 = (float) Math.log(2);
        Tensor x = f(new int[] {1, 1}, ln2);
        Tensor router = f(new int[] {1, 3}, 1, 0, -1);
        Tensor up = f(new int[] {3, 1, 1}, 0, 0, 0);
        Tensor upB = f(new int[] {3, 1}, 0, 0, 0);
        Tensor down = f(new int[] {3, 1, 1}, 0, 0, 0);
        Tensor downB = f(new int[] {3, 1}, 7, 14, 70);
        float all = FusedKernels.moe(new Op.Moe(3, 2, Op.Gating.PICKED_OF_SOFTMAX), x, router, up, upB, down, downB).floats()[0];
        float picked = FusedKernels.moe(new Op.Moe(3, 2, Op.Gating.SOFTMAX_OF_PICKED), x, router, up, upB, down, downB).floats()[0];
        assertEquals(4f / 7 * 7 + 2f / 7 * 14, all, 1e-5);
        assertEquals(2f / 3 * 7 + 1f / 3 * 14, picked, 1e-5);
    }

    @Test
    void moeTopOneRoutesEachTokenToItsBestExpertOnly() {
        // D = F = 1, two experts; router logits = [x, -x]: positive tokens go to expert 0, negative to expert 1.
        // up weights are 0, so gelu(0 + 0) = 0 and each expert returns its down bias: 10 or 20.
        Tensor x = f(new int[] {2, 1}, 0.5f, -0.5f);
        Tensor router = f(new int[] {1, 2}, 1, -1);
        Tensor up = f(new int[] {2, 1, 1}, 0, 0);
        Tensor upB = f(new int[] {2, 1}, 0, 0);
        Tensor down = f(new int[] {2, 1, 1}, 1, 1);
        Tensor downB = f(new int[] {2, 1}, 10, 20);
        assertArrayEquals(new float[] {10, 20}, FusedKernels.moe(new Op.Moe(2, 1), x, router, up, upB, down, downB).floats());
    }
}
