package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Golden model and random stimulus of fixtures/wide/wide_regs.v. The harness holds out_ready high,
 * so in_ready is always high: a beat is accepted in the cycle its valid rises, and its result shows
 * one cycle later.
 */
public final class WideGolden implements GoldenModel {
    private static final BigInteger X_MOD = BigInteger.ONE.shiftLeft(100);

    @Override
    public Trace run(Stimulus s) {
        List<OutputEvent> events = new ArrayList<>();
        BigInteger key = s.statics().getOrDefault("key", BigInteger.ZERO);
        long accepted = -1;
        for (Beat b : s.stream("in").beats()) {
            accepted = accepted + 1 + b.idleBefore();
            var v = b.values();
            int z = v.get("in_z").intValue();
            events.add(new OutputEvent(accepted + 1, "out", Fixtures.values(
                    "out_x", v.get("in_x").add(BigInteger.ONE).mod(X_MOD),
                    "out_y", v.get("in_y").xor(key),
                    "out_z", z == -2048 ? -2048 : -z, // 12-bit negation wraps at the minimum
                    "out_w", v.get("in_w"))));
        }
        return new Trace(events, events.isEmpty() ? 0 : events.get(events.size() - 1).cycle() + 1);
    }

    public static Stimulus randomStimulus(long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            beats.add(new Beat(rng.nextInt(3), Fixtures.values(
                    "in_x", new BigInteger(100, rng), "in_y", new BigInteger(40, rng),
                    "in_z", rng.nextInt(4096) - 2048, "in_w", rng.nextInt(8))));
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed,
                Fixtures.values("key", new BigInteger(40, rng)), List.of());
    }
}
