package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Trace;
import java.util.List;

/**
 * The outcome of one harness run: the output trace, whether it hit {@link RunLimits#maxCycles()},
 * how many cycles ran, and when each input beat and memory request was accepted (for diagnosing a
 * golden model whose handshake timing is off).
 */
public record RtlRun(Trace trace, boolean timedOut, long cyclesRun, List<Acceptance> acceptances,
                     List<MemoryRequest> memoryRequests, double simSeconds) {
    /** Beat {@code beat} of input stream {@code stream} was accepted at edge {@code cycle}. */
    public record Acceptance(long cycle, String stream, int beat) {
    }

    /** An AR request accepted at {@code cycle}. */
    public record MemoryRequest(long cycle, String memory, long address, int len) {
    }

    public RtlRun {
        acceptances = List.copyOf(acceptances);
        memoryRequests = List.copyOf(memoryRequests);
    }
}
