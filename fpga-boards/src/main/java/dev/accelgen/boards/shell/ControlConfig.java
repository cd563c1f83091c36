package dev.accelgen.boards.shell;

import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.errors.ConfigError;

import java.util.HashSet;
import java.util.List;

/**
 * The Vitis-style control slave: one 64-bit pointer register per argument (from 0x10, 0xC apart) and a
 * read-only status word after the last argument (bit 0: an AXI read returned an error, bit 1: a write did).
 */
public record ControlConfig(List<String> args) {
    public ControlConfig {
        if (args.isEmpty() || args.size() > 16) {
            throw new ConfigError("", "args has " + args.size() + " entries, must be 1..16");
        }
        if (new HashSet<>(args).size() != args.size()) {
            throw new ConfigError("", "args " + args + " contain a name twice");
        }
        for (String a : args) {
            if (!a.matches("[a-z][a-z0-9_]*")) {
                throw new ConfigError("", "arg name '" + a + "' must match [a-z][a-z0-9_]*");
            }
        }
        args = List.copyOf(args);
    }

    public int argOffset(int i) {
        return KernelSpec.FIRST_ARG_OFFSET + KernelSpec.POINTER_STRIDE * i;
    }

    /** The status register follows the last argument's reserved word. */
    public int statusOffset() {
        return argOffset(args.size());
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
