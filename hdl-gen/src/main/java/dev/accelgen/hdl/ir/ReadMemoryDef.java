package dev.accelgen.hdl.ir;

/**
 * An AXI4-style read-only memory port of the top module (AR: valid/ready/addr/len; R: valid/ready/data/last),
 * recorded in the manifest's {@code read_memories} so harnesses answer it from a memory image.
 */
public record ReadMemoryDef(String name, Signal arValid, Signal arReady, Signal arAddr, Signal arLen,
                            Signal rValid, Signal rReady, Signal rData, Signal rLast, int dataBytes) {
    public ReadMemoryDef {
        if (dataBytes < 1 || Integer.bitCount(dataBytes) != 1 || rData.width() != 8 * dataBytes) {
            throw new IllegalArgumentException("read memory " + name + " needs data_bytes a power of two matching r_data ("
                    + rData.width() + " bits), got " + dataBytes);
        }
    }
}
