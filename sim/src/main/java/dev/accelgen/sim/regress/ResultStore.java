package dev.accelgen.sim.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A regression output directory: {@code results/<case>.json} per finished case, {@code shard-I-of-N.json} per
 * shard. Every file is written atomically ({@link AtomicFiles}); shards of one job array may share the
 * directory (their cases are disjoint). A non-empty directory without {@code results/} was not made by accelgen
 * and is refused, so nothing of the user's is ever overwritten.
 */
public final class ResultStore {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String RESULTS = "results";

    private final Path dir;

    private ResultStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) an output directory to write into. */
    public static ResultStore create(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new OutputPathError(abs.toString(), "is a file; --out needs a directory");
        }
        if (Files.isDirectory(abs) && !Files.isDirectory(abs.resolve(RESULTS)) && !isEmpty(abs)) {
            throw new OutputPathError(abs.toString(), "exists and is not an accelgen regress directory (no results/); "
                    + "choose a new or empty directory");
        }
        try {
            Files.createDirectories(abs.resolve(RESULTS));
        } catch (IOException e) {
            throw new OutputPathError(abs.toString(), "cannot create the directory (" + e.getMessage() + ")", e);
        }
        return new ResultStore(abs);
    }

    /** Opens an existing output directory to read (merge, calibrate). */
    public static ResultStore existing(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs.resolve(RESULTS))) {
            throw new OutputPathError(abs.toString(), "is not an accelgen regress output directory (no results/)");
        }
        return new ResultStore(abs);
    }

    public Path dir() {
        return dir;
    }

    public void write(CaseResult r) {
        AtomicFiles.write(dir.resolve(RESULTS).resolve(CaseIds.fileName(r.id())), toJson(r));
    }

    public void delete(String caseId) {
        try {
            Files.deleteIfExists(dir.resolve(RESULTS).resolve(CaseIds.fileName(caseId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(ShardManifest m) {
        AtomicFiles.write(dir.resolve(m.fileName()), toJson(m));
    }

    public void write(Partition p) {
        AtomicFiles.write(dir.resolve(Partition.fileName(p.shards())), toJson(p));
    }

    /** The partition into {@code shards} written for this suite, if any. */
    public Optional<Partition> partition(String suiteHash, int shards) {
        Path p = dir.resolve(Partition.fileName(shards));
        Partition read = Files.isRegularFile(p) ? read(p, Partition.class) : null;
        return read != null && suiteHash.equals(read.suiteHash()) && read.shards() == shards ? Optional.of(read) : Optional.empty();
    }

    /** Every stored result by case id (files that are not results, or half-written temporaries, are skipped). */
    public Map<String, CaseResult> results() {
        Map<String, CaseResult> out = new LinkedHashMap<>();
        for (Path p : list(dir.resolve(RESULTS), ".json")) {
            CaseResult r = read(p, CaseResult.class);
            if (r != null && r.id() != null && p.getFileName().toString().equals(CaseIds.fileName(r.id()))) {
                out.put(r.id(), r);
            }
        }
        return out;
    }

    public List<ShardManifest> shards() {
        List<ShardManifest> out = new ArrayList<>();
        for (Path p : list(dir, ".json")) {
            if (p.getFileName().toString().matches("shard-[0-9]+-of-[0-9]+\\.json")) {
                ShardManifest m = read(p, ShardManifest.class);
                if (m != null && ShardManifest.FORMAT.equals(m.format())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o, e);
        }
    }

    private static <T> T read(Path p, Class<T> type) {
        try {
            return JSON.readValue(p.toFile(), type);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> list(Path d, String suffix) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !AtomicFiles.isTemporary(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d, e);
        }
    }

    private static boolean isEmpty(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d, e);
        }
    }
}
