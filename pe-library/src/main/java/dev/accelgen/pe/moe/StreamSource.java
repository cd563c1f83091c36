package dev.accelgen.pe.moe;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An input stream as a cycle-stepped golden model sees it: beat i is valid from accept(i-1) + 1 + idleBefore;
 * records when each beat was accepted.
 */
final class StreamSource {
    private final String stream;
    private final List<Beat> beats;
    private final List<Acceptance> accepted = new ArrayList<>();
    private int next;
    private long validFrom;

    StreamSource(String stream, List<Beat> beats) {
        this.stream = stream;
        this.beats = beats;
        this.validFrom = beats.isEmpty() ? Long.MAX_VALUE : beats.get(0).idleBefore();
    }

    boolean valid(long cycle) {
        return next < beats.size() && cycle >= validFrom;
    }

    Map<String, BigInteger> head() {
        return beats.get(next).values();
    }

    void accept(long cycle) {
        accepted.add(new Acceptance(cycle, stream, next));
        next++;
        validFrom = next < beats.size() ? cycle + 1 + beats.get(next).idleBefore() : Long.MAX_VALUE;
    }

    boolean done() {
        return next == beats.size();
    }

    List<Acceptance> acceptances() {
        return List.copyOf(accepted);
    }
}
