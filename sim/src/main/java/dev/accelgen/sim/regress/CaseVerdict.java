package dev.accelgen.sim.regress;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * How one case ended. {@code summary} is one line: {@code PASS ...}, the first mismatch ({@code FAIL first
 * mismatch at cycle ...}) or the error; {@code detail} adds context for people (may be empty).
 */
public record CaseVerdict(Status status, String summary, String detail) {
    public enum Status { PASS, FAIL, ERROR }

    public CaseVerdict {
        if (status == null || summary == null || detail == null) {
            throw new IllegalArgumentException("a verdict needs a status, a summary line and a detail (may be empty)");
        }
        summary = firstLine(summary);
    }

    public static CaseVerdict pass(String summary) {
        return new CaseVerdict(Status.PASS, summary, "");
    }

    public static CaseVerdict fail(String summary, String detail) {
        return new CaseVerdict(Status.FAIL, summary, detail);
    }

    /** The case could not run: the exception's first line, and its stack trace as the detail. */
    public static CaseVerdict error(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new CaseVerdict(Status.ERROR, "ERROR " + firstLine(message), trace.toString());
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    private static String firstLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
