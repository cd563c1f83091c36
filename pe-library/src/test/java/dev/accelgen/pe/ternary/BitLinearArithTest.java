package dev.accelgen.pe.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitLinearArithTest {
    @Test
    void absmaxQuantizationRoundsHalfUp() {
        BitLinearArith.QuantizedActs q = BitLinearArith.absmaxQuantize(new double[] {2.0, -1.0, 0.5, 0.0});
        assertEquals(2.0, q.gamma());
        // 127, -63.5 -> -63, 31.75 -> 32, 0
        assertArrayEquals(new int[] {127, -63, 32, 0}, q.a());
    }

    @Test
    void ternarizeUsesAbsMean() {
        BitLinearArith.TernaryWeights t = BitLinearArith.ternarize(new double[][] {{0.9, -0.2}, {-1.5, 0.2}});
        assertEquals(0.7, t.beta(), 1e-12);
        assertArrayEquals(new int[] {1, 0}, t.w()[0]);
        assertArrayEquals(new int[] {-1, 0}, t.w()[1]);
    }

    @Test
    void laneSumAndAccumulatorWrap() {
        assertEquals(-5 - 7, BitLinearArith.laneSum(new int[] {-1, 0, -1}, new int[] {5, 100, 7}));
        assertEquals(Integer.MIN_VALUE, BitLinearArith.accumulate(Integer.MAX_VALUE, 1));
    }

    @Test
    void fixedScaleIsWithinHalfAnLsbPlusMantissaError() {
        long seed = 7;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            double beta = 0.001 + rng.nextDouble() * 0.1;
            double gamma = 0.01 + rng.nextDouble() * 10;
            long acc = rng.nextInt(200_000) - 100_000;
            BitLinearArith.FixedScale s = BitLinearArith.scaleToQ(beta, gamma, 12);
            double ref = BitLinearArith.dequantize(acc, beta, gamma) * 4096;
            int got = BitLinearArith.applyScale(acc, s);
            if (Math.abs(ref) < 32000) {
                double mantErr = Math.abs(acc) * Math.pow(2, -s.shift() - 1);
                assertTrue(Math.abs(got - ref) <= 0.5 + mantErr + 1e-9, got + " vs " + ref);
            }
        }
    }
}
