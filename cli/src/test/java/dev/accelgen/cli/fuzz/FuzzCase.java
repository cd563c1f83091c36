package dev.accelgen.cli.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One command line of the fuzz corpus.
 *
 * @param output the directory the command may write when it succeeds (null: it writes nothing)
 */
record FuzzCase(List<String> args, Path output) {
    static FuzzCase of(Path output, String... args) {
        return new FuzzCase(List.of(args), output);
    }

    @Override
    public String toString() {
        return "accelgen " + String.join(" ", args.stream().map(a -> a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a).toList());
    }
}
