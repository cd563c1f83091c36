package dev.accelgen.sim.files;

import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one directory accelgen's temporary work goes to when it has no output directory to work next to:
 * {@code $ACCELGEN_SCRATCH}, else {@code <java.io.tmpdir>/accelgen-<user>}, private to the user (0700). It holds
 * temporary directories ({@link TempDir}), the run locks that tell live runs from killed ones ({@link RunLock})
 * and the internal-error logs.
 */
public final class ScratchRoot {
    public static final String ENV = "ACCELGEN_SCRATCH";

    private ScratchRoot() {
    }

    /** The root, created on first use; a root that cannot be created or is not the user's is an output-path error. */
    public static Path get() {
        Path root = configured();
        try {
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            requireOwnDirectory(root);
        } catch (IOException e) {
            throw new OutputPathError(ENV + " " + root, "cannot create the scratch directory (" + FileErrors.reason(e)
                    + "); set " + ENV + " to a writable directory");
        }
        return root;
    }

    /** A subdirectory of the root ("runs", "logs"), created on first use. */
    static Path sub(String name) {
        Path p = get().resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new OutputPathError(ENV + " " + p, "cannot create (" + FileErrors.reason(e) + "); set " + ENV
                    + " to a writable directory");
        }
        return p;
    }

    public static Path logs() {
        return sub("logs");
    }

    private static Path configured() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "accelgen-" + user).toAbsolutePath().normalize();
    }

    /** A shared temporary directory is only used when it is a real directory (not a link) we can write. */
    private static void requireOwnDirectory(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(root)) {
            throw new OutputPathError(ENV + " " + root, "exists and is not a writable directory; set " + ENV
                    + " to a directory of yours");
        }
    }
}
