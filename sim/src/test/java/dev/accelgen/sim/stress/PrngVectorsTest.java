package dev.accelgen.sim.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.sim.cocotb.CocotbRunner;
import dev.accelgen.sim.tools.ToolProcess;
import dev.accelgen.sim.verilator.HarnessGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prng/vectors.txt pins the harnesses' random draws; Java, the C++ harness header and the Python
 * bench must each reproduce it line for line, so the three can never drift apart. Its SplitMix64
 * lines for seeds 0 and 1234567 are the reference implementation's published outputs.
 */
class PrngVectorsTest {
    private static Path vectors() throws Exception {
        return Path.of(PrngVectorsTest.class.getResource("/prng/vectors.txt").toURI());
    }

    private static List<String> expected() throws Exception {
        return Files.readAllLines(vectors()).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    void splitMix64AndFnvMatchTheirPublishedReferenceValues() {
        SplitMix64 zero = new SplitMix64(0);
        assertEquals(0xe220a8397b1dcdafL, zero.next());
        assertEquals(0x6e789e6aa1b965f4L, zero.next());
        SplitMix64 r = new SplitMix64(1234567);
        assertEquals("6457827717110365317", Long.toUnsignedString(r.next()));
        assertEquals("3203168211198807973", Long.toUnsignedString(r.next()));
        assertEquals("9817491932198370423", Long.toUnsignedString(r.next()));
        assertEquals("4593380528125082431", Long.toUnsignedString(r.next()));
        assertEquals(0xcbf29ce484222325L, ChannelSeeds.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, ChannelSeeds.fnv1a64("a"));
        assertEquals(0x85944171f73967e8L, ChannelSeeds.fnv1a64("foobar"));
        // A channel seed is the first draw from stimulusSeed ^ fnv1a64("<owner>.<tag>").
        assertEquals(new SplitMix64(5 ^ ChannelSeeds.fnv1a64("in.junk")).next(), ChannelSeeds.derive(5, "in", "junk"));
    }

    @Test
    void javaReproducesTheVectors() throws Exception {
        List<String> got = new ArrayList<>();
        for (String line : expected()) {
            got.add(recompute(line));
        }
        assertEquals(expected(), got);
    }

    @Test
    void theVerilatorHarnessHeaderReproducesTheVectors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(HarnessGenerator.PRNG_HEADER), HarnessGenerator.runtimeHeaders().get(HarnessGenerator.PRNG_HEADER));
        try (InputStream in = PrngVectorsTest.class.getResourceAsStream("/prng/prng_vectors.cpp")) {
            Files.write(dir.resolve("prng_vectors.cpp"), in.readAllBytes());
        }
        ToolProcess.Output build = ToolProcess.run(List.of("g++", "-std=c++17", "-O1", "-Wall", "-Wextra", "-Werror", "-o",
                "prng_vectors", "prng_vectors.cpp"), dir, Duration.ofMinutes(2));
        assertEquals(0, build.exitCode(), build.combined());
        ToolProcess.Output run = ToolProcess.run(List.of(dir.resolve("prng_vectors").toString(), vectors().toString()), dir,
                Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.combined());
        assertEquals(expected(), run.stdout().lines().toList());
    }

    @Test
    void theCocotbBenchReproducesTheVectors(@TempDir Path dir) throws Exception {
        Path py = dir.resolve("accelgen_prng.py");
        try (InputStream in = CocotbRunner.class.getResourceAsStream("py/accelgen_prng.py")) {
            Files.write(py, in.readAllBytes());
        }
        ToolProcess.Output run = ToolProcess.run(List.of(CocotbRunner.python().toString(), py.toString(),
                vectors().toString()), dir, Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.combined());
        assertEquals(expected(), run.stdout().lines().toList());
    }

    /** One vector line recomputed from its parameters with the Java implementation. */
    private static String recompute(String line) {
        String[] t = line.split(" ");
        long seed = Long.parseUnsignedLong(t[1], 16);
        SplitMix64 r = new SplitMix64(seed);
        StringBuilder b = new StringBuilder();
        switch (t[0]) {
            case "next" -> {
                b.append(String.join(" ", t[0], t[1], t[2]));
                for (int i = 0; i < Integer.parseInt(t[2]); i++) {
                    b.append(' ').append(Long.toHexString(r.next()));
                }
            }
            case "below" -> {
                b.append(String.join(" ", t[0], t[1], t[2], t[3]));
                for (int i = 0; i < Integer.parseInt(t[3]); i++) {
                    b.append(' ').append(r.below(Integer.parseInt(t[2])));
                }
            }
            case "stalls" -> {
                b.append(String.join(" ", t[0], t[1], t[2], t[3], t[4])).append(' ');
                int percent = Integer.parseInt(t[2]);
                StallSchedule s = new StallSchedule(new Stalls(percent, Integer.parseInt(t[3])), seed);
                int cycles = Integer.parseInt(t[4]);
                // Asked backwards, so the schedule's random access is exercised too.
                char[] bits = new char[cycles];
                for (int c = cycles - 1; c >= 0; c--) {
                    bits[c] = s.ready(c) ? '1' : '0';
                }
                b.append(bits);
            }
            case "latency" -> {
                b.append(String.join(" ", t[0], t[1], t[2], t[3], t[4]));
                LatencyRange range = new LatencyRange(Integer.parseInt(t[2]), Integer.parseInt(t[3]));
                for (int i = 0; i < Integer.parseInt(t[4]); i++) {
                    b.append(' ').append(range.draw(r));
                }
            }
            case "junk" -> {
                b.append(String.join(" ", t[0], t[1], t[2], t[3]));
                int width = Integer.parseInt(t[2]);
                for (int i = 0; i < Integer.parseInt(t[3]); i++) {
                    BigInteger v = BigInteger.ZERO;
                    for (int k = 0; k < (width + 63) / 64; k++) {
                        v = v.or(new BigInteger(Long.toUnsignedString(r.next())).shiftLeft(64 * k));
                    }
                    b.append(' ').append(v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)).toString(16));
                }
            }
            default -> throw new IllegalArgumentException("unknown vector kind " + t[0]);
        }
        return b.toString();
    }
}
