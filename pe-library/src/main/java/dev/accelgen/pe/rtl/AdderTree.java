package dev.accelgen.pe.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A balanced tree of lossless two-operand adders, each node a named wire (so synthesis keeps one
 * carry chain per node). Optional one-bit addends are fed into the nodes as carry-ins, one per node,
 * which costs nothing on an FPGA carry chain; carries left over when the tree runs out of nodes are
 * returned to the caller.
 */
public final class AdderTree {
    private AdderTree() {
    }

    /** The sum and the carry bits that no node absorbed (still to be added). */
    public record Result(SInt sum, List<Bool> leftoverCarries) {
    }

    public static SInt sum(ModuleBuilder b, String prefix, List<SInt> terms) {
        Result r = sum(b, prefix, terms, List.of());
        return r.sum();
    }

    public static Result sum(ModuleBuilder b, String prefix, List<SInt> terms, List<Bool> carries) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("an adder tree needs at least one term");
        }
        Deque<Bool> pending = new ArrayDeque<>(carries);
        List<SInt> level = new ArrayList<>(terms);
        int depth = 0;
        while (level.size() > 1) {
            List<SInt> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                SInt s = level.get(i).add(level.get(i + 1));
                if (!pending.isEmpty()) {
                    // x + y + c fits x + y's lossless width: max(x + y) + 1 <= 2^w - 1
                    s = s.addWrap(Bits.cat(Bool.FALSE, pending.poll()).asSInt());
                }
                next.add(b.named(prefix + "_l" + depth + "_" + (i / 2), s));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
            depth++;
        }
        return new Result(level.get(0), List.copyOf(pending));
    }
}
