package dev.accelgen.boards.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standard accelerator interface every bundle is built around (Vitis RTL kernel rules):
 * clock {@code ap_clk}, active-low reset {@code ap_rst_n}, AXI4-Lite slave {@code s_axi_control} with the
 * Vitis register map (64-bit pointers from 0x10, 0xC apart; 32-bit scalars after them, 0x8 apart; then a read-only
 * status word), AXI4 masters {@code dataBits} wide with 64-bit addresses (one {@code m_axi_gmem} that every pointer
 * argument uses, or one per argument: a compiled accelerator's {@code m_axi_gmem<p>} per memory port), and the interrupt output {@code interrupt} (UG1393 names it so; Verilator's -Wall lint
 * flags that one name as a C++ word, SYMRSVDWORD, and the lint checks accept exactly that warning on that port).
 */
public record KernelSpec(String top, List<KernelArg> args, int dataBits, List<String> masters, List<String> scalars) {
    public static final String CONTROL = "s_axi_control";
    public static final String MASTER = "m_axi_gmem";
    public static final String INTERRUPT = "interrupt";
    public static final int FIRST_ARG_OFFSET = 0x10;
    /** A 64-bit pointer takes two data words and one reserved word. */
    public static final int POINTER_STRIDE = 0xC;
    /** A 32-bit scalar takes one data word and one reserved word. */
    public static final int SCALAR_STRIDE = 0x8;

    /** One master {@value #MASTER} for every argument, no scalars (the GEMM kernel). */
    public KernelSpec(String top, List<KernelArg> args, int dataBits) {
        this(top, args, dataBits, List.of(MASTER), List.of());
    }

    public KernelSpec {
        if (top == null || !top.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("top = '" + top + "' is not a kernel name, must match [a-z][a-z0-9_]*");
        }
        if (args.isEmpty() || args.size() > 16) {
            throw new IllegalArgumentException("args has " + args.size() + " entries, must be 1..16");
        }
        if (dataBits != 32 && dataBits != 64 && dataBits != 128 && dataBits != 256 && dataBits != 512) {
            throw new IllegalArgumentException("dataBits = " + dataBits + " out of range, must be 32, 64, 128, 256 or 512");
        }
        Set<String> names = new HashSet<>();
        for (KernelArg a : args) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("args: '" + a.name() + "' appears twice");
            }
        }
        if (masters.size() != 1 && masters.size() != args.size()) {
            throw new IllegalArgumentException("masters has " + masters.size() + " entries, must be 1 or one per argument ("
                    + args.size() + ")");
        }
        for (String sc : scalars) {
            if (!names.add(sc)) {
                throw new IllegalArgumentException("scalars: '" + sc + "' is also an argument or appears twice");
            }
        }
        args = List.copyOf(args);
        masters = List.copyOf(masters);
        scalars = List.copyOf(scalars);
    }

    /** The AXI master an argument's buffer is reached through. */
    public String master(KernelArg arg) {
        return masters.size() == 1 ? masters.get(0) : masters.get(args.indexOf(arg));
    }

    /** Byte offset of a 32-bit scalar register: after the pointers, 0x8 apart (data word, reserved word). */
    public int scalarOffset(int i) {
        return FIRST_ARG_OFFSET + POINTER_STRIDE * args.size() + SCALAR_STRIDE * i;
    }

    /** The read-only status word after the last register (0x34 for three pointers and no scalars). */
    public int statusOffset() {
        return scalarOffset(scalars.size());
    }

    /** Byte offset of an argument's low address word in the control register map. */
    public int offset(KernelArg arg) {
        int i = args.indexOf(arg);
        if (i < 0) {
            throw new IllegalArgumentException("argument " + arg.name() + " is not an argument of " + top);
        }
        return FIRST_ARG_OFFSET + POINTER_STRIDE * i;
    }

    public List<KernelArg> inputs() {
        return args.stream().filter(a -> a.dir() == ArgDir.IN).toList();
    }

    public List<KernelArg> outputs() {
        return args.stream().filter(a -> a.dir() == ArgDir.OUT).toList();
    }

    public String instanceName() {
        return top + "_1";
    }
}
