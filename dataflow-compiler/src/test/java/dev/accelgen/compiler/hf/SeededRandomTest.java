package dev.accelgen.compiler.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SeededRandom draws exactly java.util.Random's numbers, in any interleaving of the calls synthetic weights make. */
class SeededRandomTest {
    @Test
    void sameSequenceAsJavaUtilRandom() {
        for (long seed : new long[] {0, 1, 5, -7, Long.MAX_VALUE}) {
            Random want = new Random(seed);
            SeededRandom got = new SeededRandom(seed);
            for (int i = 0; i < 20000; i++) {
                switch (i % 5) {
                    case 0, 1 -> assertEquals(want.nextGaussian(), got.nextGaussian(), "seed " + seed + " draw " + i);
                    case 2 -> assertEquals(want.nextInt(3), got.nextInt(3), "seed " + seed + " draw " + i);
                    case 3 -> assertEquals(want.nextInt(1 << 20), got.nextInt(1 << 20), "seed " + seed + " draw " + i);
                    default -> assertEquals(want.nextDouble(), got.nextDouble(), "seed " + seed + " draw " + i);
                }
            }
        }
    }
}
