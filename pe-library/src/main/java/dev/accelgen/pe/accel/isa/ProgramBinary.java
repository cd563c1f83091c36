package dev.accelgen.pe.accel.isa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary program format (little-endian), read by the controller from port 0:
 * <pre>
 *   0   8 bytes  magic "AGPROGRM"
 *   8   u32      format version (1)
 *   12  u32      instruction count N
 *   16  u32      instruction bytes (32)
 *   20  u32      header bytes (128)
 *   24  32 bytes SHA-256 of the hardware configuration (hw.json, canonical form)
 *   56  32 bytes SHA-256 of the model and quantization plan
 *   88  40 bytes zero
 *   128 N x 32 bytes instructions
 * </pre>
 */
public final class ProgramBinary {
    public static final byte[] MAGIC = "AGPROGRM".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 128;
    public static final int COUNT_OFFSET = 12;

    private ProgramBinary() {
    }

    public static byte[] write(Program p) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + p.instrs().size() * InstrLayout.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(p.instrs().size()).putInt(InstrLayout.BYTES).putInt(HEADER_BYTES);
        b.put(p.hwHash()).put(p.modelHash());
        b.position(HEADER_BYTES);
        for (Instr i : p.instrs()) {
            b.put(InstrCodec.encode(i));
        }
        return b.array();
    }

    /** Reads a program; a malformed file gives an {@link IllegalArgumentException} saying what is wrong. */
    public static Program read(byte[] bytes) {
        if (bytes.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not an accelgen program (no AGPROGRM header)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(8);
        if (version != VERSION) {
            throw new IllegalArgumentException("program format version " + version + " is not supported (this accelgen reads "
                    + VERSION + ")");
        }
        int n = b.getInt(COUNT_OFFSET);
        if (b.getInt(16) != InstrLayout.BYTES || b.getInt(20) != HEADER_BYTES) {
            throw new IllegalArgumentException("program header declares unexpected instruction or header sizes");
        }
        if (n < 1 || n > Program.MAX_INSTRUCTIONS || bytes.length != HEADER_BYTES + (long) n * InstrLayout.BYTES) {
            throw new IllegalArgumentException("program declares " + n + " instructions but holds "
                    + (bytes.length - HEADER_BYTES) + " bytes of them");
        }
        byte[] hw = Arrays.copyOfRange(bytes, 24, 56);
        byte[] model = Arrays.copyOfRange(bytes, 56, 88);
        List<Instr> instrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = HEADER_BYTES + i * InstrLayout.BYTES;
            try {
                instrs.add(InstrCodec.decode(Arrays.copyOfRange(bytes, at, at + InstrLayout.BYTES)));
            } catch (IllegalInstructionException e) {
                throw new IllegalArgumentException("instruction " + i + ": " + e.getMessage());
            }
        }
        return new Program(instrs, hw, model);
    }
}
