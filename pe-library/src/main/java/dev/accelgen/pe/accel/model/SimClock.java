package dev.accelgen.pe.accel.model;

/** The cycle being simulated, shared by the blocks that need it (memories, trace recording). */
public final class SimClock {
    private long now;

    public long now() {
        return now;
    }

    public void advance() {
        now++;
    }
}
