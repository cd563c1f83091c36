package dev.accelgen.compiler.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.lir.RopeTable;
import org.junit.jupiter.api.Test;

/** Exported rotary tables: frequencies recovered when every row is cos/sin(p * f), else the table is kept. */
class RopeTablesTest {
    /** The table as Hugging Face builds it in float32: f_i = 1 / theta^(2i/d), angle p * f_i, first {@code offset}. */
    static float[][][] table(int rows, int d, double theta, double scale, int offset) {
        float[][] cos = new float[rows][d / 2];
        float[][] sin = new float[rows][d / 2];
        for (int i = 0; i < d / 2; i++) {
            float f = (float) (1 / Math.pow(theta, (float) (2 * i) / d) / scale);
            for (int p = 0; p < rows; p++) {
                float a = (float) (p + offset) * f;
                cos[p][i] = (float) Math.cos(a);
                sin[p][i] = (float) Math.sin(a);
            }
        }
        return new float[][][] {cos, sin};
    }

    @Test
    void standardTablesAreRegeneratedForEveryPosition() {
        for (double[] c : new double[][] {{10000, 64, 4096, 1}, {500000, 128, 32, 1}, {10000, 8, 2, 1}, {10000, 64, 512, 4}}) {
            float[][][] t = table((int) c[2], (int) c[1], c[0], c[3], 0);
            RopeTables.Recovered r = RopeTables.of("x", t[0], t[1]);
            RopeTable.Generated g = assertInstanceOf(RopeTable.Generated.class, r.table(), r.note());
            assertTrue(r.note().startsWith("RoPE at x: frequencies recovered from the exported " + (int) c[2] + "-row table, theta "), r.note());
            int h = (int) c[1] / 2;
            for (int p : new int[] {0, 1, (int) c[2] - 1}) {
                int[] row = g.row(p);
                for (int i = 0; i < h; i++) {
                    assertEquals(t[0][p][i], row[i] / 65536.0, 1.0 / 65536, "cos row " + p + " pair " + i);
                    assertEquals(t[1][p][i], row[h + i] / 65536.0, 1.0 / 65536, "sin row " + p + " pair " + i);
                }
            }
        }
    }

    @Test
    void theGeneratedRowsContinueTheTable() {
        float[][][] longer = table(1024, 16, 10000, 1, 0);
        float[][][] exported = {java.util.Arrays.copyOf(longer[0], 64), java.util.Arrays.copyOf(longer[1], 64)};
        RopeTable g = RopeTables.of("x", exported[0], exported[1]).table();
        for (int p = 64; p < 1024; p += 97) {
            int[] row = g.row(p);
            for (int i = 0; i < 8; i++) {
                assertEquals(longer[0][p][i], row[i] / 65536.0, 2.0 / 65536, "cos row " + p + " pair " + i);
                assertEquals(longer[1][p][i], row[8 + i] / 65536.0, 2.0 / 65536, "sin row " + p + " pair " + i);
            }
        }
    }

    @Test
    void otherTablesAreKeptAndLimitTheContext() {
        float[][][] shifted = table(16, 8, 10000, 1, 5);
        RopeTables.Recovered r = RopeTables.of("x", shifted[0], shifted[1]);
        RopeTable.Explicit e = assertInstanceOf(RopeTable.Explicit.class, r.table());
        assertEquals(16, e.positions());
        assertTrue(r.note().startsWith("RoPE at x: the exported table is kept as it is (row 0 pair 0 differs"), r.note());
        assertEquals(Math.round(shifted[0][7][2] * 65536.0), e.row(7)[2]);
        float[][][] one = table(1, 8, 10000, 1, 0);
        assertEquals("RoPE at y: the exported table is kept as it is (it has a single row), which limits the context to its 1 positions",
                RopeTables.of("y", one[0], one[1]).note());
    }
}
