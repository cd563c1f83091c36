package dev.accelgen.sim.files;

import dev.accelgen.sim.tools.ScratchDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shutdown hook: on a normal exit, Ctrl-C (SIGINT) or SIGTERM it removes every temporary directory still
 * registered, then runs the final actions (releasing the run lock). A SIGKILL skips it; the next run's sweep
 * removes what is left ({@link TempDir}).
 */
final class Cleanup {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final List<Runnable> LAST = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::run, "accelgen-cleanup"));
    }

    private Cleanup() {
    }

    static void register(Path dir) {
        LIVE.add(dir);
    }

    static void unregister(Path dir) {
        LIVE.remove(dir);
    }

    static void atLast(Runnable action) {
        LAST.add(action);
    }

    private static void run() {
        for (Path p : LIVE) {
            ScratchDirs.deleteQuietly(p);
        }
        for (Runnable r : LAST) {
            r.run();
        }
    }
}
