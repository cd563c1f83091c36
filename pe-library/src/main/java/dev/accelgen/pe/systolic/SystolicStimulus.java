package dev.accelgen.pe.systolic;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random matrix tiles for a systolic array: reduction lengths, operands over the full range, idle gaps. */
public final class SystolicStimulus {
    private SystolicStimulus() {
    }

    /**
     * {@code tiles} tiles C = A x B with random reduction length 1..max(4, rows + 2); about one beat in
     * eight waits 1..3 idle cycles, and some tiles follow each other back to back.
     */
    public static Stimulus random(SystolicConfig cfg, int tiles, long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        int maxK = Math.max(4, cfg.rows() + 2);
        for (int t = 0; t < tiles; t++) {
            int k = 1 + rng.nextInt(maxK);
            for (int i = 0; i < k; i++) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("in_first", i == 0 ? BigInteger.ONE : BigInteger.ZERO);
                v.put("in_last", i == k - 1 ? BigInteger.ONE : BigInteger.ZERO);
                for (int r = 0; r < cfg.rows(); r++) {
                    v.put("a_" + r, BigInteger.valueOf(rng.nextLong() & ((1L << cfg.aBits()) - 1)));
                }
                for (int c = 0; c < cfg.cols(); c++) {
                    v.put("b_" + c, BigInteger.valueOf(rng.nextLong() & ((1L << cfg.wBits()) - 1)));
                }
                int idle = rng.nextInt(8) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, v));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }

    /** One tile from explicit matrices: A is rows x k, B is k x cols, values in the operand range. */
    public static Stimulus tile(SystolicConfig cfg, long[][] a, long[][] b) {
        int k = a[0].length;
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Map<String, BigInteger> v = new LinkedHashMap<>();
            v.put("in_first", i == 0 ? BigInteger.ONE : BigInteger.ZERO);
            v.put("in_last", i == k - 1 ? BigInteger.ONE : BigInteger.ZERO);
            for (int r = 0; r < cfg.rows(); r++) {
                v.put("a_" + r, BigInteger.valueOf(a[r][i] & ((1L << cfg.aBits()) - 1)));
            }
            for (int c = 0; c < cfg.cols(); c++) {
                v.put("b_" + c, BigInteger.valueOf(b[i][c] & ((1L << cfg.wBits()) - 1)));
            }
            beats.add(new Beat(0, v));
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), -1);
    }
}
