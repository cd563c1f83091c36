package dev.accelgen.sim.tools;

import java.util.Map;

/**
 * How the UltraScale+ cells Yosys emits are billed in Vivado's utilization report. LUT sites: a LUT1..LUT6,
 * a LUT6_2 and an INV (implemented as a LUT1, UG904) take one site each ("LUT as Logic"); a shift register
 * (SRL16E, SRLC16E, SRLC32E) one site ("LUT as Shift Register"); a distributed RAM the number of sites of its
 * configuration (UG574 / UG474 "Distributed RAM Configuration": RAM32M 4, RAM32M16 8, RAM64M8 8, ...;
 * "LUT as Distributed RAM"). Counts are before Vivado's LUT combining, which can only lower them.
 */
public final class XilinxCells {
    /** LUT sites per distributed-RAM primitive. */
    static final Map<String, Integer> DISTRIBUTED_RAM_SITES = Map.ofEntries(
            Map.entry("RAM32X1S", 1), Map.entry("RAM32X1D", 2), Map.entry("RAM32M", 4), Map.entry("RAM32M16", 8),
            Map.entry("RAM64X1S", 1), Map.entry("RAM64X1D", 2), Map.entry("RAM64M", 4), Map.entry("RAM64M8", 8),
            Map.entry("RAM128X1S", 2), Map.entry("RAM128X1D", 4), Map.entry("RAM256X1S", 4), Map.entry("RAM256X1D", 8),
            Map.entry("RAM512X1S", 8), Map.entry("RAM32X16DR8", 8), Map.entry("RAM64X8SW", 8));

    /** What a cell type is billed as. */
    public enum Kind {
        LUT_LOGIC, LUT_SHIFT_REGISTER, LUT_DISTRIBUTED_RAM, CARRY4, CARRY8, FF, DSP48E2, RAMB36, RAMB18, URAM, OTHER
    }

    private XilinxCells() {
    }

    public static Kind kind(String cell) {
        if (cell.matches("LUT[1-6]|LUT6_2|INV")) {
            return Kind.LUT_LOGIC;
        }
        if (cell.matches("SRL16E|SRLC16E|SRLC32E")) {
            return Kind.LUT_SHIFT_REGISTER;
        }
        if (DISTRIBUTED_RAM_SITES.containsKey(cell)) {
            return Kind.LUT_DISTRIBUTED_RAM;
        }
        if (cell.matches("FD[CPRS]E(_1)?")) {
            return Kind.FF;
        }
        return switch (cell) {
            case "CARRY4" -> Kind.CARRY4;
            case "CARRY8" -> Kind.CARRY8;
            case "DSP48E2" -> Kind.DSP48E2;
            case "RAMB36E2" -> Kind.RAMB36;
            case "RAMB18E2" -> Kind.RAMB18;
            case "URAM288" -> Kind.URAM;
            default -> Kind.OTHER;
        };
    }

    /** LUT sites one cell occupies (0 for cells that are not LUTs). */
    public static int lutSites(String cell) {
        return switch (kind(cell)) {
            case LUT_LOGIC, LUT_SHIFT_REGISTER -> 1;
            case LUT_DISTRIBUTED_RAM -> DISTRIBUTED_RAM_SITES.get(cell);
            default -> 0;
        };
    }
}
