package dev.accelgen.sim.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mutation Yosys's {@code mutate -list} proposed: the command that applies it (a line of its
 * {@code -o} script), its mode (inv, const0, const1, cnot0, cnot1) and the {@code -src} locations of
 * the generated Verilog it hits ({@code file.v:line.col-line.col}).
 */
public record Mutation(int id, String command, String mode, List<String> sources) {
    private static final Pattern MODE = Pattern.compile("-mode (\\S+)");
    private static final Pattern SRC = Pattern.compile("-src (\\S+)");

    public Mutation {
        sources = List.copyOf(sources);
    }

    static Mutation parse(int id, String command) {
        Matcher mode = MODE.matcher(command);
        if (!command.startsWith("mutate ") || !mode.find()) {
            throw new IllegalArgumentException("not a Yosys mutate command: " + command);
        }
        List<String> sources = new ArrayList<>();
        Matcher src = SRC.matcher(command);
        while (src.find()) {
            sources.add(src.group(1));
        }
        return new Mutation(id, command, mode.group(1), sources);
    }

    /** What is mutated: the command's {@code -cell ... -port ... -portbit ...} (and wire) part, without sources. */
    public String target() {
        int from = command.indexOf("-cell ");
        int to = command.indexOf(" -src ");
        return from < 0 ? "" : command.substring(from, to < 0 ? command.length() : to);
    }

    /** {@code file.v:line} (file name without directories) of the first source location, or "(no source)". */
    public String location() {
        if (sources.isEmpty()) {
            return "(no source)";
        }
        String s = sources.get(0);
        int colon = s.lastIndexOf(':');
        int dot = s.indexOf('.', colon);
        String file = Path.of(s.substring(0, colon)).getFileName().toString();
        return file + (dot < 0 ? s.substring(colon) : s.substring(colon, dot));
    }

    /** The text of the hit line in the unit's sources under {@code dir}, trimmed and cut at {@code max} chars. */
    public String lineText(Path dir, int max) {
        String loc = location();
        int colon = loc.lastIndexOf(':');
        if (colon < 0) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve(loc.substring(0, colon)));
            int line = Integer.parseInt(loc.substring(colon + 1));
            String text = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
            return text.length() <= max ? text : text.substring(0, max) + "...";
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }
}
