package dev.accelgen.pe.accel.model;

/**
 * A matrix engine's WBUF read port ({@code wb_rd_en/wb_rd_bank/wb_rd_addr/wb_rd_data} in RTL): one WBUF word of
 * {@code ports * portBits} bits as little-endian 64-bit limbs, one cycle after the request.
 */
public final class WbufReadPort {
    public boolean rdEn;
    public int rdBank;
    public int rdAddr;
    public final long[] rdData;

    public WbufReadPort(int wordBits) {
        rdData = new long[(wordBits + 63) / 64];
    }
}
