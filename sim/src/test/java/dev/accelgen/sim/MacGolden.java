package dev.accelgen.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Golden model of fixtures/mac/mac_pipe.v: in_ready is low in cycles n mod 4 == 3; a beat accepted
 * in cycle c that carries in_last produces (sum of a*b since the previous last) >>> shift at c + 2.
 */
public final class MacGolden implements GoldenModel {
    private final int shift;
    private final int stallPhase;

    public MacGolden(int shift) {
        this(shift, 3);
    }

    /** For variants whose in_ready is low in cycles n mod 4 == stallPhase. */
    public MacGolden(int shift, int stallPhase) {
        this.shift = shift;
        this.stallPhase = stallPhase;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        long acc = 0;
        long presentAt = beats.isEmpty() ? 0 : beats.get(0).idleBefore();
        int next = 0;
        for (long c = 0; next < beats.size(); c++) {
            if (c >= presentAt && c % 4 != stallPhase) {
                Beat b = beats.get(next);
                accepted.add(new Acceptance(c, "in", next));
                acc += b.values().get("in_a").longValue() * b.values().get("in_b").longValue();
                if (b.values().get("in_last").signum() != 0) {
                    events.add(new OutputEvent(c + 2, "out", Fixtures.values("out_acc", (int) acc >> shift)));
                    acc = 0;
                }
                next++;
                if (next < beats.size()) {
                    presentAt = c + 1 + beats.get(next).idleBefore();
                }
            }
        }
        return Trace.of(events, accepted);
    }

    /** Random vectors of 1..8 products each, idle gaps 0..3, signed 8-bit operands, junk on idle cycles. */
    public static Stimulus randomStimulus(int vectors, long seed, int shift) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            int len = 1 + rng.nextInt(8);
            for (int k = 0; k < len; k++) {
                beats.add(new Beat(rng.nextInt(4) == 0 ? rng.nextInt(4) : 0, Fixtures.values(
                        "in_a", rng.nextInt(256) - 128, "in_b", rng.nextInt(256) - 128, "in_last", k == len - 1 ? 1 : 0)));
            }
        }
        return StressProfile.DEFAULT.apply(new Stimulus(List.of(new StreamStimulus("in", beats)), seed,
                Fixtures.values("shift", shift), List.of()));
    }
}
