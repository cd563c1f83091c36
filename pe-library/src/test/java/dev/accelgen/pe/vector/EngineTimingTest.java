package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import dev.accelgen.sim.OutputEvent;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The timing rules of docs/isa.md: cycles from go to the first non-busy cycle, per engine. */
class EngineTimingTest {
    private static final VecEngineConfig C = new VecEngineConfig(8, 64, 9, 6);

    /** Cycles from go to done for one instruction issued at cycle 0 (go in cycle 1). */
    private static long cycles(Supplier<EngineModel> m, QueuedInstr i) {
        EngineBench bench = new EngineBench(C.geometry(), m, new EngineRun(List.of(), List.of(new EngineRun.Issue(i, 0))));
        List<OutputEvent> done = bench.run(null).events().stream().filter(e -> e.stream().equals("done")).toList();
        assertEquals(1, done.size());
        return done.get(0).cycle() - 1;
    }

    private static Opnd n(long v) {
        return Opnd.imm(v);
    }

    @Test
    void elementwise() {
        for (int rows = 0; rows <= 3; rows++) {
            for (int len = 1; len <= 20; len += 7) {
                int w = (len + 7) / 8;
                long stream = rows == 0 ? 2 : rows * w + 5;
                Supplier<EngineModel> m = () -> new EltwiseModel(C);
                assertEquals(stream, cycles(m, new VecInstr.VCopy(Deps.NONE, n(rows), len, n(0), w, n(100), w)));
                assertEquals(stream, cycles(m, new VecInstr.VAffine(Deps.NONE, n(rows), len, n(0), w, n(100), w, 3, 4)));
                assertEquals(rows == 0 ? 2 : 2L * rows * w + 5, cycles(m, new VecInstr.VBinary(Deps.NONE,
                        VecInstr.BinOp.ADD, n(rows), len, n(0), w, n(50), w, n(100), w)));
                assertEquals(rows == 0 ? 2 : rows * w + w + 6, cycles(m, new VecInstr.VBinary(Deps.NONE,
                        VecInstr.BinOp.MUL, n(rows), len, n(0), w, n(50), 0, n(100), w)));
                assertEquals(rows == 0 ? 2 : rows * w + 7, cycles(() -> new ActModel(C), new VecInstr.VAct(Deps.NONE,
                        VecInstr.ActFn.GELU, n(rows), len, n(0), w, n(100), w)));
                assertEquals(rows == 0 ? 2 : rows * (w + 1) + 11, cycles(() -> new RowScaleModel(C),
                        new VecInstr.VRowScale(Deps.NONE, n(rows), len, n(0), w, n(0), 1, 0)));
            }
        }
    }

    @Test
    void norms() {
        for (int rows = 1; rows <= 3; rows++) {
            for (int len = 1; len <= 40; len += 13) {
                int w = (len + 7) / 8;
                long body = 8 + rows * (2L * w + 9);
                Supplier<EngineModel> m = () -> new NormModel(C);
                assertEquals(body, cycles(m, new VecInstr.VRmsNorm(Deps.NONE, n(rows), len, n(0), w, n(100), w, false,
                        n(0), 5)));
                assertEquals(body + w + 1, cycles(m, new VecInstr.VRmsNorm(Deps.NONE, n(rows), len, n(0), w, n(100), w,
                        true, n(200), 5)));
                assertEquals(body + 2L * w + 1, cycles(m, new VecInstr.VLayerNorm(Deps.NONE, n(rows), len, n(0), w,
                        n(100), w, true, n(200), true, n(300), 5)));
            }
        }
    }
}
