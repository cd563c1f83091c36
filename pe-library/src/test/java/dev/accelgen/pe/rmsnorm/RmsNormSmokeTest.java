package dev.accelgen.pe.rmsnorm;


import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RmsNormSmokeTest {
    @Test
    void oneConfig() throws Exception {
        for (RmsNormConfig c : new RmsNormConfig[] {new RmsNormConfig(8, 2, 1), new RmsNormConfig(4, 4, 300), new RmsNormConfig(2, 1, 1)}) {
            Design d = Hdl.elaborate(new RmsNormUnit(), c);
            Path dir = Files.createTempDirectory("tern");
            Path m = d.emit(dir);
            System.out.println(dir);
            VerifyResult r = Verifier.verify(ManifestReader.read(m), new RmsNormGolden(c), RmsNormStimulus.random(c, 30, 5));
            System.out.println(r.summaryLine() + "\n" + r.detail());
            assertTrue(r.passed());
        }
    }
}

