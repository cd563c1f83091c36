package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timing rules of docs/isa.md ("Matrix engines") on tiny-model shapes: first beat {@code g + P + 7} after
 * {@code go} in cycle g (P = the fetch stage's requests before the first pass is loaded), consecutive reduction
 * ends {@code max(kBeats, spacing)} apart, last write {@code D + 6} after the last beat (D = the unit's result
 * delay), and the utilization that follows.
 */
class MatrixTimingTest {
    static final MatrixUnitSpec MIXPE = new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 32, 32, 4, MulForm.SHIFT_ADD));
    static final MatrixUnitSpec TERNARY = new MatrixUnitSpec.Ternary(new TernaryConfig(32, 8,
            dev.accelgen.pe.ternary.Packing.BASE3));
    static final DspChainConfig DSP_CFG = new DspChainConfig(8, Packing.INT8X2, new Sparsity.NOfM(2, 4));
    static final MatrixUnitSpec DSP = new MatrixUnitSpec.DspChain(DSP_CFG);
    static final MatrixUnitSpec SYSTOLIC = new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4));

    /** A 16-lane configuration with a 1024-bit WBUF word (4 ports of 256 bits). */
    static MatrixEngineConfig cfg(MatrixUnitSpec u) {
        return new MatrixEngineConfig(TestConfigs.hw("tiny", 16, 4, 256, 128, u), 0);
    }

    static Mm mm(int rows, int k, int n, boolean bias, boolean rowScale, boolean gather, boolean overlap, boolean sparse) {
        return new Mm(Deps.NONE, 0, bias, false, rowScale, gather, overlap, sparse, Opnd.imm(rows), k, n, Opnd.imm(0),
                (k + 15) / 16, 0, 0, Opnd.imm(128), (n + 15) / 16, Opnd.imm(64), 1 << 20, 24, 16, Opnd.imm(0));
    }

    static List<Utilization.Run> run(MatrixEngineConfig c, List<EngineRun.Load> loads, Mm... mms) {
        List<EngineRun.Issue> issues = new ArrayList<>();
        for (Mm m : mms) {
            issues.add(new EngineRun.Issue(m, 0));
        }
        MatrixEngineModel[] model = new MatrixEngineModel[1];
        new EngineBench(EngineGeometry.of(c.hw(), true), () -> model[0] = new MatrixEngineModel(c),
                new EngineRun(loads, issues)).run(null);
        return model[0].runs();
    }

    @Test
    void mixpePrefillShape() {
        // K=32 N=64, 8 rows: P = nW 4 + kW 2; 16 blocks of one beat per row; MixPE delay 4
        Utilization.Run r = run(cfg(MIXPE), List.of(), mm(8, 32, 64, false, false, false, false, false)).get(0);
        assertEquals(1 + 6 + 7, r.firstBeat());
        assertEquals(r.firstBeat() + 128 - 1 + 4 + 6, r.lastWrite());
        assertEquals(0.928, Utilization.of(List.of(r), 128).fraction(), 0.001);
    }

    @Test
    void sparseDspDecodeShapeWithBias() {
        // K=64 N=32, 1 row, 2:4 window 16: P = M 2 + bias 2 + kW 4; 16 blocks of 4 beats; delay latency + 1
        Utilization.Run r = run(cfg(DSP), List.of(), mm(1, 64, 32, true, false, false, false, true)).get(0);
        assertEquals(1 + 8 + 7, r.firstBeat());
        assertEquals(r.firstBeat() + 64 - 1 + DSP_CFG.latency() + 1 + 6, r.lastWrite());
        // 2:4 keeps half the 2048 weights: 1024 products on 16 lanes over 64 beats and the drain
        assertEquals(1024, r.macs());
        assertEquals(1024.0 / 16 / (r.lastWrite() - r.firstBeat() + 1), Utilization.of(List.of(r), 16).fraction(), 1e-12);
    }

    @Test
    void systolicShortReductionsWaitForTheLastBeatSpacing() {
        // K=3 < 2R-1 = 7: reductions end 7 cycles apart; P = nW 1 + 4 rows x kW 1; delay 2R-2+C = 10
        Utilization.Run r = run(cfg(SYSTOLIC), List.of(), mm(4, 3, 8, false, false, false, false, false)).get(0);
        assertEquals(1 + 5 + 7, r.firstBeat());
        long lastBeat = r.firstBeat() + 2 + 7;
        assertEquals(lastBeat + 10 + 6, r.lastWrite());
    }

    @Test
    void ternaryRowScaleReadsQBeforeEachRow() {
        // rowScale: no M words; per row one q request and kW 4; 4 columns x 2 beats per row; delay 3 (base-3)
        Utilization.Run r = run(cfg(TERNARY), List.of(), mm(2, 64, 4, false, true, false, false, false)).get(0);
        assertEquals(1 + 5 + 7, r.firstBeat());
        assertEquals(r.firstBeat() + 16 - 1 + 3 + 6, r.lastWrite());
    }

    @Test
    void gatherReadsTheCountThenATokenPerRow() {
        // count 2, tokens 3 and 0: P = 3 (count) + nW 4 + (3 + kW 2) for the first row
        List<EngineRun.Load> sbuf = List.of(new EngineRun.Load(EngineRun.SBUF, 0, new int[] {2}),
                new EngineRun.Load(EngineRun.SBUF, 1, new int[] {3}), new EngineRun.Load(EngineRun.SBUF, 3, new int[] {0}));
        Utilization.Run r = run(cfg(MIXPE), sbuf, mm(0, 32, 64, false, false, true, false, false)).get(0);
        long go = sbuf.size() + 1;
        assertEquals(go + 12 + 7, r.firstBeat());
        assertEquals(r.firstBeat() + 32 - 1 + 4 + 6, r.lastWrite());
        assertEquals(2L * 32 * 64, r.macs());
    }

    @Test
    void overlappedDecodeStepsKeepTheUnitBusy() {
        Mm step = mm(1, 64, 32, false, false, false, true, false);
        List<Utilization.Run> runs = run(cfg(MIXPE), List.of(), step, step, step, step, step, step, step, step);
        for (int i = 1; i < runs.size(); i++) {
            assertEquals(runs.get(i - 1).firstBeat() + 16, runs.get(i).firstBeat(), "no gap before instruction " + i);
        }
        Utilization u = Utilization.of(runs, 128);
        assertEquals(8 * 16 + 10, u.busyCycles());
        assertTrue(u.fraction() > 0.92, u.toString());
    }

    @Test
    void withoutOverlapTheNextInstructionWaitsForTheLastWrite() {
        Mm step = mm(1, 64, 32, false, false, false, false, false);
        List<Utilization.Run> runs = run(cfg(MIXPE), List.of(), step, step);
        // the second one was taken early and waits; its first request follows the first's last write (cycle W):
        // requests in cycles W+1 .. W+P (P = nW 2 + kW 4), first beat W + P + 7
        assertEquals(runs.get(0).lastWrite() + 6 + 7, runs.get(1).firstBeat());
    }
}
