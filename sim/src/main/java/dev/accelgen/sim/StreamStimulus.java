package dev.accelgen.sim;

import java.util.List;

/** The beats driven into one input stream of a unit, in order. */
public record StreamStimulus(String stream, List<Beat> beats) {
    public StreamStimulus {
        beats = List.copyOf(beats);
    }
}
