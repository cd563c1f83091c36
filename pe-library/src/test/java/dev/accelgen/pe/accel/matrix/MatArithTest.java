package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatArithTest {
    private static final MatArith.CodeRange INT8 = new MatArith.CodeRange(-128, 127);

    @Test
    void roundShiftRoundsHalfUpWithoutOverflow() {
        assertEquals(3, MatArith.roundShift(5, 1));
        assertEquals(-2, MatArith.roundShift(-5, 1));
        assertEquals(-3, MatArith.roundShift(-6, 1));
        assertEquals(42, MatArith.roundShift(42, 0));
        assertEquals(1, MatArith.roundShift(Long.MAX_VALUE, 63));
        assertEquals(-1, MatArith.roundShift(Long.MIN_VALUE, 63));
        assertEquals(0, MatArith.roundShift(-(1L << 61), 63));
    }

    @Test
    void quantizeScalesRoundsAndClamps() {
        assertEquals(94, MatArith.quantize(1000, 3, 5, INT8));      // 3000 / 32 = 93.75
        assertEquals(127, MatArith.quantize(1000, 3, 4, INT8));     // 187.5 -> 188 -> 127
        assertEquals(-128, MatArith.quantize(-1000, 3, 4, INT8));
        // the largest product: -2^31 * (2^32 - 1) / 2^63 = -0.99999... rounds to -1
        assertEquals(-1, MatArith.quantize(Integer.MIN_VALUE, 0xFFFFFFFFL, 63, new MatArith.CodeRange(-127, 127)));
        assertThrows(IllegalArgumentException.class, () -> MatArith.quantize(1, 1L << 32, 0, INT8));
    }

    @Test
    void dequantizeIsExactForEightyBitProducts() {
        long acc = (1L << 47) - 1;
        assertEquals(Integer.MAX_VALUE, MatArith.dequantize(acc, Integer.MAX_VALUE, 40));
        assertEquals(Integer.MIN_VALUE, MatArith.dequantize(acc, Integer.MIN_VALUE, 40));
        assertEquals(8, MatArith.dequantize(3, 5, 1));
        assertEquals(-7, MatArith.dequantize(3, -5, 1));
        Random rng = new Random(7);
        for (int i = 0; i < 20000; i++) {
            long a = rng.nextLong() >> rng.nextInt(30);
            int m = rng.nextInt();
            int s = rng.nextInt(64);
            BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(m));
            BigInteger r = s == 0 ? p : p.add(BigInteger.ONE.shiftLeft(s - 1)).shiftRight(s);
            long want = r.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).longValueExact();
            assertEquals(want, MatArith.dequantize(a, m, s), a + " * " + m + " >> " + s);
        }
    }

    @Test
    void outputSaturatesAfterBiasAndAfterTheOldValue() {
        // each addition saturates on its own: MAX + 5 stays MAX, then - 10
        assertEquals(Integer.MAX_VALUE - 10, MatArith.output(1L << 40, 1, 0, 5, -10));
        assertEquals(Integer.MAX_VALUE - 15, MatArith.output(Integer.MAX_VALUE, 1, 0, 5, -15));
        assertEquals(-3, MatArith.output(4, 1, 1, -5, 0));
    }
}
