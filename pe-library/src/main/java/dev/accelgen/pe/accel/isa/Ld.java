package dev.accelgen.pe.accel.isa;

/**
 * Load from off-chip memory into ABUF or a WBUF bank.
 * <ul>
 *   <li>{@code ABUF}, {@code LINEAR}: {@code rows} rows of {@code rowBytes} bytes from port {@code port};
 *       row r from byte offset {@code src + r * srcStride}, into ABUF words starting at
 *       {@code dst + r * dstStride}.</li>
 *   <li>{@code ABUF}, {@code INDIRECT}: as LINEAR but row r comes from {@code src + idx[r] * srcStride},
 *       where {@code idx} is the little-endian int32 list at byte offset {@code index} of the same port.</li>
 *   <li>{@code WBUF0}/{@code WBUF1}: {@code rows} WBUF words into the bank from word {@code dst}; word w is
 *       striped over all ports, port p supplies its bits {@code [p*portBits, (p+1)*portBits)} from its own
 *       byte offset {@code src + w * portBits/8}. {@code port}, {@code rowBytes}, {@code srcStride},
 *       {@code dstStride}, {@code index} are 0.</li>
 * </ul>
 * Completes when every word is written into the buffer.
 */
public record Ld(Deps deps, LdTarget target, LdMode mode, @Bits(6) int port, @Bits(32) Opnd src, @Bits(20) Opnd dst,
                 @Bits(16) Opnd rows, @Bits(24) int rowBytes, @Bits(32) long srcStride, @Bits(16) int dstStride,
                 @Bits(32) Opnd index) implements QueuedInstr {
    public Ld {
        if (deps.popPrev() || deps.pushPrev()) {
            throw new IllegalArgumentException("LD has no previous queue: popPrev and pushPrev must be false");
        }
        if (target != LdTarget.ABUF && (mode != LdMode.LINEAR || port != 0 || rowBytes != 0 || srcStride != 0
                || dstStride != 0 || !index.equals(Opnd.imm(0)))) {
            throw new IllegalArgumentException("LD to " + target + " is striped over every port: mode linear, and"
                    + " port, rowBytes, srcStride, dstStride and index must be 0");
        }
        if (target == LdTarget.ABUF) {
            Checks.positive("rowBytes", rowBytes);
        }
    }

    @Override
    public Queue queue() {
        return Queue.LOAD;
    }

    public enum LdTarget { ABUF, WBUF0, WBUF1 }

    public enum LdMode { LINEAR, INDIRECT }
}
