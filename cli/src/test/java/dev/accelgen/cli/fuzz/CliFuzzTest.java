package dev.accelgen.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.accelgen.cli.Main;
import dev.accelgen.sim.files.ScratchRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every CLI command, in-process, against a seeded corpus of malformed inputs ({@link FuzzCorpus}). For each case:
 * exit status 0 or 2, at most one line on stderr, no stack trace, and nothing written unless it succeeded (then
 * only its output directory), no temporary directory left behind. The seed is printed; reproduce a run with
 * {@code -Daccelgen.fuzz.seed=S}.
 */
class CliFuzzTest {
    static final long DEFAULT_SEED = 20261129L;

    @TempDir
    Path corpus;

    @Test
    void everyCommandAnswersMalformedInputWithOneLineAndExitTwo() throws IOException {
        long seed = Long.getLong("accelgen.fuzz.seed", DEFAULT_SEED);
        System.out.println("fuzz seed=" + seed + " (reproduce with -Daccelgen.fuzz.seed=" + seed + ")");
        List<FuzzCase> cases = FuzzCorpus.generate(seed, corpus, kindOptions());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> exits = new TreeMap<>();
        // one command line for the whole corpus: building picocli's model takes ~100 ms, and picocli resets every
        // option to its default before each parse, as a new process would start with
        CommandLine cl = Main.commandLine();
        for (FuzzCase c : cases) {
            Map<Path, Long> before = snapshot(corpus);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit;
            try {
                exit = cl.execute(c.args().toArray(String[]::new));
            } catch (Throwable t) {
                failures.add(c + ": threw " + t);
                continue;
            }
            String problem = judge(c, exit, out.toString(), err.toString(), before, snapshot(corpus));
            if (problem != null) {
                failures.add(c + ": " + problem + "\n    stderr: " + err.toString().strip());
            }
            exits.merge(exit, 1, Integer::sum);
        }
        System.out.println("fuzz cases=" + cases.size() + " exit status counts " + exits + " failures=" + failures.size());
        if (!failures.isEmpty()) {
            fail("seed " + seed + ": " + failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
        }
        assertTrue(cases.size() > 200, "corpus of " + cases.size());
    }

    private static String judge(FuzzCase c, int exit, String out, String err, Map<Path, Long> before, Map<Path, Long> after)
            throws IOException {
        boolean verdict = exit == 1 && err.isEmpty() && c.args().size() > 1 && c.args().get(1).equals("run")
                && out.strip().lines().reduce((a, b) -> b).orElse("").startsWith("FAIL ");
        if (exit != 0 && exit != 2 && !verdict) {
            return "exit " + exit + (out.isEmpty() ? "" : ", last output line: " + out.strip().lines().reduce((a, b) -> b).orElse(""));
        }
        if (err.lines().count() > 1 && exit != 0) {
            return "more than one line on stderr";
        }
        if (err.contains("\tat ") || err.contains("Exception")) {
            return "stack trace or exception name on stderr";
        }
        Map<Path, Long> changed = new TreeMap<>();
        after.forEach((p, h) -> {
            if (!h.equals(before.get(p))) {
                changed.put(p, h);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(p -> changed.put(p, -1L));
        if (exit == 0 && c.output() != null) {
            changed.keySet().removeIf(p -> p.startsWith(c.output()));
        }
        if (!changed.isEmpty()) {
            return (exit == 0 ? "wrote outside its output: " : "wrote on failure: ") + changed.keySet();
        }
        List<Path> left = ownTemporaries();
        return left.isEmpty() ? null : "left temporary directories " + left;
    }

    /** Every file and directory below {@code dir}; files with their size and modification time (a write changes one). */
    private static Map<Path, Long> snapshot(Path dir) throws IOException {
        Map<Path, Long> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(p, Files.isDirectory(p) ? 0L : Files.size(p) * 31 + Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS));
            }
        }
        return m;
    }

    private static List<Path> ownTemporaries() throws IOException {
        String mine = ".accelgen-tmp-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> s = Files.list(ScratchRoot.get())) {
            return s.filter(p -> p.getFileName().toString().contains(mine)).toList();
        }
    }

    /** Each pe unit kind's options that take a value (from the picocli model, so new options are fuzzed too). */
    private static Map<String, List<String>> kindOptions() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        CommandLine gen = Main.commandLine().getSubcommands().get("pe").getSubcommands().get("gen");
        gen.getSubcommands().forEach((kind, cl) -> m.put(kind, cl.getCommandSpec().options().stream()
                .filter(o -> o.arity().max() > 0 && !o.longestName().equals("--out"))
                .map(OptionSpec::longestName).toList()));
        return m;
    }
}
