package dev.accelgen.sim;

import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.StallSchedule;
import dev.accelgen.sim.stress.Stress;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything driven into a unit during one run: one {@link StreamStimulus} per input stream named
 * in the unit's manifest, the seed that produced it (printed on mismatch so a run can be
 * reproduced; -1 when the stimulus was given rather than generated; it also seeds every random
 * channel of the run, see {@link ChannelSeeds}), values for static input ports (every other
 * non-stream input is held at 0), images of the unit's memories, and the {@link Stress} of the run
 * (junk on idle inputs, output backpressure).
 */
public record Stimulus(List<StreamStimulus> streams, long seed, Map<String, BigInteger> statics,
                       List<MemoryImage> memories, Stress stress) {
    public Stimulus {
        streams = List.copyOf(streams);
        statics = Collections.unmodifiableMap(new LinkedHashMap<>(statics));
        memories = List.copyOf(memories);
        if (stress == null) {
            throw new IllegalArgumentException("stress must not be null (use Stress.NONE)");
        }
    }

    /** No stress: idle inputs 0, outputs always ready. */
    public Stimulus(List<StreamStimulus> streams, long seed, Map<String, BigInteger> statics, List<MemoryImage> memories) {
        this(streams, seed, statics, memories, Stress.NONE);
    }

    /** Streams only: static inputs held at 0, no memories, no stress. */
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

    /** The ready pattern the harness drives on output stream {@code stream} (which must have a ready). */
    public StallSchedule readySchedule(String stream) {
        return new StallSchedule(stress.outputStalls(), ChannelSeeds.derive(seed, stream, ChannelSeeds.READY));
    }

    public Stimulus withStress(Stress stress) {
        return new Stimulus(streams, seed, statics, memories, stress);
    }

    public Stimulus withMemories(List<MemoryImage> memories) {
        return new Stimulus(streams, seed, statics, memories, stress);
    }
}
