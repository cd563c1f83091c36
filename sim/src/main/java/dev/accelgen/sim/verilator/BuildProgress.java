package dev.accelgen.sim.verilator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints "still building" to stderr every 15 s of a long Verilator build, so a terminal never looks hung. */
final class BuildProgress implements AutoCloseable {
    private static final long PERIOD_SECONDS = 15;
    private final ScheduledExecutorService timer;

    private BuildProgress(String top) {
        long start = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accelgen-build-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> System.err.printf("accelgen: still building %s (%d s)%n", top,
                (System.nanoTime() - start) / 1_000_000_000L), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    static BuildProgress start(String top) {
        return new BuildProgress(top);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
