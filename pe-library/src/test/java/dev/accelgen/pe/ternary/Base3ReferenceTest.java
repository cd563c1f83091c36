package dev.accelgen.pe.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The base-3 decode table is shared by the generator (the 243-entry case table of {@link Base3Decoder}) and the
 * golden model ({@link TernaryCodec#unpackBase3}), so a change to it passes {@code pe verify}. Reference: the
 * packing of the MatMul-free/TerEffic line of work, five trits per byte, byte = t0 + 3 t1 + 9 t2 + 27 t3 + 81 t4
 * with trit 0, 1, 2 meaning weight 0, +1, -1; rebuilt here by enumerating the trits (no division), and the
 * hardware's 2-bit codes written out by hand (0 -> 00, +1 -> 01, -1 -> 11).
 */
class Base3ReferenceTest {
    private static final int[] WEIGHT_OF_TRIT = {0, 1, -1};
    private static final int[] CODE_OF_TRIT = {0b00, 0b01, 0b11};

    @Test
    void everyByteDecodesAsTheEnumeratedTrits() {
        int seen = 0;
        for (int t4 = 0; t4 < 3; t4++) {
            for (int t3 = 0; t3 < 3; t3++) {
                for (int t2 = 0; t2 < 3; t2++) {
                    for (int t1 = 0; t1 < 3; t1++) {
                        for (int t0 = 0; t0 < 3; t0++) {
                            int[] trits = {t0, t1, t2, t3, t4};
                            int b = t0 + 3 * t1 + 9 * t2 + 27 * t3 + 81 * t4;
                            int[] weights = new int[5];
                            long codes = 0;
                            for (int k = 0; k < 5; k++) {
                                weights[k] = WEIGHT_OF_TRIT[trits[k]];
                                codes |= (long) CODE_OF_TRIT[trits[k]] << (2 * k);
                            }
                            assertArrayEquals(weights, TernaryCodec.unpackBase3(b), "byte " + b);
                            assertEquals(codes, Base3Decoder.codesOf(b), "hardware codes of byte " + b);
                            seen++;
                        }
                    }
                }
            }
        }
        assertEquals(243, seen);
        for (int b = 243; b < 256; b++) {
            assertArrayEquals(new int[5], TernaryCodec.unpackBase3(b), "byte " + b);
            assertEquals(0, Base3Decoder.codesOf(b), "byte " + b);
        }
    }

    @Test
    void handPackedBytes() {
        assertArrayEquals(new int[] {1, 0, 0, 0, 0}, TernaryCodec.unpackBase3(1));
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0}, TernaryCodec.unpackBase3(2));
        assertArrayEquals(new int[] {0, 1, 0, 0, 0}, TernaryCodec.unpackBase3(3));
        assertArrayEquals(new int[] {0, 0, 0, 0, -1}, TernaryCodec.unpackBase3(162));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, TernaryCodec.unpackBase3(121));
        assertArrayEquals(new int[] {1, -1, 0, 0, 1}, TernaryCodec.unpackBase3(88));
        assertEquals(0b01_00_00_11_01L, Base3Decoder.codesOf(88));
        assertEquals(0b11_11_11_11_11L, Base3Decoder.codesOf(242));
    }
}
