package dev.accelgen.boards.bundle;

/**
 * What a host program compares after the runs: {@code bytes} bytes at {@code offset} in argument {@code arg}'s buffer
 * against the bundle file {@code path} (relative to the bundle root). {@code name} is what the PASS/FAIL line says.
 */
public record OutputCheck(String name, String arg, long offset, long bytes, String path) {
    public OutputCheck {
        if (offset < 0 || bytes < 1) {
            throw new IllegalArgumentException("check " + name + ": offset " + offset + " and bytes " + bytes
                    + " must be >= 0 and >= 1");
        }
    }

    /** The file name the PASS line names. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
