package dev.accelgen.sim.regress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: counts, elapsed time and ETA. On a terminal one status line is rewritten in place (a
 * failing case is printed above it); otherwise (CI logs, Slurm output files) each started batch and finished case
 * is a plain line. The ETA scales the elapsed time by the estimated cost still to run over the cost done.
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final String title;
    private long start;
    private int cases;
    private int done;
    private int failed;
    private double estimateLeft;
    private double estimateDone;
    private double initialEstimate;

    public ConsoleProgress(PrintWriter err, boolean terminal, String title, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.title = title;
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(int cases, int alreadyDone, double estimatedWork, double estimatedWall) {
        this.start = nanoClock.getAsLong();
        this.cases = cases;
        this.done = alreadyDone;
        this.initialEstimate = estimatedWall;
        this.estimateLeft = estimatedWork;
        line(title + ": " + cases + " cases" + (alreadyDone > 0 ? ", " + alreadyDone + " done by an earlier run" : "")
                + ", estimated " + Durations.format(estimatedWall));
    }

    @Override
    public void batchStarted(Batch batch) {
        if (!terminal) {
            line("regress: started " + batch.cases().size() + " case(s) of " + batch.group() + " (batch " + batch.id() + ")");
        } else {
            status();
        }
    }

    @Override
    public void batchSplit(Batch batch, String reason) {
        line("regress: batch " + batch.id() + " failed as a whole (" + reason + "); running its cases one at a time");
    }

    @Override
    public void caseFinished(CaseResult result, double estimatedWork) {
        done++;
        estimateDone += estimatedWork;
        estimateLeft = Math.max(0, estimateLeft - estimatedWork);
        if (!result.passed()) {
            failed++;
        }
        if (!terminal || !result.passed()) {
            line("[" + done + "/" + cases + "] " + result.status() + " " + result.id()
                    + (result.passed() ? "" : ": " + result.summary()) + "  (" + counts() + ")");
        }
        if (terminal) {
            status();
        }
    }

    @Override
    public void finished() {
        if (terminal) {
            err.print("\r\033[K");
        }
        line(title + ": done in " + Durations.format(elapsed()) + ", " + (done - failed) + " passed, " + failed + " failed");
    }

    private String counts() {
        return failed + " failed, " + Durations.format(elapsed()) + " elapsed, ETA " + Durations.format(eta());
    }

    /** Seconds left: measured speed times estimated work left; before any case finished, the plan's estimate. */
    double eta() {
        if (estimateDone <= 0) {
            return Math.max(0, initialEstimate - elapsed());
        }
        return elapsed() * estimateLeft / estimateDone;
    }

    private double elapsed() {
        return (nanoClock.getAsLong() - start) / 1e9;
    }

    private void status() {
        err.print("\r\033[K[" + done + "/" + cases + "] " + counts());
        err.flush();
    }

    private void line(String text) {
        if (terminal) {
            err.print("\r\033[K");
        }
        err.println(text);
        err.flush();
    }
}
