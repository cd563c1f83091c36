package dev.accelgen.sim.progress;

/**
 * One long task on a {@link ProgressConsole}: counted ({@code 12/40 configs}) or not (a tool run, which shows its
 * elapsed time). Close it when the work ends (try-with-resources): it prints a final line, "in 3m05s" or "stopped at
 * 12/40" when it ended early. Thread-safe: every call goes through the console's lock.
 */
public final class Progress implements AutoCloseable {
    private static final int BAR_WIDTH = 20;

    private final ProgressConsole console;
    private final String title;
    private final long total;
    private final String unit;
    private final double work;
    private final double estimatedSeconds;
    private final long start;
    private long done;
    private double workDone;
    private String detail = "";
    private long lastLine;
    private boolean closed;

    Progress(ProgressConsole console, String title, long total, String unit, long alreadyDone, double work,
            double estimatedSeconds, long start) {
        this.console = console;
        this.title = title;
        this.total = total;
        this.unit = unit;
        this.done = alreadyDone;
        this.work = work;
        this.estimatedSeconds = estimatedSeconds;
        this.start = start;
        this.lastLine = start;
    }

    /** {@code items} more are done, each worth one unit of work. */
    public void advance(long items) {
        advance(items, items, null);
    }

    /**
     * {@code items} more are done, worth {@code work}; {@code note} (may be null) says what finished: without a
     * terminal it is printed as {@code [done/total] note (elapsed, ETA)}.
     */
    public void advance(long items, double work, String note) {
        synchronized (console) {
            if (total < 0 || closed) {
                throw new IllegalStateException("progress '" + title + "' is " + (closed ? "closed" : "not counted"));
            }
            done = Math.min(total, done + items);
            workDone += work;
            console.advanced(this, note);
        }
    }

    /** A short text shown after the counts ("2 failed"); empty for none. */
    public void detail(String text) {
        synchronized (console) {
            detail = text;
        }
    }

    /** A message printed as is, above the status line on a terminal. */
    public void line(String text) {
        console.line(text);
    }

    @Override
    public void close() {
        synchronized (console) {
            if (!closed) {
                closed = true;
                console.closed(this);
            }
        }
    }

    String statusText(long now) {
        if (total < 0) {
            return title + " " + Durations.format(seconds(now));
        }
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        return title + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + " " + unit
                + " " + ProgressConsole.percent(done, total) + " " + Durations.format(seconds(now)) + " ETA " + eta(now)
                + (detail.isEmpty() ? "" : ", " + detail);
    }

    String progressLine(long now) {
        if (total < 0) {
            return title + ": " + Durations.format(seconds(now)) + " elapsed";
        }
        return title + ": " + done + "/" + total + " " + unit + " (" + ProgressConsole.percent(done, total) + "), "
                + Durations.format(seconds(now)) + " elapsed, ETA " + eta(now) + (detail.isEmpty() ? "" : ", " + detail);
    }

    String noteLine(String note, long now) {
        return "[" + done + "/" + total + "] " + note + " (" + Durations.format(seconds(now)) + " elapsed, ETA " + eta(now)
                + (detail.isEmpty() ? "" : ", " + detail) + ")";
    }

    String finalLine(long now) {
        String took = Durations.format(seconds(now));
        String tail = detail.isEmpty() ? "" : ", " + detail;
        if (total < 0) {
            return title + ": done in " + took;
        }
        return title + ": " + (done == total ? done + "/" + total + " " + unit + " in " + took
                : "stopped at " + done + "/" + total + " " + unit + " after " + took) + tail;
    }

    /**
     * Time left: elapsed time scaled by work left over work done; before any work is done, the estimate counting
     * down, or "--" without one.
     */
    String eta(long now) {
        double elapsed = seconds(now);
        if (workDone <= 0) {
            return estimatedSeconds < 0 ? "--" : Durations.format(Math.max(0, estimatedSeconds - elapsed));
        }
        return Durations.format(elapsed * Math.max(0, work - workDone) / workDone);
    }

    long lastLine() {
        return lastLine;
    }

    void printedAt(long now) {
        lastLine = now;
    }

    private double seconds(long now) {
        return (now - start) / 1e9;
    }
}
