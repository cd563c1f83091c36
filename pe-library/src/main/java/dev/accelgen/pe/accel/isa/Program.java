package dev.accelgen.pe.accel.isa;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An accelerator program: its instructions, the SHA-256 of the hardware configuration it was compiled for
 * and the SHA-256 of the model (and quantization plan) it computes.
 */
public record Program(List<Instr> instrs, byte[] hwHash, byte[] modelHash) {
    public static final int HASH_BYTES = 32;
    public static final int MAX_INSTRUCTIONS = 1 << 16;

    public Program {
        instrs = List.copyOf(instrs);
        if (instrs.isEmpty() || instrs.size() > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("a program holds 1.." + MAX_INSTRUCTIONS + " instructions (got "
                    + instrs.size() + ")");
        }
        if (hwHash.length != HASH_BYTES || modelHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("hashes are " + HASH_BYTES + " bytes");
        }
        hwHash = hwHash.clone();
        modelHash = modelHash.clone();
        for (int i = 0; i < instrs.size(); i++) {
            if (instrs.get(i) instanceof ControlInstr.Branch b && b.target() >= instrs.size()) {
                throw new IllegalArgumentException("instruction " + i + " branches to " + b.target()
                        + ", past the program's end (" + instrs.size() + " instructions)");
            }
        }
    }

    @Override
    public byte[] hwHash() {
        return hwHash.clone();
    }

    @Override
    public byte[] modelHash() {
        return modelHash.clone();
    }

    public String hwHashHex() {
        return HexFormat.of().formatHex(hwHash);
    }

    public String modelHashHex() {
        return HexFormat.of().formatHex(modelHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && instrs.equals(p.instrs) && Arrays.equals(hwHash, p.hwHash)
                && Arrays.equals(modelHash, p.modelHash);
    }

    @Override
    public int hashCode() {
        return instrs.hashCode() * 31 + Arrays.hashCode(hwHash) * 7 + Arrays.hashCode(modelHash);
    }

    @Override
    public String toString() {
        return "Program[" + instrs.size() + " instructions, hw " + hwHashHex().substring(0, 12) + ", model "
                + modelHashHex().substring(0, 12) + "]";
    }
}
