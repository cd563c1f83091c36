package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.cocotb.CocotbResult;
import dev.accelgen.sim.cocotb.CocotbRunner;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write memories end to end: the DMA fixture reads and writes one memory under AR/AW/W stalls, random
 * latencies, done-ready backpressure and junk on idle inputs; the golden model predicts every write beat
 * and every cycle. Seed: -Daccelgen.seed=N (default 7).
 */
class DmaCopierTest {
    private static final long SEED = Long.getLong("accelgen.seed", 7);
    private static VerilatorModel dma;

    @BeforeAll
    static void build() {
        dma = VerilatorModel.build(Fixtures.manifest("dma", "dma_copy"));
    }

    @Test
    void writesReadsAndCyclesMatchTheGoldenModelUnderStress() {
        for (long seed = SEED; seed < SEED + 4; seed++) {
            System.out.println("seed=" + seed);
            Stimulus s = DmaGolden.randomStimulus(12, seed);
            VerifyResult r = Verifier.verify(dma, new DmaGolden(), s, RunLimits.DEFAULT);
            assertTrue(r.passed(), r.summaryLine());
            int beats = s.stream("job").beats().stream().mapToInt(b -> b.values().get("job_len").intValue() + 1).sum();
            assertEquals("PASS outputs=" + (12 + beats) + " rtl_cycles=" + r.golden().totalCycles() + " golden_cycles="
                    + r.golden().totalCycles(), r.summaryLine());
            assertEquals(DmaGolden.copiedWords(s), r.rtl().writtenWords().get("mem"));
            // The stress is real: without it the same jobs finish sooner.
            VerifyResult calm = Verifier.verify(dma, new DmaGolden(), StressProfile.NONE.apply(s), RunLimits.DEFAULT);
            assertTrue(calm.passed(), calm.summaryLine());
            assertTrue(calm.rtl().trace().totalCycles() < r.rtl().trace().totalCycles(), calm.summaryLine());
        }
    }

    @Test
    void aWrongWriteBeatIsTheFirstMismatch() {
        Stimulus s = DmaGolden.randomStimulus(3, SEED);
        GoldenModel wrongStrobe = st -> {
            Trace t = new DmaGolden().run(st);
            List<WriteEvent> writes = new ArrayList<>(t.writes());
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i) instanceof WriteEvent.Data d) {
                    writes.set(i, new WriteEvent.Data(d.cycle(), d.memory(), d.address(), d.data(), d.strobe().xor(BigInteger.ONE)));
                    break;
                }
            }
            return new Trace(t.events(), t.totalCycles(), t.acceptances(), writes);
        };
        VerifyResult r = Verifier.verify(dma, wrongStrobe, s, RunLimits.DEFAULT);
        WriteEvent.Data first = (WriteEvent.Data) r.rtl().trace().writes().stream().filter(w -> w instanceof WriteEvent.Data)
                .findFirst().orElseThrow();
        String addr = "addr=0x" + Long.toHexString(first.address()) + " data=0x" + first.data().toString(16) + " strb=0x";
        assertEquals("FAIL first mismatch at cycle " + first.cycle() + " memory mem w: expected " + addr
                + first.strobe().xor(BigInteger.ONE).toString(16) + " actual " + addr + first.strobe().toString(16)
                + " (seed " + SEED + ")", r.summaryLine());
    }

    @Test
    void wLastOnTheWrongBeatIsAProtocolFailure(@TempDir Path dir) throws IOException {
        Path fixture = Fixtures.dir("dma");
        Files.writeString(dir.resolve("dma_copy.v"), Files.readString(fixture.resolve("dma_copy.v"))
                .replace("assign mem_w_last   = (cnt == len);", "assign mem_w_last   = (cnt == 4'd0);"));
        Files.copy(fixture.resolve("dma_copy.manifest.json"), dir.resolve("dma_copy.manifest.json"));
        Manifest early = ManifestReader.read(dir.resolve("dma_copy.manifest.json"));
        Stimulus s = DmaGolden.randomStimulus(6, SEED);
        VerifyResult r = Verifier.verify(early, new DmaGolden(), s);
        assertFalse(r.passed());
        WriteEvent firstOfLongBurst = r.rtl().trace().writes().stream().filter(w -> w instanceof WriteEvent.Address a && a.len() > 0)
                .findFirst().orElseThrow();
        WriteEvent beat = r.rtl().trace().writes().stream().filter(w -> w instanceof WriteEvent.Data
                && w.cycle() > firstOfLongBurst.cycle()).findFirst().orElseThrow();
        assertEquals("FAIL protocol at cycle " + beat.cycle() + " memory mem: W beat 0 of a "
                + (((WriteEvent.Address) firstOfLongBurst).len() + 1) + "-beat burst has w_last 1 (seed " + SEED + ")",
                r.summaryLine());
    }

    @Test
    void cocotbAgreesUnderTheSameStress(@TempDir Path dir) {
        System.out.println("seed=" + SEED);
        Stimulus s = DmaGolden.randomStimulus(5, SEED);
        Trace golden = new DmaGolden().run(s);
        CocotbResult r = CocotbRunner.run(Fixtures.manifest("dma", "dma_copy"), new DmaGolden(), s,
                new RunLimits(4, 20, 200_000), dir);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.log());
        assertEquals(golden, r.actual());
    }
}
