package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transaction on an input stream: the values of the stream's data ports, presented
 * {@code idleBefore} cycles after the previous beat of the same stream was accepted (or after
 * reset for the first beat). The beat is held until the unit accepts it (valid && ready).
 */
public record Beat(int idleBefore, Map<String, BigInteger> values) {
    public Beat {
        if (idleBefore < 0) {
            throw new IllegalArgumentException("idleBefore must be >= 0, got " + idleBefore);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
