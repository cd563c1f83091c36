package dev.accelgen.sim.verilator;

import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One of the processes of {@link ConcurrentBuildTest}: {@code ConcurrentBuildMain <manifest> <barrier dir> <name>}
 * announces itself in the barrier directory, waits for its partner, builds the design in the cache given by
 * {@code ACCELGEN_CACHE} and prints {@code hit=<bool> exe=<path> events=<n>}.
 */
public final class ConcurrentBuildMain {
    private ConcurrentBuildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path barrier = Path.of(args[1]);
        Files.createFile(barrier.resolve(args[2]));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countFiles(barrier) < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partner process never arrived");
            }
            Thread.sleep(5);
        }
        VerilatorModel m = VerilatorModel.build(ManifestReader.read(Path.of(args[0])));
        int events = m.run(MacGolden.randomStimulus(5, 3, 0)).trace().events().size();
        System.out.println("hit=" + m.buildResult().cacheHit() + " exe=" + m.buildResult().executable() + " events=" + events);
    }

    private static long countFiles(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
