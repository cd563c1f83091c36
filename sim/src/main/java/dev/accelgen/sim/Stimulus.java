package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything driven into a unit during one run: one {@link StreamStimulus} per input stream named
 * in the unit's manifest, the seed that produced it (printed on mismatch so a run can be
 * reproduced; -1 when the stimulus was given rather than generated), values for static input
 * ports (every other non-stream input is held at 0), and images of the unit's read memories.
 */
public record Stimulus(List<StreamStimulus> streams, long seed, Map<String, BigInteger> statics,
                       List<MemoryImage> memories) {
    public Stimulus {
        streams = List.copyOf(streams);
        statics = Collections.unmodifiableMap(new LinkedHashMap<>(statics));
        memories = List.copyOf(memories);
    }

    /** Streams only: static inputs held at 0, no read memories. */
    public Stimulus(List<StreamStimulus> streams, long seed) {
        this(streams, seed, Map.of(), List.of());
    }

    public StreamStimulus stream(String name) {
        return streams.stream().filter(s -> s.stream().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input stream named " + name));
    }

    public MemoryImage memory(String name) {
        return memories.stream().filter(m -> m.memory().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no memory image named " + name));
    }
}
