package dev.accelgen.pe.mixpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Fp16BfpTest {
    @Test
    void alignsToTheLargestExponentAndTruncatesTowardZero() {
        // 1.0, 0.5, -2.0, 1.5 * 2^-10 (0x1600: e=5, f=0x200), smallest subnormal 0x0001
        Fp16Bfp.Block b = Fp16Bfp.align(new int[] {0x3C00, 0x3800, 0xC000, 0x1600, 0x0001});
        assertEquals(16, b.sharedExp());
        // 1536 >> 11 = 0; subnormal: 1 >> 15 = 0
        assertArrayEquals(new int[] {512, 256, -1024, 0, 0}, b.significands());
    }

    @Test
    void truncationIsOnTheMagnitude() {
        // 2.0 and -1.75 (0xBF00: e=15, m=0x700=1792): -(1792 >> 1) = -896 = -1.75 exactly
        // and -1.0009765625 (0xBC01: m=1025): -(1025 >> 1) = -512 (toward zero)
        Fp16Bfp.Block b = Fp16Bfp.align(new int[] {0x4000, 0xBF00, 0xBC01});
        assertArrayEquals(new int[] {1024, -896, -512}, b.significands());
    }

    @Test
    void decodesExactValues() {
        assertEquals(1.0, Fp16Bfp.toDouble(0x3C00));
        assertEquals(-2.0, Fp16Bfp.toDouble(0xC000));
        assertEquals(Math.pow(2, -24), Fp16Bfp.toDouble(0x0001));
        assertEquals(65504.0, Fp16Bfp.toDouble(0x7BFF));
    }
}
