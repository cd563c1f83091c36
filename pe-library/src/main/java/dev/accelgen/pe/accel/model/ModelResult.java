package dev.accelgen.pe.accel.model;

import java.util.List;

/**
 * What {@link AccelModel} produced for a {@link CoreRun}: the golden events (empty in timing-only mode), the
 * status of every {@code done}, the total cycles (the last {@code done}'s cycle + 1), each port's memory after
 * the run (data mode), and why a run stopped on an illegal instruction (null otherwise).
 */
public record ModelResult(List<CoreEvent> events, List<Integer> doneStatus, long totalCycles, List<PortContents> memories,
                          String illegalReason, boolean timedOut) {
    public ModelResult {
        events = List.copyOf(events);
        doneStatus = List.copyOf(doneStatus);
        memories = List.copyOf(memories);
    }
}
