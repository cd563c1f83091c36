package dev.accelgen.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
