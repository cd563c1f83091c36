package dev.accelgen.cli.report;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.boards.model.Slr;
import dev.accelgen.reports.data.BoardInfo;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.Resources;

/** A board from fpga-boards as report data: the budget of one SLR and the peak of one memory group. */
public final class BoardFacts {
    private BoardFacts() {
    }

    /**
     * The budget of {@code slr} (the whole device on a one-SLR board) and the total bandwidth of the memory group
     * {@code memory} (all its banks).
     */
    public static BoardInfo of(Board board, Slr slr, MemoryGroup memory) {
        var b = slr.budget();
        Resources budget = new Resources(b.lut(), b.ff(), b.dsp(), b.bram36(), b.uram());
        String where = board.slrs().size() == 1 ? "" : ", " + slr.name() + " budget";
        return new BoardInfo(board.name(), board.part(), budget, memory.name() + ", " + memory.banks() + " x "
                + memory.bankGbps() + " GB/s", memory.banks() * memory.bankGbps(),
                Provenance.specified("board data: fpga-boards " + board.name() + ".json" + where, "accelgen boards show " + board.name()));
    }

    /** The first SLR and the first memory group: the whole ZCU104 and its PS DDR4, the U280's SLR0 and its HBM. */
    public static BoardInfo of(Board board) {
        return of(board, board.slrs().get(0), board.memories().get(0));
    }
}
