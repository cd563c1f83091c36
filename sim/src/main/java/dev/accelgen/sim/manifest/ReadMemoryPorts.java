package dev.accelgen.sim.manifest;

import java.util.List;

/**
 * An AXI4-style read-only memory port of a unit (manifest section {@code read_memories}): the unit
 * issues AR requests (byte address, len = beats - 1) and receives in-order R beats of
 * {@code dataBytes} bytes. Harnesses answer it from a memory image with the timing of
 * {@link dev.accelgen.sim.ReadMemoryModel}.
 */
public record ReadMemoryPorts(String name, String arValid, String arReady, String arAddr, String arLen,
                              String rValid, String rReady, String rData, String rLast, int dataBytes) {
    public ReadMemoryPorts {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("read memory name must be an identifier, got '" + name + "'");
        }
        if (dataBytes < 1 || dataBytes > 512 || Integer.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("read memory '" + name
                    + "' data_bytes must be a power of two in 1..512, got " + dataBytes);
        }
    }

    /** Ports the unit drives. */
    public List<String> unitOutputs() {
        return List.of(arValid, arAddr, arLen, rReady);
    }

    /** Ports the harness drives. */
    public List<String> unitInputs() {
        return List.of(arReady, rValid, rData, rLast);
    }

    /** The single-bit handshake and flag ports. */
    public List<String> bits() {
        return List.of(arValid, arReady, rValid, rReady, rLast);
    }

    /** This memory with every port and its name prefixed (bundles). */
    public ReadMemoryPorts prefixed(String p) {
        return new ReadMemoryPorts(p + name, p + arValid, p + arReady, p + arAddr, p + arLen, p + rValid, p + rReady,
                p + rData, p + rLast, dataBytes);
    }
}
