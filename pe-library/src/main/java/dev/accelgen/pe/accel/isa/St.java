package dev.accelgen.pe.accel.isa;

/**
 * Store ABUF rows to off-chip memory: {@code rows} rows of {@code rowBytes} bytes, row r from ABUF words
 * starting at {@code src + r * srcStride} to byte offset {@code dst + r * dstStride} of port {@code port}.
 * Completes when every write response has arrived, so a later load ordered after it reads the new data.
 */
public record St(Deps deps, @Bits(6) int port, @Bits(20) Opnd src, @Bits(32) Opnd dst, @Bits(16) Opnd rows,
                 @Bits(24) int rowBytes, @Bits(16) int srcStride, @Bits(32) long dstStride) implements QueuedInstr {
    public St {
        if (deps.popNext() || deps.pushNext()) {
            throw new IllegalArgumentException("ST has no next queue: popNext and pushNext must be false");
        }
        Checks.positive("rowBytes", rowBytes);
    }

    @Override
    public Queue queue() {
        return Queue.STORE;
    }
}
