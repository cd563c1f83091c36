package dev.accelgen.pe.accel.model;

/**
 * An engine's ABUF port, the Java mirror of the RTL's {@code ab_rd_en/ab_rd_addr/ab_rd_data} and
 * {@code ab_wr_en/ab_wr_addr/ab_wr_data}. The engine sets the request fields in {@link Clocked#drive} from its
 * registers; the buffer puts the word read in cycle c into {@link #rdData} before the engine's
 * {@link Clocked#tick} of cycle c+1 (one cycle of latency, read-first when the same word is written).
 * A word is {@code lanes} Fx values (signed 32-bit).
 */
public final class AbufPort {
    public boolean rdEn;
    public int rdAddr;
    public final int[] rdData;
    public boolean wrEn;
    public int wrAddr;
    public final int[] wrData;

    public AbufPort(int lanes) {
        rdData = new int[lanes];
        wrData = new int[lanes];
    }

    /** Clears both requests (what an idle engine drives). */
    public void idle() {
        rdEn = false;
        wrEn = false;
    }
}
