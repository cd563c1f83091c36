package dev.accelgen.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Guards against a pass turning super-linear: 4x the PEs must cost at most 6x the time. A quadratic pass costs 16x;
 * cache and allocation effects alone reach 5.2x on a loaded 2-core machine, so a tighter bound fails without a bug.
 */
class ScalingTest {
    /** A mesh of MAC cells passing operands right and down, like a systolic array. */
    record Mesh(int n) implements ModuleGen<Mesh> {
        @Override
        public String moduleName(Mesh c) {
            return "mesh_" + c.n();
        }

        @Override
        public void build(ModuleBuilder b, Mesh c) {
            Instance[][] cells = new Instance[c.n()][c.n()];
            for (int r = 0; r < c.n(); r++) {
                for (int k = 0; k < c.n(); k++) {
                    Instance cell = b.instance(new Cell(), 8, "cell_" + r + "_" + k);
                    cells[r][k] = cell;
                    cell.<SInt>port("a").set(k == 0 ? b.input("a_" + r, SInt.type(8)) : cells[r][k - 1].port("a_out"));
                    cell.<SInt>port("w").set(r == 0 ? b.input("w_" + k, SInt.type(8)) : cells[r - 1][k].port("w_out"));
                }
            }
            for (int k = 0; k < c.n(); k++) {
                b.output("acc_" + k, SInt.type(32)).set(cells[c.n() - 1][k].port("acc"));
            }
        }
    }

    static final class Cell implements ModuleGen<Integer> {
        @Override
        public String moduleName(Integer bits) {
            return "cell_" + bits;
        }

        @Override
        public void build(ModuleBuilder b, Integer bits) {
            SInt a = b.input("a", SInt.type(bits));
            SInt w = b.input("w", SInt.type(bits));
            SInt acc = b.reg("acc_q", SInt.type(32), 0);
            acc.set(acc.addWrap(a.mul(w).sext(32)));
            b.output("a_out", SInt.type(bits)).set(b.regNext("a_q", a, 0));
            b.output("w_out", SInt.type(bits)).set(b.regNext("w_q", w, 0));
            b.output("acc", SInt.type(32)).set(acc);
        }
    }

    /** Thread CPU time of one elaborate + check + emit: other processes on a shared machine do not count. */
    private static long cpuNanos(int n) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        Hdl.elaborate(new Mesh(n), new Mesh(n)).files();
        return cpu.getCurrentThreadCpuTime() - t0;
    }

    @Test
    void fourTimesThePesCostsAtMostSixTimesTheTime() {
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            // Interleaved, best of eight: the least disturbed run of each size.
            small = Math.min(small, cpuNanos(32));
            large = Math.min(large, cpuNanos(64));
        }
        double ratio = (double) large / small;
        System.out.printf("mesh 32x32: %.1f ms, 64x64: %.1f ms, ratio %.2f%n", small / 1e6, large / 1e6, ratio);
        assertTrue(ratio <= 6.0, "64x64 took " + ratio + "x the time of 32x32 (limit 6x)");
    }
}
