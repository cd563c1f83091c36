package dev.accelgen.sim.files;

import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The output policy of every command that writes a directory. accelgen never deletes or overwrites anything it
 * did not create:
 * <ul>
 * <li>the target must be new, an empty directory, or (with {@code force}) an earlier accelgen output: a directory
 *     holding the {@link OutputMarker} and nothing the marker does not list;</li>
 * <li>an empty path, the file-system root, the home directory, the current directory and its ancestors are
 *     refused even with {@code force};</li>
 * <li>the output is written into a {@link TempDir} beside the target and renamed into place only when complete,
 *     so a failure leaves nothing behind (parent directories created for it are removed again);</li>
 * <li>every refusal and every write failure is an {@link OutputPathError}: one line, exit status 2.</li>
 * </ul>
 */
public final class OutputDir {
    private OutputDir() {
    }

    /**
     * Refuses a target the policy does not allow; commands call it before expensive work. Returns the absolute target.
     *
     * @param option the option that named the target, for messages ("--out")
     */
    public static Path check(Path target, String option, boolean force) {
        String input = option + " " + target;
        if (target.toString().isBlank()) {
            throw new OutputPathError(option, "the path is empty; give a new directory");
        }
        Path abs = target.toAbsolutePath().normalize();
        refuseProtected(abs, input);
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            refuseUnwritable(abs, input);
            return abs;
        }
        if (Files.isSymbolicLink(abs)) {
            throw new OutputPathError(input, "is a symbolic link; give a new directory");
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathError(input, "is a file, not a directory; give a new directory");
        }
        Optional<List<String>> listed = listing(abs, input);
        List<String> foreign = foreignEntries(abs, listed, input);
        if (!foreign.isEmpty()) {
            throw new OutputPathError(input, (listed.isPresent() ? "holds an earlier accelgen output and files accelgen did not write ("
                    : "is a directory with files accelgen did not write (") + foreign.get(0)
                    + "); move them away or give a new directory");
        }
        if (listed.isPresent() && !force) {
            throw new OutputPathError(input, "holds an earlier accelgen output; give --force to replace it");
        }
        return abs;
    }

    /**
     * Writes a directory under the policy: {@code writer} fills a temporary directory, which then replaces the
     * target. Returns the absolute target.
     */
    public static Path write(Path target, String option, boolean force, Consumer<Path> writer) {
        Path abs = check(target, option, force);
        String input = option + " " + target;
        List<Path> createdParents = createParents(abs.getParent(), input);
        boolean placed = false;
        try (TempDir tmp = besideOrFail(abs, createdParents, input)) {
            try {
                writer.accept(tmp.path());
                OutputMarker.write(tmp.path());
            } catch (UncheckedIOException e) {
                if (FileErrors.isEnvironmental(e.getCause(), tmp.path())) {
                    throw new OutputPathError(input, "cannot write (" + FileErrors.reason(e.getCause()) + ")", e);
                }
                throw e;
            }
            check(target, option, force); // again: the target may have changed while the output was written
            place(tmp.path(), abs, input);
            placed = true;
            return abs;
        } finally {
            if (!placed) {
                removeEmpty(createdParents);
            }
        }
    }

    private static TempDir besideOrFail(Path abs, List<Path> createdParents, String input) {
        try {
            return TempDir.beside(abs);
        } catch (IOException e) {
            removeEmpty(createdParents);
            throw new OutputPathError(input, "cannot write (" + FileErrors.reason(e) + ")", e);
        }
    }

    /** A new target whose nearest existing ancestor is a file or cannot be written fails now, before any work. */
    private static void refuseUnwritable(Path abs, String input) {
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new OutputPathError(input, "cannot write (" + p + " is a file)");
        }
        // A probe, not Files.isWritable: root passes access(2) on file systems that still refuse it (/sys).
        try {
            Files.delete(Files.createTempDirectory(p, ".accelgen-probe"));
        } catch (IOException e) {
            throw new OutputPathError(input, "cannot write (" + FileErrors.reason(e) + ")", e);
        }
    }

    private static void refuseProtected(Path abs, String input) {
        if (abs.getParent() == null) {
            throw new OutputPathError(input, "is the file-system root; give a new directory");
        }
        Path real = realPath(abs);
        Path cwd = realPath(Path.of("").toAbsolutePath());
        if (cwd.startsWith(real)) {
            throw new OutputPathError(input, (real.equals(cwd) ? "is the current directory" : "contains the current directory")
                    + "; give a new directory");
        }
        if (real.equals(realPath(Path.of(System.getProperty("user.home")).toAbsolutePath()))) {
            throw new OutputPathError(input, "is your home directory; give a new directory");
        }
    }

    /** The entries the marker lists (empty: no marker). */
    static Optional<List<String>> listing(Path dir, String input) {
        try {
            return OutputMarker.read(dir);
        } catch (IOException e) {
            throw new OutputPathError(input, "cannot be read (" + FileErrors.reason(e) + "); give a new directory", e);
        }
    }

    /** The entries of {@code dir} accelgen did not write: all of them without a marker, else those it does not list. */
    static List<String> foreignEntries(Path dir, Optional<List<String>> listed, String input) {
        try {
            List<String> foreign = new ArrayList<>(OutputMarker.entries(dir));
            listed.ifPresent(l -> foreign.removeAll(new HashSet<>(l)));
            return foreign;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputPathError(input, "cannot be listed; give a new directory", e);
        }
    }

    /** Moves the finished output in; an earlier output is renamed aside first and removed once the new one is there. */
    private static void place(Path tmp, Path abs, String input) {
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                move(tmp, abs); // rename(2) fails rather than replace anything that appeared meanwhile
                return;
            }
            Optional<List<String>> listed = listing(abs, input);
            if (listed.isEmpty()) {
                Files.delete(abs); // empty when checked; fails rather than delete what appeared since
                move(tmp, abs);
                return;
            }
            TempDir aside = TempDir.reserve(abs.getParent(), "." + abs.getFileName());
            move(abs, aside.path());
            if (!foreignEntries(aside.path(), listed, input).isEmpty()) {
                move(aside.path(), abs);
                throw new OutputPathError(input, "files accelgen did not write appeared in it; move them away or give a new directory");
            }
            move(tmp, abs);
            aside.close();
        } catch (IOException e) {
            throw new OutputPathError(input, "cannot move the output into place (" + FileErrors.reason(e) + ")", e);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Creates the missing ancestors of the target; returns them, deepest first, to remove after a failure. */
    private static List<Path> createParents(Path parent, String input) {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        List<Path> created = new ArrayList<>();
        try {
            for (int i = missing.size() - 1; i >= 0; i--) {
                Files.createDirectory(missing.get(i));
                created.add(0, missing.get(i));
            }
        } catch (IOException e) {
            removeEmpty(created);
            throw new OutputPathError(input, "cannot write (" + FileErrors.reason(e) + ")", e);
        }
        if (!Files.isDirectory(parent)) {
            throw new OutputPathError(input, "cannot write (" + parent + " is a file)");
        }
        return created;
    }

    private static void removeEmpty(List<Path> dirs) {
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                return; // no longer empty: something else uses it now
            }
        }
    }

    /** The real path of {@code abs}: links resolved in the part that exists. */
    private static Path realPath(Path abs) {
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
