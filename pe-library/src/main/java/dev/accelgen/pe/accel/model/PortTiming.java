package dev.accelgen.pe.accel.model;

import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;

/**
 * Timing of one port's memory, as the Verilator harness models it (sim's {@code ReadMemoryModel} and
 * {@code WriteMemoryModel}): each request's latency drawn from {@code latency} (AR acceptance to its first R
 * beat, a burst's last W beat to its B response); one beat occupies the R (or W) channel ceil(portBytes /
 * bytesPerCycle) cycles; AR and AW ready follow {@code addressStalls}, W ready {@code writeStalls}.
 * {@code readResp}/{@code writeResp}: the RRESP and BRESP of every beat and response (0 OKAY; tests drive 2,
 * SLVERR, through the core's static {@code m<p>_r_resp} / {@code m<p>_b_resp} inputs).
 */
public record PortTiming(LatencyRange latency, int bytesPerCycle, Stalls addressStalls, Stalls writeStalls, int readResp,
                         int writeResp) {
    public PortTiming {
        if (latency == null || addressStalls == null || writeStalls == null) {
            throw new IllegalArgumentException("a port timing needs a latency range and stall patterns");
        }
        if (bytesPerCycle < 1) {
            throw new IllegalArgumentException("bytesPerCycle must be >= 1, got " + bytesPerCycle);
        }
        if (readResp < 0 || readResp > 3 || writeResp < 0 || writeResp > 3) {
            throw new IllegalArgumentException("responses are 2-bit AXI codes");
        }
    }

    /** Fixed latency, never stalled, OKAY responses. */
    public PortTiming(int latency, int bytesPerCycle) {
        this(LatencyRange.fixed(latency), bytesPerCycle, Stalls.NONE, Stalls.NONE, 0, 0);
    }

    public PortTiming withResponses(int read, int write) {
        return new PortTiming(latency, bytesPerCycle, addressStalls, writeStalls, read, write);
    }

    /** Cycles one beat of {@code dataBytes} occupies a data channel. */
    public long beatCycles(int dataBytes) {
        return Math.max(1, (dataBytes + bytesPerCycle - 1) / bytesPerCycle);
    }
}
