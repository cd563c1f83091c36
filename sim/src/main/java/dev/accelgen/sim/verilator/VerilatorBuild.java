package dev.accelgen.sim.verilator;

import dev.accelgen.errors.OutputPathError;
import dev.accelgen.sim.files.FileErrors;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.progress.Progress;
import dev.accelgen.sim.progress.ProgressConsole;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.tools.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds a Verilator harness binary, cached by content: the key is the SHA-256 of every RTL file
 * (name and bytes), the harness sources, the flags and the Verilator version; the binary lives in
 * {@code ${ACCELGEN_CACHE:-$HOME/.cache/accelgen}/verilator/<key>/obj/sim}. A build happens in a
 * private temporary directory that is moved into place when complete, so a crashed or concurrent
 * build never leaves a half-built cache entry. Verilator's own runtime objects are compiled once per
 * version and optimisation level and shared ({@link RuntimeObjects}).
 */
public final class VerilatorBuild {
    /** A ready binary, whether it came from the cache, and how long getting it took. */
    public record Result(Path executable, boolean cacheHit, Duration elapsed, String key) {
    }

    private static volatile String verilatorVersion;

    private VerilatorBuild() {
    }

    /** The system property that overrides {@code ACCELGEN_CACHE} (the CLI's {@code --cache DIR} sets it). */
    public static final String CACHE_PROPERTY = "accelgen.cache";

    /**
     * {@code <cache>/verilator}, where {@code <cache>} is the {@value #CACHE_PROPERTY} system property, else
     * {@code ACCELGEN_CACHE}, else {@code ~/.cache/accelgen}. Nodes of a cluster may share it over NFS: entries
     * appear by an atomic rename and are never modified.
     */
    public static Path cacheRoot() {
        return cacheBase().resolve("verilator");
    }

