package dev.accelgen.pe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.mlgru.MlgruKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlgruBundleTest {
    @Test
    void fiftyRandomConfigurationsMatchTheGoldenModel() throws Exception {
        List<String> failures = RandomConfigBundles.verify(new MlgruKind(), 50, 8, 2011);
        assertEquals(List.of(), failures);
    }
}
