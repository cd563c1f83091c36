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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama, zcu104, w4a8, ''", "zoo:tiny-llama, u280, int8-2:4, ''", "zoo:tiny-mmfree, zcu104, ternary, ''",
            "zoo:tiny-moe-vit, u280, w4a8, ''", "zoo:tiny-encoder, zcu104, int8, ''",
            "zoo:tiny-llama, zcu104, w4a8, builtin:tiny-universal"})
    void compiledRtlIsLintAndYosysClean(String model, String board, String scheme, String hw) throws IOException {
        Path out = hw.isEmpty() ? compile("out", model, "--board", board, "--scheme", scheme)
                : compile("out", model, "--board", board, "--scheme", scheme, "--hw", hw);
        List<Path> manifests;
        try (Stream<Path> s = Files.list(out.resolve("rtl"))) {
            manifests = s.filter(p -> p.getFileName().toString().endsWith(".manifest.json")).toList();
        }
        assertEquals(1, manifests.size(), "one core per tree: " + manifests);
        Manifest m = ManifestReader.read(manifests.get(0));
        assertTrue(m.top().startsWith("accel_core_"), m.top());
        LintResult lint = VerilatorLint.lint(m);
        assertEquals(List.of(), lint.warnings(), "verilator --lint-only -Wall of " + m.top());
        YosysResult yosys = YosysCheck.check(m);
        assertTrue(yosys.ok(), "yosys check -assert of " + m.top() + ": " + yosys.errors());
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
