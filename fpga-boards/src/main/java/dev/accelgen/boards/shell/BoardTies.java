package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;

/** Drives a board's must-be-constant outputs (see {@link BoardTiesConfig}); a custom shell instantiates it at its top. */
public final class BoardTies implements ModuleGen<BoardTiesConfig> {
    @Override
    public String moduleName(BoardTiesConfig c) {
        StringBuilder s = new StringBuilder("board_ties_" + c.board());
        c.ties().forEach(t -> s.append('_').append(t.port()).append(t.high() ? "_hi" : "_lo"));
        return s.toString();
    }

    @Override
    public void build(ModuleBuilder b, BoardTiesConfig c) {
        for (BoardTiesConfig.Tie t : c.ties()) {
            b.output(t.port(), Bool.type()).set(Bool.lit(t.high()));
        }
    }
}
