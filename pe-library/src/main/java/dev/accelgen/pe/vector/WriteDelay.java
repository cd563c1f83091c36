package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.model.AbufPort;

/**
 * A Java model's pipeline from the x stage to the ABUF write registers when only its timing matters: a word
 * computed at the x stage's clock edge is written {@code depth} cycles later (the RTL's stages in between).
 */
public final class WriteDelay {
    private final boolean[] valid;
    private final int[] addr;
    private final int[][] data;

    public WriteDelay(int depth, int lanes) {
        valid = new boolean[depth];
        addr = new int[depth];
        data = new int[depth][lanes];
    }

    /** One clock edge: every word moves one stage on; {@code word} (when valid) enters the first. */
    public void shift(boolean enter, int dAddr, int[] word) {
        int last = valid.length - 1;
        int[] recycled = data[last];
        for (int i = last; i > 0; i--) {
            valid[i] = valid[i - 1];
            addr[i] = addr[i - 1];
            data[i] = data[i - 1];
        }
        data[0] = recycled;
        valid[0] = enter;
        if (enter) {
            addr[0] = dAddr;
            System.arraycopy(word, 0, data[0], 0, word.length);
        }
    }

    public boolean busy() {
        for (boolean v : valid) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** Drives the last stage onto the ABUF write port. */
    public void drive(AbufPort ab) {
        int last = valid.length - 1;
        ab.wrEn = valid[last];
        ab.wrAddr = addr[last];
        System.arraycopy(data[last], 0, ab.wrData, 0, ab.wrData.length);
    }
}
