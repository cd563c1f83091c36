package dev.accelgen.boards.kernel;

/**
 * A kernel argument: a 64-bit pointer to a buffer of {@code bytes} bytes.
 * {@code layout} says how the bytes are arranged ("int8 row-major 4x8"), for READMEs and golden.json.
 */
public record KernelArg(String name, ArgDir dir, long bytes, String layout) {
    public KernelArg {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name = '" + name + "' is not an argument name, must match [a-z][a-z0-9_]*");
        }
        if (bytes < 1 || bytes > (1L << 28)) {
            throw new IllegalArgumentException("bytes = " + bytes + " out of range for argument " + name
                    + ", must be 1..268435456 (one 256 MiB HBM pseudo-channel)");
        }
    }
}
