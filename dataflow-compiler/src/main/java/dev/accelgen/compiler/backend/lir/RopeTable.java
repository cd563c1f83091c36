package dev.accelgen.compiler.backend.lir;

import dev.accelgen.pe.vector.arith.EltwiseArith;

/**
 * The cos/sin table of a rotary embedding, one row per position: {@code cos[0..h)} then {@code sin[0..h)} in Fx
 * (h = head dim / 2), the row layout VROPE reads.
 */
public sealed interface RopeTable {
    /** Half the head dimension: the rotation pairs per head. */
    int half();

    /** Positions the table covers (Integer.MAX_VALUE when any row can be generated). */
    int positions();

    /** Row {@code p}: 2h Fx values. */
    int[] row(int p);

    /**
     * Rows generated from the frequencies: angle {@code a_i = (float) p * invFreq[i]} (float32, as PyTorch's outer
     * product forms it), {@code cos(a_i)} and {@code sin(a_i)} in double ({@link StrictMath}, reproducible) rounded
     * half up to Fx. Any position can be generated, so the context is not limited by an exported table.
     */
    record Generated(float[] invFreq) implements RopeTable {
        public Generated {
            if (invFreq.length < 1) {
                throw new IllegalArgumentException("a rotary table needs at least one frequency");
            }
            invFreq = invFreq.clone();
        }

        public int half() {
            return invFreq.length;
        }

        public int positions() {
            return Integer.MAX_VALUE;
        }

        public int[] row(int p) {
            int h = invFreq.length;
            int[] r = new int[2 * h];
            for (int i = 0; i < h; i++) {
                float a = (float) p * invFreq[i];
                r[i] = EltwiseArith.toFx(StrictMath.cos(a));
                r[h + i] = EltwiseArith.toFx(StrictMath.sin(a));
            }
            return r;
        }
    }

    /** An exported table kept as it is (its frequencies could not be recovered): the context is its row count. */
    record Explicit(int[][] rows) implements RopeTable {
        public Explicit {
            if (rows.length < 1 || rows[0].length < 2 || rows[0].length % 2 != 0) {
                throw new IllegalArgumentException("a rotary table needs rows of 2h Fx values");
            }
        }

        public int half() {
            return rows[0].length / 2;
        }

        public int positions() {
            return rows.length;
        }

        public int[] row(int p) {
            if (p < 0 || p >= rows.length) {
                throw new IllegalArgumentException("position " + p + " is outside the rotary table's 0.." + (rows.length - 1));
            }
            return rows[p].clone();
        }
    }
}
