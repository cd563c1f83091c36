package dev.accelgen.sim.verilator;

import dev.accelgen.sim.files.TempDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shares Verilator's compiled runtime (verilated.o, verilated_threads.o) between builds. Compiling
 * verilated.cpp is most of a small design's build time and its result depends only on the
 * Verilator version and the C++ optimisation level, so the objects of the first build are kept in
 * {@code <cache>/runtime-<sha256>/} and linked into later builds instead of being compiled again
 * (measured: a small unit's cold build drops from ~6 s to ~2 s).
 */
final class RuntimeObjects {
    private RuntimeObjects() {
    }

    private static Path dir(BuildOptions options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("runtime-v1\0" + VerilatorBuild.verilatorVersion() + "\0" + options.cOpt())
                    .getBytes(StandardCharsets.UTF_8));
            return VerilatorBuild.cacheRoot().resolve("runtime-" + HexFormat.of().formatHex(md.digest()).substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Extra verilator arguments that link the cached runtime objects instead of compiling them
     * (make variables: no global objects to build, the cached ones appended to the link line);
     * empty before the first build, or when the cache path has characters the make command line
     * (run through a shell by Verilator) would misread.
     */
    static List<String> linkFlags(BuildOptions options) throws IOException {
        Path cached = dir(options);
        if (!Files.isDirectory(cached) || !cached.toString().matches("[A-Za-z0-9/._+-]+")) {
            return List.of();
        }
        List<Path> objs = objects(cached);
        if (objs.isEmpty()) {
            return List.of();
        }
        String joined = String.join("\\ ", objs.stream().map(Path::toString).toList());
        return List.of("-MAKEFLAGS", "VM_GLOBAL_FAST=", "-MAKEFLAGS", "VM_GLOBAL_SLOW=", "-MAKEFLAGS", "LOADLIBES=" + joined);
    }

    /** After a successful build: keeps its runtime objects for later builds if none are kept yet. */
    static void keep(Path objDir, BuildOptions options) throws IOException {
        Path cached = dir(options);
        List<Path> built = objects(objDir);
        if (Files.isDirectory(cached) || built.isEmpty()) {
            return;
        }
        try (TempDir tmp = TempDir.in(VerilatorBuild.cacheRoot(), "runtime")) {
            for (Path o : built) {
                Files.copy(o, tmp.path().resolve(o.getFileName()));
            }
            try {
                Files.move(tmp.path(), cached, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another build kept identical objects first (the temporary copy is removed)
            }
        }
    }

    private static List<Path> objects(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("verilated[a-z_]*\\.o")).sorted().toList();
        }
    }
}
