package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Golden model and random stimulus of fixtures/wide/wide_regs.v, a one-entry buffer with backpressure:
 * in_ready = !full || out_ready; an accepted beat's result shows from the next cycle until a cycle where
 * out_ready is high (the harness's ready pattern for stream {@code out}).
 */
public final class WideGolden implements GoldenModel {
    private static final BigInteger X_MOD = BigInteger.ONE.shiftLeft(100);

    @Override
    public Trace run(Stimulus s) {
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        BigInteger key = s.statics().getOrDefault("key", BigInteger.ZERO);
        List<Beat> beats = s.stream("in").beats();
        var ready = s.readySchedule("out");
        Map<String, BigInteger> held = null;
        long presentAt = beats.isEmpty() ? 0 : beats.get(0).idleBefore();
        int next = 0;
        for (long c = 0; next < beats.size() || held != null; c++) {
            boolean outReady = ready.ready(c);
            boolean inReady = held == null || outReady;
            if (held != null && outReady) {
                events.add(new OutputEvent(c, "out", held));
            }
            if (next < beats.size() && c >= presentAt && inReady) {
                held = result(beats.get(next).values(), key);
                accepted.add(new Acceptance(c, "in", next));
                next++;
                presentAt = next < beats.size() ? c + 1 + beats.get(next).idleBefore() : Long.MAX_VALUE;
            } else if (outReady) {
                held = null;
            }
        }
        return Trace.of(events, accepted);
    }

    private static Map<String, BigInteger> result(Map<String, BigInteger> v, BigInteger key) {
        int z = v.get("in_z").intValue();
        return Fixtures.values(
                "out_x", v.get("in_x").add(BigInteger.ONE).mod(X_MOD),
                "out_y", v.get("in_y").xor(key),
                "out_z", z == -2048 ? -2048 : -z, // 12-bit negation wraps at the minimum
                "out_w", v.get("in_w"));
    }

    /** 40 beats with idle gaps 0..2, under the default stress (junk on idle, out_ready stalls). */
    public static Stimulus randomStimulus(long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            beats.add(new Beat(rng.nextInt(3), Fixtures.values(
                    "in_x", new BigInteger(100, rng), "in_y", new BigInteger(40, rng),
                    "in_z", rng.nextInt(4096) - 2048, "in_w", rng.nextInt(8))));
        }
        return StressProfile.DEFAULT.apply(new Stimulus(List.of(new StreamStimulus("in", beats)), seed,
                Fixtures.values("key", new BigInteger(40, rng)), List.of()));
    }
}
