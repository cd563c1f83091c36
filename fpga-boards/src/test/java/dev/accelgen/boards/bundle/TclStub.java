package dev.accelgen.boards.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a generated Tcl script under tclsh with the vendor commands stubbed (src/test/resources/tcl/vendor_stubs.tcl). */
final class TclStub {
    record Result(int exit, List<String> calls, String stderr) {
        /** Index of the first call at or after {@code from} that starts with {@code prefix}, or -1. */
        int find(String prefix, int from) {
            for (int i = Math.max(from, 0); i < calls.size(); i++) {
                if (calls.get(i).startsWith(prefix)) {
                    return i;
                }
            }
            return -1;
        }

        /** Asserts the calls contain these prefixes in this order (other calls may come between them). */
        void assertInOrder(List<String> prefixes) {
            int at = 0;
            for (String p : prefixes) {
                int i = find(p, at);
                if (i < 0) {
                    fail("no call starting with '" + p + "' after call " + at + "; calls:\n" + String.join("\n", calls));
                }
                at = i + 1;
            }
        }
    }

    private TclStub() {
    }

    static Result run(Path script, String vivadoVersion) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tclstub");
        Path stubs = dir.resolve("vendor_stubs.tcl");
        try (InputStream in = TclStub.class.getResourceAsStream("/tcl/vendor_stubs.tcl")) {
            Files.write(stubs, in.readAllBytes());
        }
        Path calls = dir.resolve("calls.txt");
        ProcessBuilder pb = new ProcessBuilder("tclsh", stubs.toString(), calls.toString(), script.toString(), vivadoVersion);
        pb.environment().remove("ACCELGEN_SKIP_VERSION_CHECK");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tclsh timed out");
        List<String> lines = Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : new ArrayList<>();
        return new Result(p.exitValue(), lines, Files.readString(dir.resolve("stderr.txt")));
    }

    /** True when tclsh considers the whole file one or more complete commands (balanced braces, quotes, brackets). */
    static boolean parses(Path script) throws IOException, InterruptedException {
        Path checker = Files.createTempFile("complete", ".tcl");
        Files.writeString(checker, "set f [open [lindex $argv 0]]\nset t [read $f]\nclose $f\n"
                + "exit [expr {[info complete $t] ? 0 : 1}]\n");
        Process p = new ProcessBuilder("tclsh", checker.toString(), script.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() == 0;
    }
}
