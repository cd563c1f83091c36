package dev.accelgen.pe.mixpe;

import dev.accelgen.pe.ternary.*;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MixPeSmokeTest {
    @Test
    void oneConfig() throws Exception {
        for (MixPeConfig c : new MixPeConfig[] {new MixPeConfig(4, ActType.INT8, 2, 4), new MixPeConfig(3, ActType.FP16, 2, 4), new MixPeConfig(8, ActType.INT16, 4, 8, 2, MulForm.LUT_MUL), new MixPeConfig(4, ActType.FP16, 2, 4, 3, MulForm.SHIFT_ADD)}) {
            Design d = Hdl.elaborate(new MixPeUnit(), c);
            Path dir = Files.createTempDirectory("tern");
            Path m = d.emit(dir);
            System.out.println(dir);
            VerifyResult r = Verifier.verify(ManifestReader.read(m), new MixPeGolden(c), MixPeStimulus.random(c, 30, 5));
            System.out.println(r.summaryLine() + "\n" + r.detail());
            assertTrue(r.passed());
        }
    }
}
