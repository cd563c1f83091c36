package dev.accelgen.pe.stream;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import java.util.List;

/**
 * Acceptance cycles of an input stream whose ready is constantly high: beat k is accepted
 * in the first cycle its valid is high, {@code t_0 = idle_0}, {@code t_k = t_(k-1) + 1 + idle_k}.
 */
public final class AlwaysReadyInput {
    private AlwaysReadyInput() {
    }

    public static long[] acceptCycles(List<Beat> beats) {
        long[] t = new long[beats.size()];
        long prev = -1;
        for (int k = 0; k < t.length; k++) {
            t[k] = prev + 1 + beats.get(k).idleBefore();
            prev = t[k];
        }
        return t;
    }

    /** The same, as the acceptances of stream {@code stream} a golden trace lists. */
    public static List<Acceptance> acceptances(String stream, List<Beat> beats) {
        return Acceptance.of(stream, acceptCycles(beats));
    }
}
