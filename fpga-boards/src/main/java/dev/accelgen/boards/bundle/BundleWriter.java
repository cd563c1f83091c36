package dev.accelgen.boards.bundle;

import dev.accelgen.sim.files.OutputDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Writes a bundle all-or-nothing under accelgen's output policy ({@link OutputDir}): into a temporary directory
 * next to the destination, then one move into place, so a failure never leaves a partial output directory and
 * nothing accelgen did not write is replaced.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /** @param force replace an earlier accelgen output at {@code out} */
    public static void write(List<GeneratedFile> files, Path out, boolean force) {
        OutputDir.write(out, "--out", force, dir -> writeInto(files, dir));
    }

    /** Writes the files under {@code dir}, which the caller's output directory owns. */
    public static void writeInto(List<GeneratedFile> files, Path dir) {
        try {
            for (GeneratedFile f : files) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.bytes());
                if (f.executable()) {
                    // the user's umask decides group and other bits; scripts gain execute wherever read is granted
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    if (perms.contains(PosixFilePermission.GROUP_READ)) {
                        perms.add(PosixFilePermission.GROUP_EXECUTE);
                    }
                    if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                        perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    }
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
