package dev.accelgen.sim;

import java.util.List;

/**
 * Everything driven into a unit during one run: one {@link StreamStimulus} per input stream named
 * in the unit's manifest, and the seed that produced it (printed on mismatch so a run can be
 * reproduced; -1 when the stimulus was given rather than generated).
 */
public record Stimulus(List<StreamStimulus> streams, long seed) {
    public Stimulus {
        streams = List.copyOf(streams);
    }

    public StreamStimulus stream(String name) {
        return streams.stream().filter(s -> s.stream().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input stream named " + name));
    }
}
