package dev.accelgen.compiler.backend.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.hf.GraphBuilder;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One projection through lowering and the interpreter on operands chosen so every step can be done by hand. */
class ProjectionArithmeticTest {
    /** x [1, rows, k] times the weight w [k, n], calibrated range {@code range}: the LIR and one run's Fx rows. */
    static int[][] run(Scheme s, int k, int n, float[] w, double range, float[] x) {
        GraphBuilder b = new GraphBuilder("one", GraphBuilder.WeightMode.SYNTHETIC, 1);
        String in = b.input("x", TensorType.f32(1, x.length / k, k));
        String weight = b.weight("w", GraphBuilder.Init.MATRIX, k, n);
        Graph g = b.build(b.matmul("mm", in, weight));
        g = g.withWeights(g.weights(), Map.of("w", Tensor.ofFloats(Shape.of(k, n), w)));
        String node = g.nodes().get(0).name();
        LirModel m = Lowering.lower("one", g, new QuantPlan(s, Map.of()), Map.of(node, range), LowerOptions.defaults());
        return new LirSession(m).run(Map.of("x", Tensor.ofFloats(Shape.of(1, x.length / k, k), x))).fxOutputs().get(g.outputs().get(0));
    }

    static LirOp.Linear linear(Scheme s, int k, int n, float[] w, double range) {
        GraphBuilder b = new GraphBuilder("one", GraphBuilder.WeightMode.SYNTHETIC, 1);
        String in = b.input("x", TensorType.f32(1, 1, k));
        Graph g = b.build(b.matmul("mm", in, b.weight("w", GraphBuilder.Init.MATRIX, k, n)));
        g = g.withWeights(g.weights(), Map.of("w", Tensor.ofFloats(Shape.of(k, n), w)));
        LirModel m = Lowering.lower("one", g, new QuantPlan(s, Map.of()), Map.of(g.nodes().get(0).name(), range), LowerOptions.defaults());
        return (LirOp.Linear) m.ops().get(1);
    }

    @Test
    void int8WithUnitScalesIsTheIntegerProduct() {
        // column maxima 127 (weight scale 1), activation range 127: q = 2^23 >> 39 makes code = x, M = 2^30 >> 14 makes y = acc
        float[] w = {127, -5, 2, 127, -3, 7};
        LirOp.Linear l = linear(new Scheme.Int8(0, 0), 3, 2, w, 127);
        assertEquals(new ActQuant.PerTensor(1 << 23, 39), l.p().act());
        assertArrayEquals(new int[] {1 << 30, 1 << 30}, l.p().m());
        assertEquals(14, l.p().dShift());
        int[][] y = run(new Scheme.Int8(0, 0), 3, 2, w, 127, new float[] {1, 2, 3, -127, 0, 10});
        // row 0: [127 + 4 - 9, -5 + 254 + 21]; row 1: [-16129 - 30, 635 + 70]
        assertArrayEquals(new int[] {122 << 16, 270 << 16}, y[0]);
        assertArrayEquals(new int[] {-16159 << 16, 705 << 16}, y[1]);
    }

    @Test
    void mixPeDequantizesTheGroupSumWithTheColumnStep() {
        // K = 4, one group; column 0 spans [-1.5, 0] in steps of 0.1 (15 levels: scale 65535, zero point 15), column 1 is 0
        float[] w = {-1.5f, 0, 0, 0, -0.7f, 0, -0.3f, 0};
        int[][] y = run(new Scheme.MixPe(4, dev.accelgen.pe.mixpe.ActType.INT8, 32), 4, 2, w, 127, new float[] {1, 2, 3, 4});
        // codes [0, 15, 8, 12]: corr = (0 + 30 + 24 + 48) - 15 * 10 = -48; group out = roundShift(-48 * 65535, 8)
        long acc = Math.floorDiv(-48L * 65535 + 128, 256);
        // M / 2^dShift = 0.1 * 2^16 / 2^8 = 25.6 with dShift 26 (M = round(25.6 * 2^26) < 2^31)
        long m = Math.round(25.6 * (1L << 26));
        long want = Math.floorDiv(acc * m + (1L << 25), 1L << 26);
        assertArrayEquals(new int[] {(int) want, 0}, y[0]);
        assertEquals(-4.8, want / 65536.0, 2e-5);
    }

    @Test
    void ternaryQuantizesEachRowByItsAbsmax() {
        // absmean beta = 2.5 / 6 = 5/12; trits sign(W): column 0 [1, -1, 1], column 1 [0, 1, -1]
        float[] w = {0.6f, 0, -0.4f, 0.5f, 0.5f, -0.5f};
        int[][] y = run(new Scheme.Ternary(), 3, 2, w, 0, new float[] {2, -1, 0.5f});
        // gamma = 2: q = 127 * 2^32 / 2^17 and codes round half up of x * 127 / 2: [127, -63 (from -63.5), 32 (31.75)]
        long acc0 = 127 + 63 + 32;
        long acc1 = -63 - 32;
        // beta as mantissa 13981013 / 2^25; M = roundShift(gamma * mant * round(2^38 / 127), 22 + 25); y = roundShift(acc * M, 16)
        BigInteger c127 = BigInteger.valueOf(Math.round(Math.pow(2, 38) / 127));
        long mant = Math.round(5.0 / 12 * (1L << 25));
        long bigM = BigInteger.valueOf(131072).multiply(BigInteger.valueOf(mant)).multiply(c127).add(BigInteger.ONE.shiftLeft(46))
                .shiftRight(47).longValueExact();
        assertArrayEquals(new int[] {(int) Math.floorDiv(acc0 * bigM + (1 << 15), 1 << 16), (int) Math.floorDiv(acc1 * bigM + (1 << 15), 1 << 16)}, y[0]);
        assertEquals(222 * 5.0 / 12 * 2 / 127, y[0][0] / 65536.0, 1e-4);
    }
}
