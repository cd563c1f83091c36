package dev.accelgen.boards.fit;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.ResourceKind;
import dev.accelgen.boards.model.Resources;
import dev.accelgen.boards.model.Slr;
import dev.accelgen.errors.BoardError;
import dev.accelgen.sim.tools.ResourceCounts;

import java.util.Locale;

/**
 * Checks a design's estimated resources ({@code YosysSynth}, the estimate {@code pe report} prints too) against a
 * board: the device total and the budget of the SLR the design is placed in (U280 kernels go to the SLR their HBM
 * attaches to). A design that does not fit is rejected with the first resource that overflows named; one that
 * fits gets a report for the bundle.
 */
public final class ResourceFit {
    private ResourceFit() {
    }

    /**
     * What a design bills against a board budget: every LUT site (logic and memory), flip-flops, DSP48E2, block
     * RAM in whole 36 Kb blocks (two RAMB18E2 share one; an odd one rounds up) and URAM288.
     */
    public static Resources used(ResourceCounts c) {
        return new Resources(c.lut(), c.ff(), c.dsp48e2(), c.ramb36() + (c.ramb18() + 1) / 2, c.uram());
    }

    public static String check(Board board, String slrName, String design, ResourceCounts counts) {
        Resources used = used(counts);
        Slr slr = board.slr(slrName).orElseThrow(() -> new BoardError("", "board " + board.name() + " has no " + slrName));
        for (ResourceKind k : ResourceKind.values()) {
            long have = slr.budget().get(k);
            if (used.get(k) > have) {
                throw new BoardError("", String.format(Locale.ROOT,
                        "design %s does not fit board %s: %s %d > %d available in %s; use a smaller configuration",
                        design, board.name(), k.name(), used.get(k), have, slr.name()));
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("Resource estimate for ").append(design).append(" on ").append(board.name()).append(" (")
                .append(board.part()).append("), placed in ").append(slr.name()).append('\n');
        s.append("Source: Yosys synth_xilinx -family xcup -flatten; LUT = LUT as logic + LUT as memory (distributed RAM"
                + " and shift registers in LUT sites), before Vivado's LUT combining; Vivado maps differently (CARRY8),"
                + " treat as an estimate. '*' marks unverified board values.\n\n");
        s.append(String.format(Locale.ROOT, "%-8s %10s %12s %8s %12s %8s\n", "resource", "used", slr.name(), "share",
                "device", "share"));
        for (ResourceKind k : ResourceKind.values()) {
            long have = slr.budget().get(k);
            long total = board.resources().get(k);
            s.append(String.format(Locale.ROOT, "%-8s %10d %11d%s %7.2f%% %11d%s %7.2f%%\n", k.name(), used.get(k), have,
                    board.isUnverified("slrs." + slr.name() + "." + k.key()) ? "*" : " ", 100.0 * used.get(k) / have, total,
                    board.isUnverified("resources." + k.key()) ? "*" : " ", 100.0 * used.get(k) / total));
        }
        s.append(String.format(Locale.ROOT, "\nLUT as logic %d, LUT as distributed RAM %d, LUT as shift register %d,"
                + " CARRY4 %d\n", counts.lutLogic(), counts.lutDistributedRam(), counts.lutShiftRegister(), counts.carry4()));
        s.append("Yosys cells:");
        counts.cells().forEach((c, n) -> s.append(' ').append(c).append('=').append(n));
        s.append('\n');
        return s.toString();
    }
}
