package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.mlgru.MlgruModel;
import dev.accelgen.pe.vector.moe.ScatterModel;
import dev.accelgen.pe.vector.moe.TopKModel;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeModel;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import dev.accelgen.pe.vector.softmax.SoftmaxModel;
import dev.accelgen.sim.OutputEvent;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The timing rules of docs/isa.md: cycles from go to the first non-busy cycle, per engine. */
class EngineTimingTest {
    private static final VecEngineConfig C = new VecEngineConfig(8, 64, 9, 6);

    /** Cycles from go to done for one instruction issued at cycle 0 (go in cycle 1). */
    private static long cycles(Supplier<EngineModel> m, QueuedInstr i) {
        return cycles(m, i, List.of());
    }

    /** The same after {@code loads} (one per cycle from cycle 0; the instruction is accepted after them). */
    private static long cycles(Supplier<EngineModel> m, QueuedInstr i, List<EngineRun.Load> loads) {
        EngineBench bench = new EngineBench(C.geometry(), m, new EngineRun(loads, List.of(new EngineRun.Issue(i, 0))));
        List<OutputEvent> done = bench.run(null).events().stream().filter(e -> e.stream().equals("done")).toList();
        assertEquals(1, done.size());
        return done.get(0).cycle() - loads.size() - 1;
    }

    private static int words(int len) {
        return (len + C.lanes() - 1) / C.lanes();
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

    @Test
    void attention() {
        AttnConfig c = new AttnConfig(C, 40, 16);
        for (int rows = 0; rows <= 3; rows++) {
            for (int headDim : new int[] {1, 8, 13, 40}) {
                for (int keys : new int[] {0, 1, 5, 16}) {
                    for (boolean first : new boolean[] {false, true}) {
                        int w = words(headDim);
                        long perRow = w + 2L * keys * w + 9 + (!first || keys == 0 ? w : 0);
                        long want = rows == 0 ? 2 : rows * perRow + Math.max(w + 15, 17);
                        VecInstr.VAttn v = new VecInstr.VAttn(Deps.NONE, first, true, true, n(rows), headDim, n(keys),
                                n(0), w, n(100), w, n(200), w, n(300), w, n(0), n(0));
                        assertEquals(want, cycles(() -> new AttnModel(c), v), v.toString());
                    }
                }
            }
        }
    }

    @Test
    void rope() {
        RopeConfig c = new RopeConfig(C, 40);
        for (int rows = 0; rows <= 3; rows++) {
            for (int headDim : new int[] {2, 8, 12, 40}) {
                for (int heads = 1; heads <= 3; heads++) {
                    int w = words(headDim);
                    long want = rows == 0 ? 2 : (long) rows * w * (heads + 1) + w + 6;
                    VecInstr.VRope v = new VecInstr.VRope(Deps.NONE, n(rows), heads * headDim, headDim, n(0), heads * w,
                            n(100), w, n(200), heads * w);
                    assertEquals(want, cycles(() -> new RopeModel(c), v), v.toString());
                }
            }
        }
    }

    @Test
    void mlgru() {
        for (int rows = 0; rows <= 3; rows++) {
            for (int len = 1; len <= 40; len += 13) {
                int w = words(len);
                long want = rows == 0 ? 2 : 3L * w * rows + 2L * w + 8;
                VecInstr.VMlgru v = new VecInstr.VMlgru(Deps.NONE, n(rows), len, n(0), 3 * w, n(100), n(200), w);
                assertEquals(want, cycles(() -> new MlgruModel(C), v), v.toString());
            }
        }
    }

    @Test
    void softmax() {
        for (int rows = 0; rows <= 3; rows++) {
            for (int len = 1; len <= 40; len += 13) {
                int w = words(len);
                long want = rows == 0 ? 2 : rows * (3L * w + 5) + 8;
                VecInstr.VSoftmax v = new VecInstr.VSoftmax(Deps.NONE, n(rows), len, n(0), w, n(100), w);
                assertEquals(want, cycles(() -> new SoftmaxModel(C), v), v.toString());
            }
        }
    }

    @Test
    void topk() {
        for (int rows = 0; rows <= 3; rows++) {
            for (int experts : new int[] {1, 8, 20}) {
                for (int k = 1; k <= Math.min(experts, 4); k++) {
                    int w = words(experts);
                    long want = rows == 0 ? 2 + experts : rows * ((long) k * w + 2 * k + 3) + 2 * k + experts + 9;
                    VecInstr.VTopK v = new VecInstr.VTopK(Deps.NONE, n(rows), experts, k, n(0), w, n(0), 2);
                    assertEquals(want, cycles(() -> new TopKModel(C), v), v.toString());
                }
            }
        }
    }

    @Test
    void scatter() {
        for (int count = 0; count <= 3; count++) {
            for (int len = 1; len <= 40; len += 13) {
                int w = words(len);
                long want = count == 0 ? 6 : 2L * w * count + 8;
                List<EngineRun.Load> list = List.of(new EngineRun.Load(EngineRun.SBUF, 4, new int[] {count}));
                VecInstr.VScatter v = new VecInstr.VScatter(Deps.NONE, len, n(0), w, n(100), w, n(4));
                assertEquals(want, cycles(() -> new ScatterModel(C), v, list), v.toString());
            }
        }
    }
}
