package dev.accelgen.pe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.mixpe.MixPeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixPeBundleTest {
    @Test
    void fiftyRandomConfigurationsMatchTheGoldenModel() throws Exception {
        List<String> failures = RandomConfigBundles.verify(new MixPeKind(), 50, 12, 2026);
        assertEquals(List.of(), failures);
    }
}