    /** The cache directory as configured (without the {@code verilator} level). */
    public static Path cacheBase() {
        String prop = System.getProperty(CACHE_PROPERTY);
        String env = System.getenv("ACCELGEN_CACHE");
        String chosen = prop != null && !prop.isEmpty() ? prop : env;
        return chosen != null && !chosen.isEmpty() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".cache", "accelgen");
    }

    /** The cache key a build of these inputs would have (the SHA-256 described above). */
    public static String cacheKey(HarnessSpec spec, List<Path> rtlFiles, BuildOptions options) {
        return key(readRtl(rtlFiles), HarnessGenerator.generateMain(spec), runtimeSources(),
                options.verilatorFlags(spec.top()));
    }

    public static Result build(HarnessSpec spec, List<Path> rtlFiles, BuildOptions options) {
        long start = System.nanoTime();
        Map<String, byte[]> rtl = readRtl(rtlFiles);
        String main = HarnessGenerator.generateMain(spec);
        String runtime = runtimeSources();
        List<String> flags = options.verilatorFlags(spec.top());
        String key = key(rtl, main, runtime, flags);
        Path entry = cacheRoot().resolve(key);
        Path exe = entry.resolve("obj").resolve("sim");
        if (Files.isExecutable(exe)) {
            return new Result(exe, true, Duration.ofNanos(System.nanoTime() - start), key);
        }
        try (TempDir work = cacheWorkDir(key)) {
            Path tmp = work.path();
            removeAbandonedBuilds();
            Path rtlDir = Files.createDirectories(tmp.resolve("rtl"));
            List<String> cmd = new ArrayList<>(List.of("verilator"));
            cmd.addAll(flags);
            cmd.addAll(List.of("-j", Integer.toString(options.jobs()), "--Mdir", "obj"));
            for (Map.Entry<String, byte[]> f : rtl.entrySet()) {
                Files.write(rtlDir.resolve(f.getKey()), f.getValue());
                cmd.add("rtl/" + f.getKey());
            }
            Files.writeString(tmp.resolve("harness_main.cpp"), main);
            for (Map.Entry<String, String> h : HarnessGenerator.runtimeHeaders().entrySet()) {
                Files.writeString(tmp.resolve(h.getKey()), h.getValue());
            }
            cmd.add("harness_main.cpp");
            cmd.addAll(RuntimeObjects.linkFlags(options));
            ToolProcess.Output out;
            try (Progress progress = ProgressConsole.stderr().startIndeterminate("building Verilator model of " + spec.top()
                    + " (" + rtl.size() + " RTL files, -j " + options.jobs() + ")")) {
                out = ToolProcess.run(cmd, tmp, Duration.ofMinutes(30));
            }
            if (out.exitCode() != 0 || !Files.isExecutable(tmp.resolve("obj").resolve("sim"))) {
                throw new IllegalStateException("Verilator build of " + spec.top() + " failed (exit " + out.exitCode()
                        + "):\n" + tail(out.combined(), 60));
            }
            RuntimeObjects.keep(tmp.resolve("obj"), options);
            pruneObjects(tmp.resolve("obj"));
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // a concurrent build finished first; its entry is identical (the work directory is removed)
            } catch (IOException e) {
                if (!Files.isExecutable(exe)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw cacheError(e);
        }
        return new Result(exe, false, Duration.ofNanos(System.nanoTime() - start), key);
    }

    /** The runtime headers, names and text, as hashed into the cache key. */
    private static String runtimeSources() {
        StringBuilder b = new StringBuilder();
        HarnessGenerator.runtimeHeaders().forEach((name, text) -> b.append(name).append('\0').append(text).append('\0'));
        return b.toString();
    }

    /** A build directory in the cache (same file system as the entry it becomes); an unwritable cache is the user's to fix. */
    private static TempDir cacheWorkDir(String key) {
        try {
            Files.createDirectories(cacheRoot());
            return TempDir.in(cacheRoot(), key.substring(0, 12));
        } catch (IOException | OutputPathError e) {
            throw cacheError(e);
        }
    }

    private static OutputPathError cacheError(Exception e) {
        Throwable cause = e instanceof OutputPathError && e.getCause() != null ? e.getCause() : e;
        String reason = cause instanceof IOException io ? FileErrors.reason(io) : String.valueOf(cause.getMessage());
        return new OutputPathError("ACCELGEN_CACHE " + cacheRoot().getParent(), "cannot write the Verilator build cache ("
                + reason + "); set ACCELGEN_CACHE to a writable directory", e);
    }

    /** RTL file name to bytes, in order, without duplicates. */
    private static Map<String, byte[]> readRtl(List<Path> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read RTL file " + f, e);
            }
            // Identical files (a module shared by several units) are compiled once; different files
            // that happen to share a name get a numbered name (module clashes are the bundle's check).
            String unique = name;
            for (int k = 1; out.containsKey(unique) && !Arrays.equals(out.get(unique), bytes); k++) {
                unique = k + "_" + name;
            }
            out.putIfAbsent(unique, bytes);
        }
        return out;
    }

    private static String key(Map<String, byte[]> rtl, String main, String runtime, List<String> flags) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : rtl.entrySet()) {
                feed(md, "rtl:" + f.getKey());
                md.update(f.getValue());
                feed(md, "\0");
            }
            feed(md, "main:" + main + "\0runtime:" + runtime + "\0flags:" + String.join(" ", flags)
                    + "\0version:" + verilatorVersion());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void feed(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String verilatorVersion() {
        String v = verilatorVersion;
        if (v == null) {
            ToolProcess.Output out = ToolProcess.run(List.of("verilator", "--version"), null, Duration.ofSeconds(30));
            v = out.stdout().trim();
            verilatorVersion = v;
        }
        return v;
    }

    /** Keeps only the binary: object files and generated C++ are ~95% of an entry and never reused. */
    private static void pruneObjects(Path obj) throws IOException {
        try (Stream<Path> s = Files.list(obj)) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().equals("sim")) {
                    ScratchDirs.deleteQuietly(p);
                }
            }
        }
    }

    /** Temporary build directories of builds that died (older than any build can take) are removed. */
    private static void removeAbandonedBuilds() throws IOException {
        long cutoff = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        try (Stream<Path> s = Files.list(cacheRoot())) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().contains(".tmp-") && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    ScratchDirs.deleteQuietly(p);
                }
            }
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

}
