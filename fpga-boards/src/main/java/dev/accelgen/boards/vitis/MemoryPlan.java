package dev.accelgen.boards.vitis;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.boards.model.ResourceKind;
import dev.accelgen.errors.BoardError;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the kernel's AXI master goes: a contiguous range of banks of one memory group (HBM[0:3]) and the SLR
 * to place the compute unit in (the memory's SLR, so the master does not cross SLRs). {@code slr} is null when the
 * board data does not say where the memory attaches (U280 DDR): then link.cfg names no SLR and v++ places the unit.
 */
public record MemoryPlan(MemoryGroup group, int firstBank, int lastBank, String slr) {
    public MemoryPlan {
        if (firstBank < 0 || lastBank < firstBank || lastBank >= group.banks()) {
            throw new BoardError("", "memory plan: banks " + firstBank + ".." + lastBank + " out of range for "
                    + group.name() + ", must be within 0.." + (group.banks() - 1));
        }
    }

    /** The default: the first bank of the board's first HBM group (else its first memory), in that memory's SLR. */
    public static MemoryPlan defaultFor(Board board) {
        MemoryGroup g = board.memories().stream().filter(m -> m.kind().equals("hbm")).findFirst()
                .orElse(board.memories().get(0));
        return of(board, g.name(), 0, 0, null);
    }

    /** A plan for banks first..last of memory group {@code name}; slr null means the memory's SLR, if the board knows it. */
    public static MemoryPlan of(Board board, String name, int first, int last, String slr) {
        MemoryGroup g = board.memory(name).orElseThrow(() -> new BoardError("", "memory plan: board " + board.name()
                + " has no memory '" + name + "'; memories: "
                + String.join(", ", board.memories().stream().map(MemoryGroup::name).toList())));
        String where = slr != null ? slr : g.slr();
        if (where != null && board.slr(where).isEmpty()) {
            throw new BoardError("", "memory plan: board " + board.name() + " has no " + where + "; SLRs: "
                    + String.join(", ", board.slrs().stream().map(s -> s.name()).toList()));
        }
        return new MemoryPlan(g, first, last, where);
    }

    private static final Pattern SPEC =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d{1,3})(?::(\\d{1,3}))?\\])?");

    /** A plan from the sp= syntax a user knows: "HBM[4]", "HBM[0:3]", "DDR[1]", or a single-bank memory's name. */
    public static MemoryPlan parse(Board board, String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new BoardError("", "--banks: '" + spec + "' is not a bank range; write it like HBM[0] or HBM[0:3]");
        }
        int first = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
        return of(board, m.group(1), first, last, null);
    }

    /** The sp= target: "HBM[0]", "HBM[0:3]", or a single-bank memory's name. */
    public String spTarget() {
        if (group.banks() == 1) {
            return group.name();
        }
        return group.name() + "[" + firstBank + (lastBank == firstBank ? "" : ":" + lastBank) + "]";
    }

    public List<String> bankNames() {
        return group.bankNames().subList(firstBank, lastBank + 1);
    }

    /**
     * The SLR whose budget the resource fit checks: the placement SLR, or when v++ places the unit, the SLR with
     * the fewest LUTs (the design must fit wherever it lands).
     */
    public String fitSlr(Board board) {
        if (slr != null) {
            return slr;
        }
        return board.slrs().stream().min(Comparator.comparingLong(s -> s.budget().get(ResourceKind.LUT))).orElseThrow().name();
    }

    /** The link.cfg line placing the compute unit {@code instance}, or a comment saying why there is none. */
    public String slrLine(String instance) {
        return slr != null ? "slr=" + instance + ":" + slr
                : "# no slr=: the board data does not say which SLR " + spTarget() + " attaches to; v++ places " + instance;
    }

    /**
     * The plan for a kernel with {@code masters} AXI masters, one per bank: a single-bank plan grows to that many
     * consecutive banks from its first (HBM[0] -> HBM[0:3]); a range must already have one bank per master.
     */
    public MemoryPlan forMasters(int masters) {
        if (masters <= 1 || lastBank > firstBank) {
            return this;
        }
        return new MemoryPlan(group, firstBank, firstBank + masters - 1, slr);
    }

    /** Bytes the kernel's master can reach. */
    public long reachableBytes() {
        return (lastBank - firstBank + 1) * group.bankMib() * 1024L * 1024L;
    }
}
