package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** User errors are one line and exit 2; accelgen's own bugs say so, exit 1, and leave the trace in a log. */
class ErrorReportingCliTest {
    private static final Pattern INTERNAL = Pattern.compile(
            "accelgen: internal error: IllegalStateException: generator bug \\(details in (.+\\.log)\\)\n");

    private static void userError(String message, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("accelgen: error: " + message + "\n", r.err());
    }

    @Test
    void anInternalErrorIsOneLineNamingALogThatHoldsTheStackTrace() throws IOException {
        StringWriter err = new StringWriter();
        IllegalStateException bug = new IllegalStateException("generator bug\nsecond line");
        int code = ErrorHandler.report(new IllegalStateException("generator bug"), new PrintWriter(err, true), false,
                List.of("pe", "gen", "systolic"));
        assertEquals(1, code);
        Matcher m = INTERNAL.matcher(err.toString());
        assertTrue(m.matches(), err.toString());
        String log = Files.readString(Path.of(m.group(1)));
        assertTrue(log.contains("command: accelgen pe gen systolic\n"), log);
        assertTrue(log.contains("at dev.accelgen.cli.ErrorReportingCliTest."), log);
        StringWriter verbose = new StringWriter();
        assertEquals(1, ErrorHandler.report(bug, new PrintWriter(verbose, true), true, List.of()));
        assertTrue(verbose.toString().startsWith("accelgen: internal error: IllegalStateException: generator bug ... (details in "),
                verbose.toString());
        assertTrue(verbose.toString().contains("\tat dev.accelgen.cli.ErrorReportingCliTest."), "--verbose prints the trace");
    }

    @Test
    void verboseIsAcceptedAtEveryLevel() {
        userError("--vectors 0: must be in 1..1,000,000", "--verbose", "pe", "verify", "systolic", "--vectors", "0");
        userError("--vectors 0: must be in 1..1,000,000", "pe", "verify", "systolic", "--vectors", "0", "--verbose");
    }

    @Test
    void groupCommandsWithoutASubcommandExitTwo() {
        userError("accelgen pe gen: give a unit kind: systolic, mixpe, ternary, mlgru, rmsnorm, dsp-chain, moe"
                + " (see 'accelgen pe gen --help')", "pe", "gen");
        userError("accelgen pe: give an action: gen, verify, report, vectors (see 'accelgen pe --help')", "pe");
        userError("accelgen model: give a subcommand: inspect, run (see 'accelgen model --help')", "model");
    }

    @Test
    void optionLimitsAndMalformedOptionsAreOneLine() {
        userError("--expert-array must be systolic:ROWSxCOLS, e.g. systolic:2x4 (got :)", "pe", "report", "moe", "--expert-array", ":");
        userError("--vectors 1000000000: must be in 1..1,000,000", "pe", "verify", "systolic", "--vectors", "1000000000");
        userError("--configs 100000: must be in 0..2,000 (verify more in several runs with different --seed values)",
                "pe", "verify", "systolic", "--configs", "100000");
        userError("--runs 0: must be in 1..1000", "bench", "hdl", "--runs", "0");
        Cli big = Cli.run("pe", "verify", "systolic", "--rows", "128", "--cols", "128", "--vectors", "1000000");
        assertEquals(2, big.exit(), big.err());
        assertTrue(big.err().matches("accelgen: error: --vectors 1000000: the stimulus would need about [0-9,]+ MB, more than half"
                + " the [0-9,]+ MB Java heap; use --vectors \\d+ or less \\(or raise the heap with ACCELGEN_JAVA_OPTS=-Xmx8g\\)\n"),
                big.err());
    }
}
