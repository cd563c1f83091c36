package dev.accelgen.sim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file accelgen writes into every output directory, {@value #FILE}: a header line and every entry it wrote
 * (relative paths, '/'-separated, directories with a trailing '/', sorted). {@link OutputDir} replaces a
 * directory only when it holds this file and nothing that is not listed in it.
 */
public final class OutputMarker {
    public static final String FILE = ".accelgen-output";
    static final String HEADER = "accelgen output: accelgen wrote every entry below; with --force it may replace this"
            + " directory, as long as it holds nothing else";

    private OutputMarker() {
    }

    /** Lists what {@code dir} holds into its marker file (written last, deterministic). */
    static void write(Path dir) {
        try {
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            lines.addAll(entries(dir));
            Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries the marker of {@code dir} lists, or empty when there is no marker. */
    static Optional<List<String>> read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Optional.empty();
        }
        return Optional.of(lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty()).toList());
    }

    /** Every entry below {@code dir} except the marker, as the marker lists them. */
    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir) && !p.equals(dir.resolve(FILE)))
                    .map(p -> {
                        String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? rel + "/" : rel;
                    })
                    .sorted()
                    .toList();
        }
    }
}
