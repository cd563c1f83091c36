package dev.accelgen.compiler.backend.layout;

/**
 * A named byte region of off-chip memory. All offsets and row strides are multiples of the port width, so loads
 * and stores address them directly.
 * <ul>
 *   <li>{@code STRIPED}: weight tiles, at the same offset on every port ({@code rows} WBUF words, each port holding its
 *       {@code rowBytes} = port-width share of every word);</li>
 *   <li>{@code FIXED}: {@code rows} rows of {@code rowBytes} on {@code port} from {@code offset};</li>
 *   <li>{@code POSITIONAL}: one row per position of the context, sized at run time: row p is at
 *       {@code offset + context * prefix + p * rowBytes} ({@code prefix} = bytes per position of the port's earlier
 *       positional regions), so nothing in the program depends on the context length.</li>
 * </ul>
 *
 * @param name     unique name (plan.json and hazard tracking)
 * @param kind     how it is addressed
 * @param port     the port (0 for striped regions, which are on every port)
 * @param offset   first byte (positional: the port's positional area)
 * @param rowBytes bytes per row (a multiple of the port width, except a token-id list's 4)
 * @param rows     rows (positional: 0, the context decides)
 * @param prefix   positional only: bytes per position of the port's positional regions before this one
 * @param content  what the region holds, for plan.json
 */
public record Region(String name, Kind kind, int port, long offset, long rowBytes, long rows, long prefix, String content) {
    /** How a region is addressed. */
    public enum Kind { STRIPED, FIXED, POSITIONAL }

    /** Byte offset of row {@code r} (positional: of position {@code r} in a context of {@code context} positions). */
    public long rowOffset(long r, long context) {
        return kind == Kind.POSITIONAL ? offset + context * prefix + r * rowBytes : offset + r * rowBytes;
    }

    /** Bytes of the region, in a context of {@code context} positions. */
    public long bytes(long context) {
        return (kind == Kind.POSITIONAL ? context : rows) * rowBytes;
    }

    /** One past the last byte, in a context of {@code context} positions. */
    public long end(long context) {
        return kind == Kind.POSITIONAL ? rowOffset(context, context) : offset + rows * rowBytes;
    }
}
