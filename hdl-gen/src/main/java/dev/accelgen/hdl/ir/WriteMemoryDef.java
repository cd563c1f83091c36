package dev.accelgen.hdl.ir;

/**
 * An AXI4-style write-only memory port of the top module (AW: valid/ready/addr/len; W: valid/ready/data/strb/last;
 * B: valid/ready), recorded in the manifest's {@code write_memories} so harnesses answer it into a memory image
 * (shared with the read memory of the same name, if any).
 */
public record WriteMemoryDef(String name, Signal awValid, Signal awReady, Signal awAddr, Signal awLen, Signal wValid,
                             Signal wReady, Signal wData, Signal wStrb, Signal wLast, Signal bValid, Signal bReady,
                             int dataBytes) {
    public WriteMemoryDef {
        if (dataBytes < 1 || Integer.bitCount(dataBytes) != 1 || wData.width() != 8 * dataBytes
                || wStrb.width() != dataBytes) {
            throw new IllegalArgumentException("write memory " + name + " needs data_bytes a power of two matching w_data ("
                    + wData.width() + " bits) and w_strb (" + wStrb.width() + " bits), got " + dataBytes);
        }
    }
}
