package dev.accelgen.pe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.rmsnorm.RmsNormKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RmsNormBundleTest {
    @Test
    void fiftyRandomConfigurationsMatchTheGoldenModel() throws Exception {
        List<String> failures = RandomConfigBundles.verify(new RmsNormKind(), 50, 8, 2077);
        assertEquals(List.of(), failures);
    }
}
