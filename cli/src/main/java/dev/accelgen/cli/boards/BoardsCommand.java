package dev.accelgen.cli.boards;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.BoardText;
import dev.accelgen.boards.model.Board;
import dev.accelgen.errors.OptionError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accelgen boards}: lists the built-in boards; {@code accelgen boards show NAME|board.json} prints one. */
@Command(name = "boards", mixinStandardHelpOptions = true,
        description = "List the target boards, or show one (a built-in name or a board.json file).",
        subcommands = BoardsCommand.Show.class)
public final class BoardsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        for (Board b : BoardCatalog.builtIns()) {
            spec.commandLine().getOut().println(BoardText.listLine(b));
        }
        spec.commandLine().getOut().println("Show one: accelgen boards show <name>; your own board: a board.json in the"
                + " same schema (accelgen boards show zcu104 --json prints a template).");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a board's parts, resources, clocks, reset, pins and memories.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "BOARD", description = "zcu104, u280, or a path to a board.json")
        String board;

        @picocli.CommandLine.Option(names = "--json", description = "Print the board description as JSON (built-in boards).")
        boolean json;

        @Override
        public void run() {
            Board b = BoardCatalog.resolve(board);
            if (json) {
                if (!BoardCatalog.BUILT_IN.contains(b.name()) || board.endsWith(".json")) {
                    throw new OptionError("--json", "only built-in boards have a stored description; " + board
                            + " is already a file");
                }
                spec.commandLine().getOut().print(BoardCatalog.builtInJson(b.name()));
                spec.commandLine().getOut().flush();
                return;
            }
            spec.commandLine().getOut().print(BoardText.show(b));
            spec.commandLine().getOut().flush();
        }
    }
}
