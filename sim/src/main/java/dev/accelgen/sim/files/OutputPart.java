package dev.accelgen.sim.files;

import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rewrites one directory inside an earlier accelgen output (the {@code report/} of a build directory), under the
 * same policy as {@link OutputDir}: the output must hold its {@link OutputMarker} and nothing the marker does not
 * list, so only what accelgen wrote is replaced; the part is written into a temporary directory beside it and
 * swapped in when complete, and the marker is written again to list what the output now holds.
 */
public final class OutputPart {
    private OutputPart() {
    }

    /**
     * @param output the earlier output ({@code input} names it in messages: "BUILD_DIR out/demo")
     * @param part   a plain directory name inside it
     * @return the part's absolute path
     */
    public static Path rewrite(Path output, String part, String input, Consumer<Path> writer) {
        if (!part.matches("[A-Za-z0-9._-]+") || part.startsWith(".")) {
            throw new IllegalArgumentException("not a plain directory name: " + part);
        }
        Path abs = output.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathError(input, "is not a directory; give the directory an accelgen command wrote");
        }
        TempDir.sweep(abs);
        Optional<List<String>> listed = OutputDir.listing(abs, input);
        if (listed.isEmpty()) {
            throw new OutputPathError(input, "is not an accelgen output (it has no " + OutputMarker.FILE + "); give the"
                    + " directory an accelgen command wrote");
        }
        List<String> foreign = OutputDir.foreignEntries(abs, listed, input);
        if (!foreign.isEmpty()) {
            throw new OutputPathError(input, "holds files accelgen did not write (" + foreign.get(0) + "); move them away first");
        }
        Path target = abs.resolve(part);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathError(input, part + " in it is not a directory; move it away first");
        }
        try (TempDir tmp = TempDir.in(abs, part)) {
            try {
                writer.accept(tmp.path());
            } catch (UncheckedIOException e) {
                if (FileErrors.isEnvironmental(e.getCause(), tmp.path())) {
                    throw new OutputPathError(input, "cannot write (" + FileErrors.reason(e.getCause()) + ")", e);
                }
                throw e;
            }
            swap(tmp.path(), target, abs, input);
        }
        OutputMarker.write(abs);
        return target;
    }

    private static void swap(Path fresh, Path target, Path abs, String input) {
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                OutputDir.move(fresh, target);
                return;
            }
            try (TempDir aside = TempDir.reserve(abs, "." + target.getFileName())) {
                OutputDir.move(target, aside.path());
                OutputDir.move(fresh, target);
            }
        } catch (IOException e) {
            throw new OutputPathError(input, "cannot move the new " + target.getFileName() + " into place ("
                    + FileErrors.reason(e) + ")", e);
        }
    }
}
