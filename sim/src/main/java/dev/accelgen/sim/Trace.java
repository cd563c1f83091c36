package dev.accelgen.sim;

import java.util.List;

/**
 * What a unit produced: every output event in cycle order (events of one cycle ordered by the
 * manifest's stream order), and the total cycle count, defined as the cycle of the last output
 * event plus one.
 */
public record Trace(List<OutputEvent> events, long totalCycles) {
    public Trace {
        events = List.copyOf(events);
    }
}
