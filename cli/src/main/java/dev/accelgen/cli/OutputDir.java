package dev.accelgen.cli;

import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a command's output into a temporary sibling directory and moves it into place only when the
 * whole output was written, so a failed run never leaves a partial output directory behind.
 */
public final class OutputDir {
    private OutputDir() {
    }

    public static Path write(Path target, Consumer<Path> writer) {
        Path out = target.toAbsolutePath().normalize();
        try {
            Path parent = out.getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
            try {
                writer.accept(tmp);
            } catch (RuntimeException e) {
                ScratchDirs.delete(tmp);
                throw e;
            }
            Path old = null;
            if (Files.exists(out)) {
                old = Files.createTempDirectory(parent, "." + out.getFileName() + ".old-");
                Files.delete(old);
                move(out, old);
            }
            move(tmp, out);
            if (old != null) {
                ScratchDirs.delete(old);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

}
