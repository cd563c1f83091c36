package dev.accelgen.sim;

import java.util.List;

/**
 * What a unit did: every output event in cycle order (events of one cycle ordered by the manifest's
 * stream order), the acceptance cycle of every input beat, every handshake on its write memories, and
 * the total cycle count, defined as the cycle of the last output event or write handshake plus one.
 */
public record Trace(List<OutputEvent> events, long totalCycles, List<Acceptance> acceptances, List<WriteEvent> writes) {
    public Trace {
        events = List.copyOf(events);
        acceptances = List.copyOf(acceptances);
        writes = List.copyOf(writes);
    }

    /** What the unit produced: output events plus W beats (a write beat is an output). */
    public long outputCount() {
        return events.size() + writes.stream().filter(w -> w instanceof WriteEvent.Data).count();
    }

    /** This trace with other output events and total cycles (acceptances and writes kept). */
    public Trace withEvents(List<OutputEvent> events, long totalCycles) {
        return new Trace(events, totalCycles, acceptances, writes);
    }

    /** A unit without write memories; total cycles from the last event. */
    public static Trace of(List<OutputEvent> events, List<Acceptance> acceptances) {
        return of(events, acceptances, List.of());
    }

    /** Total cycles from the last event or write handshake. */
    public static Trace of(List<OutputEvent> events, List<Acceptance> acceptances, List<WriteEvent> writes) {
        long last = -1;
        for (OutputEvent e : events) {
            last = Math.max(last, e.cycle());
        }
        for (WriteEvent w : writes) {
            last = Math.max(last, w.cycle());
        }
        return new Trace(events, last + 1, acceptances, writes);
    }
}
