package dev.accelgen.pe.ternary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted bug the old harness could not see: the accumulator updated on every cycle instead of only on
 * valid ones. With idle inputs driven as 0 it adds 0 and passes; with junk on idle inputs (the default
 * stress of {@code pe verify}) its first result is wrong. Seed: -Daccelgen.seed=N (default 5).
 */
class TernaryValidGateTest {
    private static final long SEED = Long.getLong("accelgen.seed", 5);
    private static final String GATED = "if (tree_valid) begin\n                acc <= ";

    @Test
    void anAccumulatorWithoutItsValidGateFailsUnderJunk(@TempDir Path dir) throws IOException {
        System.out.println("seed=" + SEED);
        for (TernaryConfig c : List.of(new TernaryConfig(7, 8, Packing.BASE3), new TernaryConfig(5, 4, Packing.TWO_BIT))) {
            Manifest ungated = emitWithoutGate(c, dir.resolve(c.moduleName()));
            Stimulus work = idleFirst(new TernaryKind().randomWork(c, 10, SEED));
            TernaryGolden golden = new TernaryGolden(c);

            VerifyResult calm = Verifier.verify(ungated, golden, StressProfile.NONE.apply(work));
            assertTrue(calm.passed(), "the blind spot: with idle inputs at 0 the bug adds 0, " + calm.summaryLine());

            Stimulus stressed = StressProfile.DEFAULT.apply(work);
            VerifyResult r = Verifier.verify(ungated, golden, stressed);
            System.out.println(c.moduleName() + " without its valid gate: " + r.summaryLine());
            OutputEvent first = golden.run(stressed).events().get(0);
            String expected = "FAIL first mismatch at cycle " + first.cycle() + " stream out port out: expected "
                    + first.values().get("out") + " actual ";
            assertTrue(r.summaryLine().startsWith(expected) && r.summaryLine().endsWith(" (seed " + SEED + ")"),
                    c + ": " + r.summaryLine());
            String actual = r.summaryLine().substring(expected.length(), r.summaryLine().indexOf(" (seed"));
            assertTrue(!actual.equals(first.values().get("out").toString()), r.summaryLine());

            VerifyResult good = Verifier.verify(Hdl.elaborate(new TernaryUnit(), c), dir.resolve("good_" + c.moduleName()),
                    golden, stressed);
            assertEquals("PASS", good.summaryLine().substring(0, 4), good.summaryLine());
        }
    }

    /** The unit's Verilog with the accumulator's valid gate replaced by a constant 1. */
    private static Manifest emitWithoutGate(TernaryConfig c, Path dir) throws IOException {
        Path manifest = Hdl.elaborate(new TernaryUnit(), c).emit(dir);
        Path v = dir.resolve(c.moduleName() + ".v");
        String text = Files.readString(v);
        assertTrue(text.contains(GATED), "the accumulator's gate is no longer emitted as '" + GATED + "'");
        Files.writeString(v, text.replace(GATED, "if (1'b1) begin\n                acc <= "));
        return ManifestReader.read(manifest);
    }

    /** Three idle cycles before the first beat, so the first result already spans idle cycles. */
    private static Stimulus idleFirst(Stimulus s) {
        List<Beat> beats = new ArrayList<>(s.stream("in").beats());
        beats.set(0, new Beat(3, beats.get(0).values()));
        return new Stimulus(List.of(new StreamStimulus("in", beats)), s.seed(), s.statics(), s.memories(), s.stress());
    }
}
