package dev.accelgen.sim.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Short reasons for file-system failures, for one-line messages ("permission denied", not a class name). */
public final class FileErrors {
    private FileErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "a component of the path is a file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.equals("Not a directory") ? "a component of the path is a file" : r.toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Whether a failure to write below {@code dir}, a directory accelgen just created, is the environment's (no
     * permission, disk full, read-only file system: the user's to fix) rather than accelgen's own (a name written
     * twice, a missing parent: a bug).
     */
    public static boolean isEnvironmental(IOException e, Path dir) {
        return e instanceof FileSystemException f && f.getFile() != null && Path.of(f.getFile()).startsWith(dir)
                && !(e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                        || e instanceof DirectoryNotEmptyException || e instanceof NoSuchFileException);
    }
}
