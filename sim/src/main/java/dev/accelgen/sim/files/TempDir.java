package dev.accelgen.sim.files;

import dev.accelgen.errors.OutputPathError;
import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary directory named {@code <label>.accelgen-tmp-<run id>-<n>}, either under the {@link ScratchRoot} or
 * beside an output directory (same file system, so it can be renamed into place). It is removed by
 * {@link #close()}, by the shutdown hook on SIGINT/SIGTERM, and, if the run was killed outright, by the next run
 * that creates a temporary directory in the same place. It is created with the user's umask.
 */
public final class TempDir implements AutoCloseable {
    static final String MARK = ".accelgen-tmp-";
    private static final Pattern NAME = Pattern.compile(".*" + Pattern.quote(MARK) + "(\\d+-[0-9a-f]{8})-\\d+");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Path path;

    private TempDir(Path path) {
        this.path = path;
    }

    /** A new directory under the scratch root, e.g. {@code inScratch("verify")}. */
    public static TempDir inScratch(String label) {
        return in(ScratchRoot.get(), label);
    }

    /** A new directory in {@code parent} (which must exist), after removing killed runs' leftovers there. */
    public static TempDir in(Path parent, String label) {
        try {
            return create(parent, label);
        } catch (IOException e) {
            throw new OutputPathError(parent.toString(), "cannot create a temporary directory (" + FileErrors.reason(e) + ")", e);
        }
    }

    /** A new hidden directory beside {@code target}, whose parent exists. */
    static TempDir beside(Path target) throws IOException {
        return create(target.getParent(), "." + target.getFileName());
    }

    private static TempDir create(Path parent, String label) throws IOException {
        TempDir t = reserve(parent, label);
        Cleanup.register(t.path);
        try {
            Files.createDirectory(t.path);
        } catch (IOException e) {
            Cleanup.unregister(t.path);
            throw e;
        }
        return t;
    }

    /**
     * A fresh name in {@code parent}, neither created nor registered with the shutdown hook: where an earlier
     * output is renamed while its replacement moves in (a run killed in between leaves it to the next sweep).
     */
    static TempDir reserve(Path parent, String label) {
        sweep(parent);
        return new TempDir(parent.resolve(label + MARK + RunLock.id() + "-" + SEQ.incrementAndGet()));
    }

    public Path path() {
        return path;
    }

    /** Removes the directory if it is still there. */
    @Override
    public void close() {
        ScratchDirs.deleteQuietly(path);
        Cleanup.unregister(path);
    }

    /** Removes the temporary directories in {@code parent} whose runs have ended. */
    static void sweep(Path parent) {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && RunLock.ended(m.group(1))) {
                    ScratchDirs.deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // an unlistable parent fails where the directory is created, with a clearer message
        }
    }
}
