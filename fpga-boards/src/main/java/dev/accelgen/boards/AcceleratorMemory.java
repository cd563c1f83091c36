package dev.accelgen.boards;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.pe.accel.MemoryTarget;

/**
 * The memory an accelerator's AXI4 masters reach on a board: the board's first memory group (boards list their
 * accelerator memory first), with the port count and width its interconnect offers.
 * <ul>
 *   <li>memory behind a processing-system port ({@code via}, ZCU104's PS DDR4): the Zynq UltraScale+ high-performance
 *       slave ports S_AXI_HP0..3_FPD, four ports of 128 bits, each reaching the whole memory;</li>
 *   <li>HBM (U280): one 256-bit port per pseudo-channel, each reaching its own bank;</li>
 *   <li>other platform DDR: one 512-bit port per bank.</li>
 * </ul>
 */
public final class AcceleratorMemory {
    /** Zynq UltraScale+ HP slave ports from the fabric into the PS DDR. */
    static final int ZYNQ_HP_PORTS = 4;
    static final int ZYNQ_HP_BITS = 128;
    static final int HBM_CHANNEL_BITS = 256;
    static final int DDR_BITS = 512;

    private AcceleratorMemory() {
    }

    public static MemoryTarget of(Board b) {
        MemoryGroup m = b.memories().get(0);
        long mib = 1L << 20;
        if (m.via() != null) {
            return new MemoryTarget(b.name(), m.name(), ZYNQ_HP_PORTS, ZYNQ_HP_BITS, m.totalMib() * mib);
        }
        int bits = m.kind().equals("hbm") ? HBM_CHANNEL_BITS : DDR_BITS;
        return new MemoryTarget(b.name(), m.name(), Math.min(32, m.banks()), bits, m.bankMib() * mib);
    }
}
