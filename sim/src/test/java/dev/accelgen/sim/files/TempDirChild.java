package dev.accelgen.sim.files;

import java.nio.file.Path;

/** A run that creates a temporary directory in args[0], prints its path and waits to be signalled. */
public final class TempDirChild {
    private TempDirChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        TempDir t = TempDir.in(Path.of(args[0]), "child");
        System.out.println(t.path());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
