package dev.accelgen.hdl.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Formats a set of bit indices as Verilog-style ranges, highest first: {@code [7:4], [1]}. */
final class BitRanges {
    private BitRanges() {
    }

    static String format(BitSet bits) {
        List<String> parts = new ArrayList<>();
        int hi = bits.length() - 1;
        while (hi >= 0) {
            if (!bits.get(hi)) {
                hi--;
                continue;
            }
            int lo = hi;
            while (lo - 1 >= 0 && bits.get(lo - 1)) {
                lo--;
            }
            parts.add(hi == lo ? "[" + hi + "]" : "[" + hi + ":" + lo + "]");
            hi = lo - 1;
        }
        return String.join(", ", parts);
    }
}
