package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The WBUF layouts of docs/accelerator.md, "Weight tiles in WBUF": field positions, round trips, sparse packing. */
class WeightTilesTest {
    private static final MatrixUnitSpec MIXPE = new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 2, 4, 2, MulForm.SHIFT_ADD));
    private static final MatrixUnitSpec DSP24 = new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.INT8X2,
            new Sparsity.NOfM(2, 4)));

    private static HwConfig hw(MatrixUnitSpec u) {
        return TestConfigs.hw("tiles", 4, 2, 128, 64, u);
    }

    @Test
    void mixpeFieldsSitWhereTheLayoutSays() {
        // K = 6 (two beats of L = 4, the second half empty), N = 3 (two blocks of C = 2, the last half empty)
        int[][] codes = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, {13, 14, 15, 0, 1, 2}};
        int[][] scales = {{100, 200, 300}, {400, 500, 600}, {700, 800, 900}};
        int[][] zps = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        WeightImage img = WeightTiles.pack(MIXPE, hw(MIXPE), new QuantWeights.MixPe(codes, scales, zps), false);
        assertEquals(4, img.size());
        assertEquals(4, WeightTiles.words(MIXPE, 6, 3, false));
        // word cb*2 + kb; code (c, i) at (c*4 + i)*4, scale (c, g) at 32 + (c*2 + g)*16, zp at 96 + (c*2 + g)*4
        long[] w1 = img.word(1);                       // column block 0, positions 4..7
        assertEquals(5, WordBits.get(w1, 0, 4));       // column 0, position 4
        assertEquals(12, WordBits.get(w1, (4 + 1) * 4, 4));
        assertEquals(0, WordBits.get(w1, 2 * 4, 4));   // position 6 is past K
        assertEquals(300, WordBits.get(w1, 32, 16));   // column 0, group 2
        assertEquals(0, WordBits.get(w1, 32 + 16, 16)); // group 3 is past K
        assertEquals(6, WordBits.get(w1, 96 + 2 * 4, 4));
        long[] w2 = img.word(2);                       // column block 1: column 2 and an empty column
        assertEquals(13, WordBits.get(w2, 0, 4));
        assertEquals(0, WordBits.get(w2, 4 * 4, 4));
        assertEquals(0, WordBits.get(w2, 32 + 2 * 16, 16));
        assertEquals(0, WordBits.get(w2, 112, 16), "nothing above the payload (104 bits)");
    }

    @Test
    void everyKindRoundTrips() {
        Random rng = new Random(3);
        for (MatrixEngineConfig cfg : TestConfigs.all()) {
            for (boolean sparse : new boolean[] {false, true}) {
                if (sparse && !cfg.shape().sparseCapable()) {
                    continue;
                }
                int k = 1 + rng.nextInt(40);
                int n = 1 + rng.nextInt(20);
                QuantWeights w = MatrixWorkload.weights(cfg.spec(), k, n, sparse, rng);
                WeightImage img = WeightTiles.pack(cfg.spec(), cfg.hw(), w, sparse);
                assertEquals(WeightTiles.words(cfg.spec(), k, n, sparse), img.size());
                QuantWeights back = WeightTiles.unpack(cfg.spec(), cfg.hw(), img, k, n, sparse);
                assertArrayEquals(flat(w), flat(back), cfg.moduleName() + (sparse ? " sparse" : " dense"));
            }
        }
    }

    @Test
    void sparseTilesStoreTheSharedNonZeroPositions() {
        // 2:4 on a 4-slice int8x2 chain: a window of 8 positions per beat, one index per slice shared by 2 columns
        int[][] w = {{0, 5, 0, 0, 0, 0, 7, 0}, {0, 0, 0, 3, -1, 0, 0, 0}};
        WeightImage img = WeightTiles.pack(DSP24, hw(DSP24), new QuantWeights.Ints(w), true);
        assertEquals(1, img.size());
        long[] word = img.word(0);
        int idx = 4 * 2 * 8;                            // after 4 slices x 2 columns of int8
        assertEquals(1, WordBits.get(word, idx, 2));     // group 0 keeps positions 1 and 3
        assertEquals(3, WordBits.get(word, idx + 2, 2));
        assertEquals(0, WordBits.get(word, idx + 4, 2)); // group 1 keeps positions 4 (=0) and 6 (=2)
        assertEquals(2, WordBits.get(word, idx + 6, 2));
        assertEquals(5, WordBits.getSigned(word, 0, 8));             // slice 0, column 0: W[1][0]
        assertEquals(3, WordBits.getSigned(word, (1 * 2 + 1) * 8, 8)); // slice 1, column 1: W[3][1]
        assertEquals(-1, WordBits.getSigned(word, (2 * 2 + 1) * 8, 8)); // slice 2, column 1: W[4][1]
        assertEquals(7, WordBits.getSigned(word, (3 * 2) * 8, 8));     // slice 3, column 0: W[6][0]
    }

    @Test
    void sparsePackingRefusesColumnsThatDoNotShareThePattern() {
        int[][] w = {{1, 1, 0, 0}, {0, 0, 1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightTiles.pack(DSP24, hw(DSP24), new QuantWeights.Ints(w), true));
        assertEquals("dsp-chain 2:4 group at positions 0..3 of columns 0..1 holds 3 non-zero units where the chain stores 2"
                + " (prune the 2 columns of a block together: they share one index per slice)", e.getMessage());
    }

    @Test
    void mixpeNeedsTheUnitsGroupSize() {
        int[][] codes = new int[1][8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightTiles.pack(MIXPE, hw(MIXPE),
                new QuantWeights.MixPe(codes, new int[1][2], new int[1][2]), false));
        assertEquals("mixpe group 2: column 0 needs 4 scales and zero points for K=8, got 2", e.getMessage());
    }

    @Test
    void portsShareEachWord() {
        int[][] w = new int[2][3];
        w[0][0] = 0x12;
        w[1][0] = 0x34;
        MatrixUnitSpec sys = new MatrixUnitSpec.Systolic(dev.accelgen.pe.systolic.SystolicConfig.int8(2, 2));
        WeightImage img = WeightTiles.pack(sys, TestConfigs.hw("ports", 4, 2, 64, 16, sys), new QuantWeights.Ints(w), false);
        assertArrayEquals(new byte[] {0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                img.portBytes(0, 64));
        assertArrayEquals(new byte[24], img.portBytes(1, 64));
    }

    private static int[] flat(QuantWeights w) {
        int[][][] parts;
        if (w instanceof QuantWeights.MixPe m) {
            parts = new int[][][] {m.codes(), m.scales(), m.zps()};
        } else if (w instanceof QuantWeights.Ternary t) {
            parts = new int[][][] {t.trits()};
        } else {
            parts = new int[][][] {((QuantWeights.Ints) w).values()};
        }
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
