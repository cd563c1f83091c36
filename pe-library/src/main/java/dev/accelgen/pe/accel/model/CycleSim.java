package dev.accelgen.pe.accel.model;

import java.util.List;

/** Steps a set of blocks and glue cycle by cycle in the order the RTL implies: drive all, settle glue in order, tick all. */
public final class CycleSim {
    private final List<Clocked> blocks;
    private final List<Glue> glue;
    private long cycle;

    public CycleSim(List<Clocked> blocks, List<Glue> glue) {
        this.blocks = List.copyOf(blocks);
        this.glue = List.copyOf(glue);
    }

    /** The cycle the next {@link #step} simulates (0 = the first edge after reset). */
    public long cycle() {
        return cycle;
    }

    public void step() {
        for (Clocked b : blocks) {
            b.drive();
        }
        for (Glue g : glue) {
            g.settle();
        }
        for (Clocked b : blocks) {
            b.tick();
        }
        cycle++;
    }
}
