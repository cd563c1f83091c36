package dev.accelgen.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
    @Test
    void secondBuildOfTheSameDesignIsACacheHitUnderOneSecond(@TempDir Path dir) throws IOException {
        // A nonce comment makes this design new to the cache, so the first build really builds.
        String nonce = Long.toString(System.nanoTime());
        Path fixture = Fixtures.dir("mac");
        Files.writeString(dir.resolve("mac_pipe.v"), "// nonce " + nonce + "\n"
                + Files.readString(fixture.resolve("mac_pipe.v")));
        Files.copy(fixture.resolve("mac_pipe.manifest.json"), dir.resolve("mac_pipe.manifest.json"));
        Manifest m = ManifestReader.read(dir.resolve("mac_pipe.manifest.json"));

        VerilatorModel first = VerilatorModel.build(m);
        VerilatorModel second = VerilatorModel.build(m);
        System.out.println("cold build " + first.buildResult().elapsed().toMillis() + " ms, cache hit "
                + second.buildResult().elapsed().toMillis() + " ms");
        assertFalse(first.buildResult().cacheHit());
        assertTrue(second.buildResult().cacheHit());
        assertTrue(second.buildResult().elapsed().toMillis() < 1000, second.buildResult().elapsed().toString());
        assertEquals(first.buildResult().executable(), second.buildResult().executable());
        assertEquals(VerilatorBuild.cacheRoot().resolve(first.buildResult().key()).resolve("obj").resolve("sim"),
                first.buildResult().executable());

        try (var files = Files.list(first.buildResult().executable().getParent())) {
            assertEquals(List.of("sim"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(3, second.run(MacGolden.randomStimulus(3, 1, 0)).trace().events().size());

        // The key covers the RTL bytes and the flags.
        HarnessSpec spec = HarnessSpec.of(m);
        assertEquals(first.buildResult().key(), VerilatorBuild.cacheKey(spec, m.simulationSources(), BuildOptions.DEFAULT));
        assertFalse(first.buildResult().key().equals(
                VerilatorBuild.cacheKey(spec, m.simulationSources(), new BuildOptions(1, "-O2"))));
        Files.writeString(dir.resolve("mac_pipe.v"), Files.readString(dir.resolve("mac_pipe.v")) + "\n");
        assertFalse(first.buildResult().key().equals(
                VerilatorBuild.cacheKey(spec, m.simulationSources(), BuildOptions.DEFAULT)));
    }

    @Test
    void buildOptionsValidate() {
        assertEquals("cOpt must be one of -O0 -O1 -O2 -O3 -Os, got '-O9'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> new BuildOptions(1, "-O9")).getMessage());
    }
}
