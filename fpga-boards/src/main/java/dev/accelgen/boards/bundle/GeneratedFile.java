package dev.accelgen.boards.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One file of a bundle: a path relative to the bundle root, its bytes, and whether it is an executable script. */
public record GeneratedFile(String path, byte[] bytes, boolean executable) {
    public GeneratedFile {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("path = '" + path + "' must be relative, inside the bundle, with / separators");
        }
        bytes = bytes.clone();
    }

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static GeneratedFile script(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), true);
    }

    public static GeneratedFile binary(String path, byte[] bytes) {
        return new GeneratedFile(path, bytes, false);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedFile f && f.path.equals(path) && Arrays.equals(f.bytes, bytes) && f.executable == executable;
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes" + (executable ? ", executable" : "") + ")";
    }
}
