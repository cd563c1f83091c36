package dev.accelgen.sim.manifest;

import java.util.List;

/**
 * An AXI4-style write-only memory port of a unit (manifest section {@code write_memories}): the unit
 * issues AW requests (byte address, len = beats - 1), W beats of {@code dataBytes} bytes with a byte
 * strobe and last, and takes B responses. A read memory of the same name shares its image. Harnesses
 * answer it with the timing of {@link dev.accelgen.sim.WriteMemoryModel}.
 */
public record WriteMemoryPorts(String name, String awValid, String awReady, String awAddr, String awLen,
                               String wValid, String wReady, String wData, String wStrb, String wLast,
                               String bValid, String bReady, int dataBytes) {
    public WriteMemoryPorts {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("write memory name must be an identifier, got '" + name + "'");
        }
        if (dataBytes < 1 || dataBytes > 512 || Integer.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("write memory '" + name
                    + "' data_bytes must be a power of two in 1..512, got " + dataBytes);
        }
    }

    /** Ports the unit drives. */
    public List<String> unitOutputs() {
        return List.of(awValid, awAddr, awLen, wValid, wData, wStrb, wLast, bReady);
    }

    /** Ports the harness drives. */
    public List<String> unitInputs() {
        return List.of(awReady, wReady, bValid);
    }

    /** The single-bit handshake and flag ports. */
    public List<String> bits() {
        return List.of(awValid, awReady, wValid, wReady, wLast, bValid, bReady);
    }

    /** This memory with every port and its name prefixed (bundles). */
    public WriteMemoryPorts prefixed(String p) {
        return new WriteMemoryPorts(p + name, p + awValid, p + awReady, p + awAddr, p + awLen, p + wValid, p + wReady,
                p + wData, p + wStrb, p + wLast, p + bValid, p + bReady, dataBytes);
    }
}
