package dev.accelgen.boards.workload;

import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.shell.GemmKernelConfig;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.systolic.SystolicGolden;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The built-in workload "builtin:gemm": random INT8 matrices A (rows x k) and B (k x cols) from a seed, and
 * C = A x B computed by the pe-library systolic array's golden model, fed exactly as the kernel's loader feeds
 * the array (beat kk carries column kk of A and row kk of B).
 */
public record GemmWorkload(GemmKernelConfig config, long seed) {
    public byte[] a() {
        return randomBytes(config.rows() * config.k(), seed);
    }

    public byte[] b() {
        return randomBytes(config.k() * config.cols(), seed ^ 0x5DEECE66DL);
    }

    /** C as int32 little endian, row-major, from the systolic array's golden model. */
    public byte[] c() {
        int rows = config.rows();
        int cols = config.cols();
        int k = config.k();
        byte[] a = a();
        byte[] b = b();
        List<Beat> beats = new ArrayList<>();
        for (int kk = 0; kk < k; kk++) {
            Map<String, BigInteger> v = new LinkedHashMap<>();
            v.put("in_first", BigInteger.valueOf(kk == 0 ? 1 : 0));
            v.put("in_last", BigInteger.valueOf(kk == k - 1 ? 1 : 0));
            for (int r = 0; r < rows; r++) {
                v.put("a_" + r, BigInteger.valueOf(a[r * k + kk] & 0xFF));
            }
            for (int col = 0; col < cols; col++) {
                v.put("b_" + col, BigInteger.valueOf(b[kk * cols + col] & 0xFF));
            }
            beats.add(new Beat(0, v));
        }
        SystolicConfig array = config.array();
        Trace t = new SystolicGolden(array).run(new Stimulus(List.of(new StreamStimulus("in", beats)), seed));
        int[] seen = new int[cols];
        byte[] out = new byte[rows * cols * 4];
        for (OutputEvent e : t.events()) {
            int col = Integer.parseInt(e.stream().substring("out_".length()));
            int r = seen[col]++;
            long value = e.values().get("out_" + col).longValueExact();
            int at = (r * cols + col) * 4;
            for (int i = 0; i < 4; i++) {
                out[at + i] = (byte) (value >>> (8 * i));
            }
        }
        for (int col = 0; col < cols; col++) {
            if (seen[col] != rows) {
                throw new IllegalStateException("golden model produced " + seen[col] + " results in column " + col
                        + ", expected " + rows);
            }
        }
        return out;
    }

    public KernelSpec kernel(String top) {
        int rows = config.rows();
        int cols = config.cols();
        int k = config.k();
        return new KernelSpec(top, List.of(
                new KernelArg("a", ArgDir.IN, (long) rows * k, "int8 row-major " + rows + "x" + k),
                new KernelArg("b", ArgDir.IN, (long) k * cols, "int8 row-major " + k + "x" + cols),
                new KernelArg("c", ArgDir.OUT, (long) rows * cols * 4, "int32 little-endian row-major " + rows + "x" + cols)),
                config.dataBits());
    }

    public Map<String, byte[]> golden() {
        return Map.of("a", a(), "b", b(), "c", c());
    }

    public String describe() {
        return "Workload builtin:gemm: C = A x B with A " + config.rows() + "x" + config.k() + " and B " + config.k() + "x"
                + config.cols() + " (INT8, int32 results) on a " + config.rows() + "x" + config.cols()
                + " systolic array; inputs from seed " + seed + ".";
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }
}
