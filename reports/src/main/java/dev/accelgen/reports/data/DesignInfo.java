package dev.accelgen.reports.data;

import java.util.List;

/**
 * The accelerator's configuration as estimates and the roofline use it: the kernel clock assumed, the most MACs it
 * completes in one cycle (the compute queue issues one instruction at a time, so this is the largest matrix unit's
 * MAC lanes, not their sum) and the memory ports it uses. Provenance {@code specified}: hw.json.
 */
public record DesignInfo(double clockMhz, long macsPerCycle, List<MemoryPort> ports, Provenance provenance) {
    public DesignInfo {
        Check.positive("clock_mhz", clockMhz);
        Check.nonNegative("macs_per_cycle", macsPerCycle);
        ports = Check.uniqueList("ports", ports, MemoryPort::name);
        Check.present("provenance", provenance);
    }

    /** Peak operations per second in GOP/s (one MAC = two operations). */
    public double peakGops() {
        return 2.0 * macsPerCycle * clockMhz * 1e6 / 1e9;
    }

    /** The used ports' peak bandwidth in GB/s: every port moving one beat per cycle. */
    public double portsGbps() {
        return ports.stream().mapToDouble(p -> p.peakGbps(clockMhz)).sum();
    }
}
