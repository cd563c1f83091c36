package dev.accelgen.pe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.ternary.TernaryKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TernaryBundleTest {
    @Test
    void fiftyRandomConfigurationsMatchTheGoldenModel() throws Exception {
        List<String> failures = RandomConfigBundles.verify(new TernaryKind(), 50, 12, 2027);
        assertEquals(List.of(), failures);
    }
}
