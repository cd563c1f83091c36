package dev.accelgen.boards.shell;

import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.errors.ConfigError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The Vitis-style control slave: one 64-bit pointer register per argument (from 0x10, 0xC apart), then one 32-bit
 * scalar register per scalar (0x8 apart: data word and reserved word, as Vitis lays out 32-bit scalars), then a
 * read-only status word of {@code statusBits} bits (the GEMM kernel's: bit 0 an AXI read returned an error, bit 1 a
 * write did).
 */
public record ControlConfig(List<String> args, List<String> scalars, int statusBits) {
    /** Pointers only, a two-bit status word. */
    public ControlConfig(List<String> args) {
        this(args, List.of(), 2);
    }

    public ControlConfig {
        if (args.isEmpty() || args.size() > 16) {
            throw new ConfigError("", "args has " + args.size() + " entries, must be 1..16");
        }
        if (scalars.size() > 16) {
            throw new ConfigError("", "scalars has " + scalars.size() + " entries, must be 0..16");
        }
        if (statusBits < 1 || statusBits > 32) {
            throw new ConfigError("", "statusBits = " + statusBits + " out of range, must be 1..32");
        }
        List<String> all = new ArrayList<>(args);
        all.addAll(scalars);
        if (new HashSet<>(all).size() != all.size()) {
            throw new ConfigError("", (scalars.isEmpty() ? "args " : "args and scalars ") + all + " contain a name twice");
        }
        for (String a : all) {
            if (!a.matches("[a-z][a-z0-9_]*")) {
                throw new ConfigError("", "arg name '" + a + "' must match [a-z][a-z0-9_]*");
            }
        }
        args = List.copyOf(args);
        scalars = List.copyOf(scalars);
    }

    public int argOffset(int i) {
        return KernelSpec.FIRST_ARG_OFFSET + KernelSpec.POINTER_STRIDE * i;
    }

    public int scalarOffset(int i) {
        return argOffset(args.size()) + KernelSpec.SCALAR_STRIDE * i;
    }

    /** The status register follows the last scalar's (or argument's) reserved word. */
    public int statusOffset() {
        return scalarOffset(scalars.size());
    }

    /** Address bits decoded: enough for the status register. */
    public int addrBits() {
        int bits = 5;
        while ((1 << bits) < statusOffset() + 4) {
            bits++;
        }
        return bits;
    }
}
