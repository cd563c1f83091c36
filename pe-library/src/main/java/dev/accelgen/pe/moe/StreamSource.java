package dev.accelgen.pe.moe;

import dev.accelgen.sim.Beat;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** An input stream as a cycle-stepped golden model sees it: beat i is valid from accept(i-1) + 1 + idleBefore. */
final class StreamSource {
    private final List<Beat> beats;
    private int next;
    private long validFrom;

    StreamSource(List<Beat> beats) {
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
        next++;
        validFrom = next < beats.size() ? cycle + 1 + beats.get(next).idleBefore() : Long.MAX_VALUE;
    }

    boolean done() {
        return next == beats.size();
    }
}
