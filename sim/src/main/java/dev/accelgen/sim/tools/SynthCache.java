package dev.accelgen.sim.tools;

import dev.accelgen.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Yosys cell tables cached by content, beside the Verilator builds: {@code <cache>/yosys/<key>.cells}, the key the
 * SHA-256 of the Yosys version, the script and every source file's name and bytes. Synthesis is deterministic, so
 * the same inputs give the same table; an entry appears by an atomic rename and is never modified, so concurrent
 * runs and nodes sharing the cache over NFS are safe. A broken entry is ignored (and synthesized again).
 */
final class SynthCache {
    private SynthCache() {
    }

    static Path root() {
        return VerilatorBuild.cacheBase().resolve("yosys");
    }

    static String key(String version, String script, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(version, script)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Path f : files) {
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synthesis sources", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cell table of {@code key}, if cached. */
    static Optional<Map<String, Integer>> get(String key) {
        Path entry = root().resolve(key + ".cells");
        try {
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (String line : Files.readAllLines(entry, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                if (f.length != 2) {
                    return Optional.empty();
                }
                cells.put(f[0], Integer.parseInt(f[1]));
            }
            return Optional.of(cells);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stores a table; a cache that cannot be written only costs the next run a synthesis. */
    static void put(String key, Map<String, Integer> cells) {
        StringBuilder text = new StringBuilder();
        cells.forEach((cell, n) -> text.append(cell).append(' ').append(n).append('\n'));
        try {
            Files.createDirectories(root());
            Path tmp = Files.createTempFile(root(), key.substring(0, 12), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, root().resolve(key + ".cells"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // not cached
        }
    }
}
