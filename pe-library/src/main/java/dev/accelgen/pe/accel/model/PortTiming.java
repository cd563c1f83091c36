package dev.accelgen.pe.accel.model;

/**
 * Timing of one port's memory, as the Verilator harness models it: {@code latency} cycles from an AR's
 * acceptance to its first R beat and from a burst's last W beat to its B response; one beat occupies the R
 * (or W) channel ceil(portBytes / bytesPerCycle) cycles. {@code readResp}/{@code writeResp}: the RRESP and
 * BRESP every beat and response carries (0 OKAY; a test drives 2 SLVERR to check the error bits).
 */
public record PortTiming(int latency, int bytesPerCycle, int readResp, int writeResp) {
    public static final PortTiming FAST = new PortTiming(1, 1 << 20, 0, 0);

    public PortTiming {
        if (latency < 1 || latency > 1_000_000) {
            throw new IllegalArgumentException("latency must be in 1..1000000, got " + latency);
        }
        if (bytesPerCycle < 1) {
            throw new IllegalArgumentException("bytesPerCycle must be >= 1, got " + bytesPerCycle);
        }
        if (readResp < 0 || readResp > 3 || writeResp < 0 || writeResp > 3) {
            throw new IllegalArgumentException("responses are 2-bit AXI codes");
        }
    }

    public PortTiming(int latency, int bytesPerCycle) {
        this(latency, bytesPerCycle, 0, 0);
    }

    public PortTiming withResponses(int read, int write) {
        return new PortTiming(latency, bytesPerCycle, read, write);
    }

    /** Cycles one beat of {@code dataBytes} occupies a data channel. */
    public long beatCycles(int dataBytes) {
        return Math.max(1, (dataBytes + bytesPerCycle - 1) / bytesPerCycle);
    }
}
