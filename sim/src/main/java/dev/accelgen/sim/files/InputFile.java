package dev.accelgen.sim.files;

import dev.accelgen.errors.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Reads a file the user named (a model, a config, a board description) whole, after checking what it is and how
 * big it is, so a wrong path or a huge file is a one-line user error instead of an exception or an
 * OutOfMemoryError. {@code error} makes the caller's kind of error from (input, problem).
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * @param maxBytes  the size limit, stated in the message when exceeded
     * @param raiseHint how to raise the limit, or "" when it cannot be raised
     */
    public static byte[] read(Path file, long maxBytes, String raiseHint, BiFunction<String, String, ? extends UserInputException> error) {
        String input = file.toString();
        if (Files.isDirectory(file)) {
            throw error.apply(input, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw error.apply(input, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw error.apply(input, "is not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw error.apply(input, String.format(Locale.ROOT, "is %,d bytes, more than the limit of %,d bytes%s", size,
                        maxBytes, raiseHint.isEmpty() ? "" : " (" + raiseHint + ")"));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw error.apply(input, "cannot read the file (" + FileErrors.reason(e) + ")");
        }
    }

    /** A third of the Java heap, at most {@code cap}: what one input file may take so its parse still fits. */
    public static long heapShare(long cap) {
        return Math.min(cap, Runtime.getRuntime().maxMemory() / 3);
    }
}
