package dev.accelgen.boards.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Off-chip memory as a group of identical banks: 32 HBM pseudo-channels HBM[0]..HBM[31], or one DDR controller.
 * {@code via} names the processing-system port that reaches it (ZCU104 PS DDR), null for platform-connected memory.
 */
public record MemoryGroup(String name, String kind, int banks, long bankMib, double bankGbps, String slr, String via) {
    public MemoryGroup {
        Check.nonBlank("name", name);
        if (!List.of("hbm", "ddr").contains(kind)) {
            throw new IllegalArgumentException("kind = '" + kind + "' is unknown, must be hbm or ddr");
        }
        Check.positive("banks", banks);
        Check.positive("bank_mib", bankMib);
        Check.positive("bank_gbps", bankGbps);
    }

    /** Vitis bank names as sp= expects them: "HBM[7]", "DDR[1]"; a single bank keeps the group name. */
    public List<String> bankNames() {
        if (banks == 1) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>(banks);
        for (int i = 0; i < banks; i++) {
            names.add(name + "[" + i + "]");
        }
        return List.copyOf(names);
    }

    public long totalMib() {
        return bankMib * banks;
    }
}
