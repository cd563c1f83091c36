package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The lane layouts of {@link Int8x2} (WP486: the upper weight at bit 18 of A, the lower on D, one activation on
 * B) and {@link Int4x4} (lanes 11 bits apart) by hand: pin patterns and the P word of one product worked out on
 * paper, so a change of offset, sign extension or borrow correction fails here even when packing and unpacking
 * change together.
 */
class PackingReferenceTest {
    @Test
    void int8x2PinsAndLanesOfOneProduct() {
        // hi = -3, lo = 5, x = -7: A = -3 * 2^18 mod 2^30, D = 5, B = -7 mod 2^18
        assertEquals(1073741824L - 786432L, Int8x2.aPin(-3));
        assertEquals(5L, Int8x2.dPin(5));
        assertEquals(262144L - 7, Int8x2.bPin(-7));
        assertEquals(134217728L - 128, Int8x2.dPin(-128));
        // P = (-3 * 2^18 + 5) * -7 = 21 * 2^18 - 35 = 5504989: P[17:0] = -35 as 18 bits, P[47:18] = 20, borrow 1
        assertArrayEquals(new long[] {21, -35}, Int8x2.unpack(5504989L));
        // both lanes negative: (-3 * 2^18 - 5) * 7 = -21 * 2^18 - 35, as a 48-bit pattern
        assertArrayEquals(new long[] {-21, -35}, Int8x2.unpack((1L << 48) - 21L * 262144 - 35));
    }

    @Test
    void int4x4PinsAndLanesOfOneProduct() {
        // a1 = -3, a0 = 5, w1 = -7, w0 = 2: A = -3 * 2^22 mod 2^30, D = 5, B = -7 * 2^11 + 2 mod 2^18
        assertEquals(1073741824L - 12582912L, Int4x4.aPin(-3));
        assertEquals(5L, Int4x4.dPin(5));
        assertEquals(262144L - 14336 + 2, Int4x4.bPin(-7, 2));
        // P = a0 w0 + a0 w1 2^11 + a1 w0 2^22 + a1 w1 2^33 = 10 - 35 * 2^11 - 6 * 2^22 + 21 * 2^33
        long p = 10 - 35L * 2048 - 6L * 4194304 + 21L * 8589934592L;
        assertEquals(180363388938L, p);
        assertArrayEquals(new long[] {10, -35, -6, 21}, Int4x4.unpack(p));
        assertArrayEquals(new long[] {-10, 35, 6, -21}, Int4x4.unpack((1L << 48) - p));
    }
}
