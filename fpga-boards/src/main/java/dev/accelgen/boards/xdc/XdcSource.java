package dev.accelgen.boards.xdc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A board's XDC source from the repository's constraints/ directory (shipped in the jar), split into
 * "## group: NAME" blocks keyed by the board pin name.
 */
public record XdcSource(String header, Map<String, String> groups) {
    private static final String MARK = "## group: ";

    public XdcSource {
        groups = Map.copyOf(groups);
    }

    /** The constraints/ source for a built-in board, if there is one. */
    public static Optional<XdcSource> forBoard(String boardName) {
        try (InputStream in = XdcSource.class.getResourceAsStream("/dev/accelgen/boards/constraints/" + boardName + ".xdc")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XdcSource parse(String text) {
        StringBuilder header = new StringBuilder();
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        StringBuilder current = header;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                String name = line.substring(MARK.length()).trim();
                if (groups.containsKey(name)) {
                    throw new IllegalArgumentException("XDC source: group '" + name + "' appears twice");
                }
                current = new StringBuilder();
                groups.put(name, current);
            } else {
                current.append(line).append('\n');
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, v.toString().strip() + "\n"));
        return new XdcSource(header.toString().strip() + "\n", out);
    }
}
