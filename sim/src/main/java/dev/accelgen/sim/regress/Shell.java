package dev.accelgen.sim.regress;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting for the commands accelgen prints and writes into scripts. */
public final class Shell {
    private Shell() {
    }

    /** {@code word} as one shell word: unchanged when it has only safe characters, else single-quoted. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=+,@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
