package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transaction observed on an output stream: the stream's data port values sampled in the
 * cycle where its valid (and ready, if it has one) was high. Cycle 0 is the first clock edge
 * after reset is released.
 */
public record OutputEvent(long cycle, String stream, Map<String, BigInteger> values) {
    public OutputEvent {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
