package dev.accelgen.pe.rmsnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Beat;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The stimulus exercises every rsqrt table entry, every exponent k, the smallest and the largest mean square. */
class RmsNormStimulusTest {
    /** Mean square of each vector of the stimulus. */
    private static long[] meanSquares(RmsNormConfig c, int vectors, long seed) {
        List<Beat> beats = RmsNormStimulus.random(c, vectors, seed).stream("in").beats();
        long[] m = new long[vectors];
        for (int v = 0; v < vectors; v++) {
            long ss = 0;
            for (int j = 0; j < c.beats(); j++) {
                for (int i = 0; i < c.lanes(); i++) {
                    long x = Ports.signed(beats.get(v * c.beats() + j).values().get("x_" + i), 16);
                    ss += x * x;
                }
            }
            m[v] = RmsNormArith.meanSquare(ss, c.log2n(), c.eps());
        }
        return m;
    }

    /** t[31:25] of the normalized mean square: the table entry (plus 32) the unit reads. */
    private static int top7(long m) {
        int k = (63 - Long.numberOfLeadingZeros(m)) >> 1;
        return (int) ((m << (30 - 2 * k)) >> 25);
    }

    private static int exponent(long m) {
        return (63 - Long.numberOfLeadingZeros(m)) >> 1;
    }

    @Test
    void theDirectedVectorsHitEveryTableEntryEveryExponentAndBothEnds() {
        for (RmsNormConfig c : List.of(new RmsNormConfig(2, 1, 1), new RmsNormConfig(16, 4, 1),
                new RmsNormConfig(256, 4, 65535), new RmsNormConfig(64, 64, 300))) {
            long seed = 17;
            int vectors = new RmsNormKind().defaultVectors();
            long[] m = meanSquares(c, vectors, seed);
            Set<Integer> entries = IntStream.range(0, RmsNormArith.TABLE_SIZE).map(v -> top7(m[v])).boxed()
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(IntStream.range(32, 128).boxed().collect(Collectors.toCollection(TreeSet::new)), entries,
                    c + " seed " + seed);
            Set<Integer> exponents = Arrays.stream(m).mapToInt(RmsNormStimulusTest::exponent).boxed()
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(IntStream.rangeClosed(exponent(c.eps()), 15).boxed().collect(Collectors.toCollection(TreeSet::new)),
                    exponents, c + " seed " + seed);
            assertTrue(Arrays.stream(m).anyMatch(v -> v == c.eps()), c + ": the all-zero vector");
            assertTrue(Arrays.stream(m).anyMatch(v -> v == (1L << 30) + c.eps()), c + ": the all -32768 vector");
        }
    }
}
