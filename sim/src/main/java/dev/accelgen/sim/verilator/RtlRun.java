package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The outcome of one harness run: the trace (output events, input acceptances, write handshakes),
 * whether it hit {@link RunLimits#maxCycles()}, how many cycles ran, every AR request (for diagnosing
 * a golden model whose memory timing is off), the final contents of every word the unit wrote (per
 * memory, by word index), and protocol violations the harness saw.
 */
public record RtlRun(Trace trace, boolean timedOut, long cyclesRun, List<MemoryRequest> memoryRequests,
                     Map<String, SortedMap<Long, BigInteger>> writtenWords, List<ProtocolError> protocolErrors,
                     double simSeconds) {
    /** An AR request accepted at {@code cycle}. */
    public record MemoryRequest(long cycle, String memory, long address, int len) {
    }

    /** A handshake that broke the AXI rules, e.g. w_last on the wrong beat of a burst. */
    public record ProtocolError(long cycle, String memory, String message) {
    }

    public RtlRun {
        memoryRequests = List.copyOf(memoryRequests);
        writtenWords = Collections.unmodifiableMap(new LinkedHashMap<>(writtenWords));
        protocolErrors = List.copyOf(protocolErrors);
    }

    /** When each input beat was accepted. */
    public List<Acceptance> acceptances() {
        return trace.acceptances();
    }
}
