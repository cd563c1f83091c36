package dev.accelgen.pe.ternary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TernarySmokeTest {
    @Test
    void oneConfig() throws Exception {
        for (TernaryConfig c : new TernaryConfig[] {new TernaryConfig(7, 8, Packing.BASE3), new TernaryConfig(6, 8, Packing.TWO_BIT, LaneForm.NAIVE)}) {
            Design d = Hdl.elaborate(new TernaryUnit(), c);
            Path dir = Files.createTempDirectory("tern");
            Path m = d.emit(dir);
            System.out.println(dir);
            VerifyResult r = Verifier.verify(ManifestReader.read(m), new TernaryGolden(c), TernaryStimulus.random(c, 20, 5));
            System.out.println(r.summaryLine() + "\n" + r.detail());
            assertTrue(r.passed());
        }
    }
}
