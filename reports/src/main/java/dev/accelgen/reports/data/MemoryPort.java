package dev.accelgen.reports.data;

/** One AXI4 master port of the design: its data width and the memory bank it is placed on ("HBM[3]", "HP0"). */
public record MemoryPort(String name, int bits, String bank) {
    public MemoryPort {
        Check.text("name", name);
        Check.positive("bits", bits);
        Check.text("bank", bank);
    }

    /** The most this port moves per second, in GB/s, at {@code clockMhz}: one data beat per cycle. */
    public double peakGbps(double clockMhz) {
        return bits / 8.0 * clockMhz * 1e6 / 1e9;
    }
}
