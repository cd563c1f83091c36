package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.LintResult;
import dev.accelgen.sim.tools.VerilatorLint;
import dev.accelgen.sim.tools.YosysCheck;
import dev.accelgen.sim.tools.YosysResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code accelgen compile} writes: the RTL tree of every acceptance configuration (the five planned cores and
 * the universal tiny one) is Verilator {@code -Wall} lint clean and passes Yosys {@code check -assert}; the program
 * does not depend on {@code --seq-len}.
 */
class CompileOutputCliTest {
    @TempDir
    Path dir;

    private Path compile(String name, String... args) {
        Path out = dir.resolve(name);
        String[] all = Stream.concat(Stream.of("compile"), Stream.concat(Stream.of(args), Stream.of("--out", out.toString())))
                .toArray(String[]::new);
        Cli r = Cli.run(all);
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    /** The five acceptance cores and the universal tiny one: model, board, scheme, and a built-in hw configuration. */
    private static final List<List<String>> CORES = List.of(List.of("zoo:tiny-llama", "zcu104", "w4a8", ""),
            List.of("zoo:tiny-llama", "u280", "int8-2:4", ""), List.of("zoo:tiny-mmfree", "zcu104", "ternary", ""),
            List.of("zoo:tiny-moe-vit", "u280", "w4a8", ""), List.of("zoo:tiny-encoder", "zcu104", "int8", ""),
            List.of("zoo:tiny-llama", "zcu104", "w4a8", "builtin:tiny-universal"));

    @Test
    void compiledRtlIsLintAndYosysClean() throws Exception {
        List<Manifest> cores = new ArrayList<>();
        for (List<String> c : CORES) {
            String name = "core" + cores.size();
            Path out = c.get(3).isEmpty() ? compile(name, c.get(0), "--board", c.get(1), "--scheme", c.get(2))
                    : compile(name, c.get(0), "--board", c.get(1), "--scheme", c.get(2), "--hw", c.get(3));
            List<Path> manifests;
            try (Stream<Path> s = Files.list(out.resolve("rtl"))) {
                manifests = s.filter(p -> p.getFileName().toString().endsWith(".manifest.json")).toList();
            }
            assertEquals(1, manifests.size(), "one core per tree: " + manifests);
            Manifest m = ManifestReader.read(manifests.get(0));
            assertTrue(m.top().startsWith("accel_core_"), m.top());
            cores.add(m);
        }
        // Yosys takes about 30 CPU seconds per core: two trees at a time.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> verdicts = new ArrayList<>();
            for (Manifest m : cores) {
                verdicts.add(pool.submit(() -> verdict(m)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<String> v : verdicts) {
                if (!v.get().isEmpty()) {
                    problems.add(v.get());
                }
            }
            assertEquals(List.of(), problems);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Empty when the tree is lint and Yosys clean, else what is wrong. */
    private static String verdict(Manifest m) {
        LintResult lint = VerilatorLint.lint(m);
        YosysResult yosys = YosysCheck.check(m);
        String problems = (lint.warnings().isEmpty() ? "" : "verilator --lint-only -Wall: " + lint.warnings() + " ")
                + (yosys.ok() ? "" : "yosys check -assert: " + yosys.errors());
        return problems.isEmpty() ? "" : m.top() + ": " + problems;
    }

    @Test
    void sequenceLengthsOf16And4096WriteTheSameProgram() throws IOException {
        Path short16 = compile("s16", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w4a8", "--seq-len", "16");
        Path long4096 = compile("s4096", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w4a8", "--seq-len", "4096");
        assertArrayEquals(Files.readAllBytes(short16.resolve("program.bin")), Files.readAllBytes(long4096.resolve("program.bin")));
        assertEquals(Files.readString(short16.resolve("hw.json")), Files.readString(long4096.resolve("hw.json")));
        assertTrue(Files.size(long4096.resolve("weights/port0.bin")) + Files.size(long4096.resolve("weights/port1.bin"))
                > Files.size(short16.resolve("weights/port0.bin")) + Files.size(short16.resolve("weights/port1.bin")) + 4000L * 64,
                "the KV cache, rotary table, inputs and outputs grow with the context");
    }
}
