package dev.accelgen.boards.workload;

import dev.accelgen.boards.shell.GemmKernelConfig;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The golden C from the systolic array's golden model equals a plain integer matrix product of A and B. */
class GemmWorkloadTest {
    private static byte[] plainProduct(byte[] a, byte[] b, int rows, int k, int cols) {
        byte[] out = new byte[rows * cols * 4];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += a[r * k + i] * b[i * cols + c];
                }
                for (int byteIndex = 0; byteIndex < 4; byteIndex++) {
                    out[(r * cols + c) * 4 + byteIndex] = (byte) (sum >>> (8 * byteIndex));
                }
            }
        }
        return out;
    }

    @Test
    void goldenModelEqualsPlainProductForRandomShapes() {
        long seed = Long.getLong("accelgen.seed", 13);
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        int[][] shapes = {{4, 8, 4}, {4, 8, 8}, {1, 4, 1}, {3, 4, 5}, {8, 16, 8}};
        for (int[] s : shapes) {
            GemmWorkload w = new GemmWorkload(new GemmKernelConfig(s[0], s[2], s[1], 32, 16, 4), rng.nextLong());
            assertArrayEquals(plainProduct(w.a(), w.b(), s[0], s[1], s[2]), w.c(), java.util.Arrays.toString(s));
        }
    }

    @Test
    void extremeOperandsDoNotOverflow() {
        GemmKernelConfig cfg = new GemmKernelConfig(4, 4, 64, 32, 16, 4);
        GemmWorkload w = new GemmWorkload(cfg, 3);
        assertArrayEquals(plainProduct(w.a(), w.b(), 4, 64, 4), w.c());
    }

    @Test
    void buffersAreReproducibleFromTheSeedAndSized() {
        GemmKernelConfig cfg = GemmKernelConfig.small();
        assertArrayEquals(new GemmWorkload(cfg, 7).a(), new GemmWorkload(cfg, 7).a());
        assertFalse(java.util.Arrays.equals(new GemmWorkload(cfg, 7).a(), new GemmWorkload(cfg, 8).a()));
        var spec = new GemmWorkload(cfg, 7).kernel("gemm_x");
        assertEquals(32, spec.args().get(0).bytes());
        assertEquals(32, spec.args().get(1).bytes());
        assertEquals(64, spec.args().get(2).bytes());
        assertEquals(0x28, spec.offset(spec.args().get(2)));
    }
}
