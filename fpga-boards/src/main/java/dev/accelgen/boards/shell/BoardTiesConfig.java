package dev.accelgen.boards.shell;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardPin;
import dev.accelgen.boards.xdc.XdcGenerator;
import dev.accelgen.errors.ConfigError;

import java.util.List;
import java.util.Set;

/**
 * The board outputs a custom (non-platform) shell must hold at a constant, e.g. U280 HBM_CATTRIP low: left
 * floating, the card's satellite controller can read an HBM over-temperature and power the card down.
 *
 * @param board board name (part of the module name)
 * @param ties  output ports and their levels, in board order
 */
public record BoardTiesConfig(String board, List<Tie> ties) {
    /** One tied output: its top-level port and whether it is driven high. */
    public record Tie(String port, boolean high) {
        public Tie {
            if (port == null || !port.matches("[a-z_][a-z0-9_]*")) {
                throw new ConfigError("", "tie port = '" + port + "' must be a plain lower-case Verilog name");
            }
        }
    }

    public BoardTiesConfig {
        if (ties.isEmpty()) {
            throw new ConfigError("", "board " + board + " has no outputs to tie for this design");
        }
        ties = List.copyOf(ties);
    }

    /** The ties a custom shell using {@code usedPins} needs on {@code board} (the same pins its XDC constrains). */
    public static BoardTiesConfig forShell(Board board, Set<String> usedPins) {
        List<BoardPin> pins = XdcGenerator.tiedOutputs(board, usedPins);
        return new BoardTiesConfig(board.name(), pins.stream().map(p -> new Tie(p.port(), "high".equals(p.tie()))).toList());
    }
}
