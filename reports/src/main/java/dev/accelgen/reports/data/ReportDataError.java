package dev.accelgen.reports.data;

/**
 * A report-data file that is missing, unreadable or does not follow the schema. The message is one line naming
 * the file and the problem; the CLI reports it as the user's input error.
 */
public final class ReportDataError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public ReportDataError(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file the problem is in, as the message names it. */
    public String file() {
        return file;
    }

    /** What is wrong with it, and what to do. */
    public String problem() {
        return problem;
    }
}
