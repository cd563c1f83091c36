package dev.accelgen.pe.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TernaryCodecTest {
    @Test
    void twoBitCodes() {
        assertEquals(0b00, TernaryCodec.encode2(0));
        assertEquals(0b01, TernaryCodec.encode2(1));
        assertEquals(0b11, TernaryCodec.encode2(-1));
        assertEquals(0, TernaryCodec.decode2(0b10));
        assertEquals(-1, TernaryCodec.decode2(0b11));
    }

    @Test
    void everyBase3ByteRoundTrips() {
        for (int b = 0; b <= TernaryCodec.BASE3_MAX; b++) {
            int[] w = TernaryCodec.unpackBase3(b);
            assertEquals(b, TernaryCodec.packBase3(w, 0, 5));
        }
    }

    @Test
    void base3DigitOrderAndInvalidBytes() {
        // weights {+1, -1, 0, 0, +1}: 1 + 2*3 + 1*81 = 88
        assertEquals(88, TernaryCodec.packBase3(new int[] {1, -1, 0, 0, 1}, 0, 5));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, TernaryCodec.unpackBase3(243));
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1}, TernaryCodec.unpackBase3(242));
    }

    @Test
    void rowsPadTheLastByteWithZeros() {
        int[] w = {1, -1, 0, 1, 1, -1, -1};
        int[] bytes = TernaryCodec.packRowBase3(w);
        assertEquals(2, bytes.length);
        assertEquals(2 + 2 * 3, bytes[1]);
        assertArrayEquals(w, TernaryCodec.unpackRowBase3(bytes, 7));
        assertArrayEquals(w, TernaryCodec.unpackRow2(TernaryCodec.packRow2(w), 7));
    }

    @Test
    void nonTernaryWeightIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TernaryCodec.encode2(2));
        assertEquals("ternary weight must be -1, 0 or 1 (got 2)", e.getMessage());
    }
}
