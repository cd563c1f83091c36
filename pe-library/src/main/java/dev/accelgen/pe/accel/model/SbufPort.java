package dev.accelgen.pe.accel.model;

/**
 * An engine's SBUF port (32-bit entries), mirroring the RTL's {@code sb_rd_*} / {@code sb_wr_*} signals with the
 * same one-cycle read latency as {@link AbufPort}.
 */
public final class SbufPort {
    public boolean rdEn;
    public int rdAddr;
    public int rdData;
    public boolean wrEn;
    public int wrAddr;
    public int wrData;

    public void idle() {
        rdEn = false;
        wrEn = false;
    }
}
