package dev.accelgen.pe.accel;

import dev.accelgen.errors.ConfigError;

/**
 * The off-chip memory an accelerator's AXI4 master ports reach on a board, as the compiler plans for it: up to
 * {@code maxPorts} ports of {@code portBits} bits, each reaching {@code portCapacity} bytes (a HBM pseudo-channel,
 * or the whole DDR behind a processing-system port). fpga-boards derives it from a board description.
 *
 * @param board        the board's name (for messages and plan.json)
 * @param memory       the memory group's name (PS_DDR4, HBM, ...)
 * @param maxPorts     most AXI4 master ports the accelerator may use (1..32)
 * @param portBits     data width of every port (64, 128, 256 or 512)
 * @param portCapacity bytes one port reaches
 */
public record MemoryTarget(String board, String memory, int maxPorts, int portBits, long portCapacity) {
    public MemoryTarget {
        if (maxPorts < 1 || maxPorts > 32) {
            throw new ConfigError("board " + board + " memory " + memory, "must offer 1..32 accelerator ports (got " + maxPorts + ")");
        }
        if (portBits != 64 && portBits != 128 && portBits != 256 && portBits != 512) {
            throw new ConfigError("board " + board + " memory " + memory, "ports must be 64, 128, 256 or 512 bits (got " + portBits + ")");
        }
        if (portCapacity < 1) {
            throw new ConfigError("board " + board + " memory " + memory, "ports must reach at least one byte");
        }
    }
}
