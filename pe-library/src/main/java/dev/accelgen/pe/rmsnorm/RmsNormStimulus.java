package dev.accelgen.pe.rmsnorm;

import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Vectors that exercise the whole datapath, in this order as far as {@code vectors} reaches: one per entry of
 * the rsqrt seed table (random order; the exponents k the entry admits in turn; the sums of squares are built
 * for a mean square near an end of that entry's interval at that k); one per exponent k = 0..14 the eps admits (a mean
 * square in [4^k, 4^(k+1))); one all-zero vector (only eps) and one of all -32768 (the largest mean square,
 * k = 15); then random ones: an amplitude from 0 to the full int16 range, now and then a single spike or
 * extremes. About one beat in six waits 1..3 idle cycles; the rest are offered back to back, so the next
 * vector's first beat waits for the unit to be ready.
 */
public final class RmsNormStimulus {
    private RmsNormStimulus() {
    }

    public static Stimulus random(RmsNormConfig cfg, int vectors, long seed) {
        Random rng = new Random(seed);
        List<Integer> entries = new ArrayList<>(IntStream.range(0, RmsNormArith.TABLE_SIZE).boxed().toList());
        Collections.shuffle(entries, rng);
        List<long[]> directed = new ArrayList<>();
        for (int v = 0; v < entries.size(); v++) {
            directed.add(tableVector(cfg, entries.get(v) + 32, v, rng));
        }
        for (int k = 0; k < 15; k++) {
            long low = Math.max(1L << (2 * k), cfg.eps());
            long high = Math.min((1L << (2 * k + 2)) - 1, (1L << 30) + cfg.eps());
            if (low <= high) {
                directed.add(sumOfSquares(cfg, low + (long) (rng.nextDouble() * (high - low + 1)), rng));
            }
        }
        directed.add(new long[cfg.n()]);
        directed.add(filled(cfg.n(), -32768));
        List<Beat> beats = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            long[] x = v < directed.size() ? directed.get(v) : randomVector(cfg, rng);
            for (int j = 0; j < cfg.beats(); j++) {
                Map<String, BigInteger> values = new LinkedHashMap<>();
                for (int i = 0; i < cfg.lanes(); i++) {
                    values.put("x_" + i, Ports.bits(x[j * cfg.lanes() + i], 16));
                }
                int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, values));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }

    /**
     * A vector whose mean square m lands in table entry {@code top7} (t[31:25] of the normalized m) at exponent
     * k, the {@code turn}-th of the exponents the entry admits: m is aimed at the highest eighth of
     * [top7 * 4^k / 32, (top7 + 1) * 4^k / 32). The seed is exact at the interval's middle and the Newton step
     * squares its error, so only near an end does a wrong seed move the result; the top end, because a short
     * vector's squares can fall short of m, never beyond it.
     */
    private static long[] tableVector(RmsNormConfig cfg, int top7, int turn, Random rng) {
        int kLow = 5;
        while ((long) top7 << (2 * kLow - 5) < cfg.eps()) {
            kLow++;
        }
        int k = kLow + turn % (15 - kLow);
        long width = 1L << (2 * k - 5);
        return sumOfSquares(cfg, (long) (top7 + 1) * width - 1 - (long) (rng.nextDouble() * (width / 8)), rng);
    }

    /**
     * A vector with mean square {@code m} (as the unit computes it: floor of the mean of the squares, plus eps),
     * built greedily from the largest squares, with random signs and positions. {@code m} >= eps.
     */
    private static long[] sumOfSquares(RmsNormConfig cfg, long m, Random rng) {
        long residual = (m - cfg.eps()) * cfg.n() + rng.nextInt(cfg.n());
        long[] x = new long[cfg.n()];
        for (int i = 0; i < x.length && residual > 0; i++) {
            long s = Math.min(32768, (long) Math.sqrt((double) residual));
            while (s * s > residual) {
                s--;
            }
            x[i] = s == 32768 || rng.nextBoolean() ? -s : s;
            residual -= s * s;
        }
        List<Long> shuffled = new ArrayList<>();
        for (long v : x) {
            shuffled.add(v);
        }
        Collections.shuffle(shuffled, rng);
        return shuffled.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] randomVector(RmsNormConfig cfg, Random rng) {
        int amp = switch (rng.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 32768;
            default -> 1 << rng.nextInt(16);
        };
        boolean spike = rng.nextInt(6) == 0;
        int spikeAt = rng.nextInt(cfg.n());
        long[] x = new long[cfg.n()];
        for (int idx = 0; idx < x.length; idx++) {
            x[idx] = spike ? (idx == spikeAt ? (rng.nextBoolean() ? 32767 : -32768) : rng.nextInt(3) - 1)
                    : amp == 0 ? 0 : Math.max(-32768, Math.min(32767, (long) rng.nextInt(2 * amp) - amp));
        }
        return x;
    }

    private static long[] filled(int n, long v) {
        long[] x = new long[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
