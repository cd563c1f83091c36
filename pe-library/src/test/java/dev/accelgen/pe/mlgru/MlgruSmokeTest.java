package dev.accelgen.pe.mlgru;


import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MlgruSmokeTest {
    @Test
    void oneConfig() throws Exception {
        for (MlgruConfig c : new MlgruConfig[] {new MlgruConfig(2, 6), new MlgruConfig(1, 1)}) {
            Design d = Hdl.elaborate(new MlgruUnit(), c);
            Path dir = Files.createTempDirectory("tern");
            Path m = d.emit(dir);
            System.out.println(dir);
            VerifyResult r = Verifier.verify(ManifestReader.read(m), new MlgruGolden(c), MlgruStimulus.random(c, 30, 5));
            System.out.println(r.summaryLine() + "\n" + r.detail());
            assertTrue(r.passed());
        }
    }
}

