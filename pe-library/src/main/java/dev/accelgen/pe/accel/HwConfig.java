package dev.accelgen.pe.accel;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One accelerator configuration (the content of {@code hw.json}): everything that decides the RTL. A
 * compiled program names the SHA-256 of this configuration's canonical JSON ({@link HwConfigJson}), so one
 * bitstream serves every model whose operations it supports.
 *
 * @param name            readable name (part of the top module's name)
 * @param lanes           V: Fx elements per ABUF word, a power of two in 4..64
 * @param abufWords       ABUF depth in words
 * @param sbufWords       SBUF depth in 32-bit entries
 * @param wbufWords       depth of each of the two WBUF banks, in words of {@code ports * portBits} bits
 * @param ports           AXI4 master ports (1..32); weight loads stripe over all of them
 * @param portBits        data width of every port: 64, 128, 256 or 512
 * @param matrixUnits     the matrix units; {@code MM unit=i} runs on entry i (at most 8)
 * @param vectorOps       the vector-unit instructions this configuration implements
 * @param maxRowElems     longest activation row an MM or a broadcast operand may have (multiple of lanes)
 * @param maxHeadDim      longest attention head, at most maxRowElems
 * @param maxKeyTile      most keys one VATTN instruction may cover
 * @param queueDepth      entries of each instruction queue
 * @param imemWords       instruction memory capacity (256-bit instructions)
 * @param maxBurst        longest AXI burst in beats (power of two, <= 256)
 * @param maxOutstanding  AXI read bursts in flight per port
 */
public record HwConfig(String name, int lanes, int abufWords, int sbufWords, int wbufWords, int ports, int portBits,
                       List<MatrixUnitSpec> matrixUnits, Set<Opcode> vectorOps, int maxRowElems, int maxHeadDim,
                       int maxKeyTile, int queueDepth, int imemWords, int maxBurst, int maxOutstanding) {
    public static final Set<Opcode> ALL_VECTOR_OPS = EnumSet.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VACT,
            Opcode.VRMSNORM, Opcode.VLAYERNORM, Opcode.VSOFTMAX, Opcode.VATTN, Opcode.VROPE, Opcode.VMLGRU, Opcode.VTOPK,
            Opcode.VSCATTER, Opcode.VROWSCALE, Opcode.VCOPY);

    public HwConfig {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new ConfigError("hw.json name", "must match [a-z][a-z0-9_]{0,39} (got " + name + ")");
        }
        if (lanes < 4 || lanes > 64 || Integer.bitCount(lanes) != 1) {
            throw bad("lanes", "a power of two in 4..64", lanes);
        }
        range("abufWords", abufWords, 16, 1 << 20);
        range("sbufWords", sbufWords, 16, 1 << 16);
        range("wbufWords", wbufWords, 2, 1 << 16);
        range("ports", ports, 1, 32);
        if (portBits != 64 && portBits != 128 && portBits != 256 && portBits != 512) {
            throw bad("portBits", "64, 128, 256 or 512", portBits);
        }
        matrixUnits = List.copyOf(matrixUnits);
        if (matrixUnits.size() > 8) {
            throw bad("matrixUnits", "at most 8 units", matrixUnits.size());
        }
        vectorOps = vectorOps.isEmpty() ? EnumSet.noneOf(Opcode.class) : EnumSet.copyOf(vectorOps);
        for (Opcode o : vectorOps) {
            if (!ALL_VECTOR_OPS.contains(o)) {
                throw new ConfigError("hw.json vectorOps", o + " is not a vector instruction");
            }
        }
        if (maxRowElems < lanes || maxRowElems % lanes != 0 || maxRowElems > 65536) {
            throw bad("maxRowElems", "a multiple of lanes " + lanes + " up to 65536", maxRowElems);
        }
        range("maxHeadDim", maxHeadDim, 2, maxRowElems);
        range("maxKeyTile", maxKeyTile, 1, 65536);
        range("queueDepth", queueDepth, 2, 64);
        range("imemWords", imemWords, 16, 1 << 16);
        if (maxBurst < 1 || maxBurst > 256 || Integer.bitCount(maxBurst) != 1) {
            throw bad("maxBurst", "a power of two in 1..256", maxBurst);
        }
        range("maxOutstanding", maxOutstanding, 1, 64);
    }

    /** Bits of one WBUF word: one port word from every port. */
    public int wbufWordBits() {
        return ports * portBits;
    }

    /** Bits of one ABUF word. */
    public int abufWordBits() {
        return lanes * 32;
    }

    public int portBytes() {
        return portBits / 8;
    }

    public boolean supports(Opcode o) {
        return !ALL_VECTOR_OPS.contains(o) || vectorOps.contains(o);
    }

    private static void range(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw bad(field, min + ".." + max, v);
        }
    }

    private static ConfigError bad(String field, String want, long got) {
        return new ConfigError("hw.json " + field, "must be " + want + " (got " + got + ")");
    }
}
