package dev.accelgen.compiler.backend.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimate's figures against the golden model's own data-mode run of the same compiled program (cycles, and bytes
 * counted from its AXI events), and the memory model's bandwidth caps against hand-computed bounds.
 */
class EstimatorTest {
    private static final MemoryTarget U280 = new MemoryTarget("u280", "HBM", 32, 256, 256L << 20);
    private static final int PROMPT = 4;
    private static final int CONTEXT = 8;

    private static Compiled tinyLlama(MemoryTarget target) {
        Frontend f = Frontend.load("zoo:tiny-llama", "w4a8", null, CONTEXT, Compiler.KEY_TILE, 1);
        return Compiler.plan(f, target, PlanOptions.defaults());
    }

    @Test
    void cyclesAndBytesAreThoseOfTheGoldenModelsDataRun() {
        Compiled c = tinyLlama(U280);
        EstimateRequest r = new EstimateRequest("zoo:tiny-llama", "w4a8", null, U280, 460, PROMPT, CONTEXT, 300, 0, 1);
        Estimate e = Estimator.estimate(r, c, 1, EngineCatalog.models());
        ModelResult prefill = dataRun(c, StartBeat.of(PROMPT, 0, CONTEXT));
        ModelResult decode = dataRun(c, StartBeat.of(1, CONTEXT - 1, CONTEXT));
        assertEquals(prefill.totalCycles(), e.prefill().cycles());
        assertEquals(decode.totalCycles(), e.decode().cycles());
        assertEquals(bytes(decode, c.hw().portBytes()), e.decode().bytes());
        assertEquals(bytes(prefill, c.hw().portBytes()), e.prefill().bytes());
        assertEquals(300 * 1e6 / decode.totalCycles(), e.decodeTokensPerS(), 1e-9);
        assertEquals(prefill.totalCycles() / 300e3, e.prefillMs(), 1e-12);
        assertEquals(c.hw().ports() * 32 * 0.3, e.portsGbps(), 1e-12);
        assertEquals(e.decodeGbps() / 460, e.boardBandwidthUtilization(), 1e-12);
        assertTrue(e.decode().computeBusy() > 0 && e.decode().computeStall() > 0, "a decode step both computes and waits");
    }

    /** Bytes of every R beat (requested bursts) and W beat of a data run. */
    private static long bytes(ModelResult r, int portBytes) {
        long beats = 0;
        for (CoreEvent ev : r.events()) {
            if (ev instanceof CoreEvent.ReadRequest rr) {
                beats += rr.len() + 1;
            } else if (ev instanceof CoreEvent.WriteBeat) {
                beats++;
            }
        }
        return beats * portBytes;
    }

    private static ModelResult dataRun(Compiled c, StartBeat start) {
        List<PortTiming> timing = new ArrayList<>();
        for (int p = 0; p < c.hw().ports(); p++) {
            timing.add(new PortTiming(TimingRuns.LATENCY, c.hw().portBytes()));
        }
        ModelResult r = new AccelModel(c.hw(), AccelModel.Mode.DATA, EngineCatalog.models())
                .run(new CoreRun(c.images(), timing, 0, List.of(start), 0, 50_000_000L));
        assertEquals(List.of(0), r.doneStatus());
        return r;
    }

    @Test
    void portsNeverDeliverMoreThanTheirWidthAtTheClock() {
        Compiled c = tinyLlama(U280);
        Estimate e = Estimator.estimate(new EstimateRequest("zoo:tiny-llama", "w4a8", null, U280, 460, PROMPT, CONTEXT, 300, 0, 1), c, 1,
                EngineCatalog.models());
        // one 256-bit port at 300 MHz: 32 bytes x 300e6 = 9.6 GB/s
        assertEquals(32, e.bytesPerCycle());
        assertTrue(e.decodeGbps() <= c.hw().ports() * 9.6, e.decodeGbps() + " GB/s");
    }

    @Test
    void aBoardSlowerThanThePortsThrottlesThem() {
        // four 16-byte ports at 300 MHz would move 19.2 GB/s; a 10 GB/s board allows 33.3 bytes a cycle: 8 per port
        assertEquals(8, Estimator.bytesPerCycle(10, 300, 4, 16));
        assertEquals(16, Estimator.bytesPerCycle(460, 300, 4, 16));
        // ZCU104: four 128-bit ports reach PS DDR4's 17 GB/s at 265.6 MHz
        assertEquals(265, Estimator.defaultClock(17.0, 4, 16));
        assertEquals(300, Estimator.defaultClock(460, 32, 32));
        Compiled c = tinyLlama(U280);
        Estimate e = Estimator.estimate(new EstimateRequest("zoo:tiny-llama", "w4a8", null, U280, 1.0, PROMPT, CONTEXT, 300, 0, 1), c, 1,
                EngineCatalog.models());
        assertEquals(3, e.bytesPerCycle());
        assertTrue(e.decodeGbps() <= 1.0, e.decodeGbps() + " GB/s on a 1 GB/s board");
    }
}
