package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.stress.Stress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output backpressure: fixtures/wide/wide_regs.v holds its result until out_ready and stalls its input
 * meanwhile; a variant that keeps taking input while its output is stalled (in_ready tied high, so a
 * stalled result is overwritten) passed when ready was always 1 and fails under the seeded ready pattern.
 * Seed: -Daccelgen.seed=N (default 602).
 */
class BackpressureTest {
    private static final long SEED = Long.getLong("accelgen.seed", 602);

    @Test
    void aUnitThatHonoursReadyPassesUnderStalls() {
        for (long seed = SEED; seed < SEED + 3; seed++) {
            System.out.println("seed=" + seed);
            Stimulus s = WideGolden.randomStimulus(seed);
            VerifyResult r = Verifier.verify(Fixtures.manifest("wide", "wide_regs"), new WideGolden(), s);
            assertTrue(r.passed(), r.summaryLine());
            assertEquals(40, r.rtl().trace().events().size());
        }
    }

    @Test
    void aUnitThatIgnoresReadyFailsUnderStalls(@TempDir Path dir) throws IOException {
        System.out.println("seed=" + SEED);
        Path fixture = Fixtures.dir("wide");
        Files.writeString(dir.resolve("wide_regs.v"), Files.readString(fixture.resolve("wide_regs.v"))
                .replace("assign in_ready  = ~full | out_ready;", "assign in_ready  = 1'b1;"));
        Files.copy(fixture.resolve("wide_regs.manifest.json"), dir.resolve("wide_regs.manifest.json"));
        Manifest ignorer = ManifestReader.read(dir.resolve("wide_regs.manifest.json"));
        Stimulus s = WideGolden.randomStimulus(SEED);

        // The blind spot of an always-ready harness: without stalls the bug is invisible.
        VerifyResult calm = Verifier.verify(ignorer, new WideGolden(), s.withStress(Stress.NONE));
        assertTrue(calm.passed(), calm.summaryLine());

        // Under stalls the first difference is the first beat the golden model holds back: the variant takes it
        // the cycle it is offered.
        Trace golden = new WideGolden().run(s);
        List<Beat> beats = s.stream("in").beats();
        long previous = -1;
        int k = 0;
        for (; k < beats.size(); k++) {
            long offered = previous + 1 + beats.get(k).idleBefore();
            long taken = golden.acceptances().get(k).cycle();
            if (taken != offered) {
                VerifyResult r = Verifier.verify(ignorer, new WideGolden(), s);
                assertEquals("FAIL input beat " + k + " of stream in accepted at cycle " + offered + ", expected " + taken
                        + " (seed " + SEED + ")", r.summaryLine());
                return;
            }
            previous = taken;
        }
        throw new AssertionError("seed " + SEED + " never stalled the input: pick a seed whose ready pattern does");
    }
}
