package dev.accelgen.boards.bundle;

import dev.accelgen.boards.BoardException;
import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a bundle all-or-nothing: into a temporary directory next to the destination, then one move into place,
 * so a failure never leaves a partial output directory.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /** Fails early (before any expensive generation) when {@code out} cannot receive a bundle. */
    public static void requireFresh(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BoardException("--out " + out + ": is a file; choose a new directory");
        }
        if (Files.exists(target)) {
            boolean empty;
            try (Stream<Path> s = Files.list(target)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new BoardException("--out " + out + ": exists and cannot be listed; choose another directory");
            }
            if (!empty) {
                throw new BoardException("--out " + out + ": directory exists and is not empty; choose a new directory or remove it");
            }
        }
    }

    public static void write(List<GeneratedFile> files, Path out) {
        Path target = out.toAbsolutePath().normalize();
        requireFresh(out);
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            for (GeneratedFile f : files) {
                Path p = tmp.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.bytes());
                if (f.executable()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            if (Files.exists(target)) {
                Files.delete(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            tmp = null;
        } catch (IOException e) {
            throw new BoardException("--out " + out + ": cannot write the bundle (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the path and permissions");
        } finally {
            if (tmp != null) {
                ScratchDirs.delete(tmp);
            }
        }
    }

    /** The tree of a bundle's files as the CLI prints it ("├── rtl/" style), directories first in path order. */
    public static String tree(String root, List<GeneratedFile> files) {
        StringBuilder s = new StringBuilder(root).append('\n');
        List<String> paths = files.stream().map(GeneratedFile::path).sorted().toList();
        FileTree.render(paths, s);
        return s.toString();
    }
}
