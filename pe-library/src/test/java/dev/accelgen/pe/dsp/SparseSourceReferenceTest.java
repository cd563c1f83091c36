package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DspChainConfig#sparseSource} is shared by the generator's activation muxes and the golden model, so a
 * change to it passes {@code pe verify}: these hand-written tables (FlightLLM's patterns: N:M keeps n of every m
 * consecutive weights, slice k serving group k/n; block sparsity keeps one block of b weights out of every two,
 * a group of b slices choosing its block among the 2L/b of the window) pin it, for every sparsity the CLI offers.
 */
class SparseSourceReferenceTest {
    /** table[k][index] = the activation slice k multiplies. */
    private static void assertTable(String sparsity, int length, int[][] table) {
        DspChainConfig c = new DspChainConfig(length, Packing.NONE, Sparsity.parse(sparsity));
        assertEquals(table[0].length, c.indexChoices(), sparsity + " index choices");
        for (int k = 0; k < length; k++) {
            int[] row = new int[c.indexChoices()];
            for (int i = 0; i < row.length; i++) {
                row[i] = c.sparseSource(k, i);
            }
            assertArrayEquals(table[k], row, sparsity + " length " + length + " slice " + k);
        }
    }

    @Test
    void twoOfFourGroupsPairsOfSlicesOnFourActivations() {
        assertTable("2:4", 6, new int[][] {
            {0, 1, 2, 3}, {0, 1, 2, 3}, {4, 5, 6, 7}, {4, 5, 6, 7}, {8, 9, 10, 11}, {8, 9, 10, 11}});
    }

    @Test
    void oneOfFourGivesEachSliceItsOwnFour() {
        assertTable("1:4", 3, new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
    }

    @Test
    void twoOfEightGroupsPairsOfSlicesOnEightActivations() {
        assertTable("2:8", 4, new int[][] {
            {0, 1, 2, 3, 4, 5, 6, 7}, {0, 1, 2, 3, 4, 5, 6, 7},
            {8, 9, 10, 11, 12, 13, 14, 15}, {8, 9, 10, 11, 12, 13, 14, 15}});
    }

    @Test
    void blockSparsityPicksOneBlockOfTheDoubleWindow() {
        // L = 6, b = 3: window 12 = blocks {0,1,2} {3,4,5} {6,7,8} {9,10,11}; slices 0..2 and 3..5 each pick one
        assertTable("block:3", 6, new int[][] {
            {0, 3, 6, 9}, {1, 4, 7, 10}, {2, 5, 8, 11}, {0, 3, 6, 9}, {1, 4, 7, 10}, {2, 5, 8, 11}});
        // b = 1: every slice picks any of the 2L activations
        assertTable("block:1", 2, new int[][] {{0, 1, 2, 3}, {0, 1, 2, 3}});
        // L = 4, b = 2: blocks {0,1} {2,3} {4,5} {6,7}
        assertTable("block:2", 4, new int[][] {{0, 2, 4, 6}, {1, 3, 5, 7}, {0, 2, 4, 6}, {1, 3, 5, 7}});
        // L = 8, b = 8: one group, two blocks
        assertTable("block:8", 8, new int[][] {{0, 8}, {1, 9}, {2, 10}, {3, 11}, {4, 12}, {5, 13}, {6, 14}, {7, 15}});
    }

    @Test
    void indexFieldsAndWidths() {
        DspChainConfig blk = new DspChainConfig(6, Packing.NONE, Sparsity.parse("block:3"));
        assertEquals(12, blk.window());
        assertEquals(2, blk.indexFields());
        assertEquals(2, blk.indexBits());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, java.util.stream.IntStream.range(0, 6).map(blk::indexFieldOf).toArray());
        DspChainConfig nm = new DspChainConfig(4, Packing.INT8X2, Sparsity.parse("2:8"));
        assertEquals(16, nm.window());
        assertEquals(4, nm.indexFields());
        assertEquals(3, nm.indexBits());
        assertEquals(1, new DspChainConfig(8, Packing.NONE, Sparsity.parse("block:8")).indexBits());
    }

    @Test
    void goldenBlockSparseDotProductByHand() {
        // L = 4, b = 2, x_i = i + 1; weights 1, 2, 3, 4; idx_0 = 3 (block x6, x7), idx_1 = 1 (block x2, x3)
        DspChainConfig c = new DspChainConfig(4, Packing.NONE, Sparsity.parse("block:2"));
        Map<String, BigInteger> v = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            v.put("x_" + i, BigInteger.valueOf(i + 1));
        }
        for (int k = 0; k < 4; k++) {
            v.put("w_" + k, BigInteger.valueOf(k + 1));
        }
        v.put("idx_0", BigInteger.valueOf(3));
        v.put("idx_1", BigInteger.ONE);
        Stimulus s = new Stimulus(List.of(new StreamStimulus("in", List.of(new Beat(0, v), new Beat(0, v))),
                new StreamStimulus("cfg", List.of(new Beat(0, Map.of("cfg_mode", BigInteger.ONE))))), 1);
        Trace t = new DspChainGolden(c).run(s);
        // dense first (the mode write lands with the first beat): 1*1 + 2*2 + 3*3 + 4*4
        assertEquals(BigInteger.valueOf(30), t.events().get(0).values().get("y_0"));
        // sparse: 1*x6 + 2*x7 + 3*x2 + 4*x3 = 7 + 16 + 9 + 16
        assertEquals(BigInteger.valueOf(48), t.events().get(1).values().get("y_0"));
    }
}
