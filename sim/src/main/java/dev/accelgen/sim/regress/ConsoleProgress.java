package dev.accelgen.sim.regress;

import dev.accelgen.sim.progress.Progress;
import dev.accelgen.sim.progress.ProgressConsole;

/**
 * A regression run's progress on a {@link ProgressConsole}: counts, failures, elapsed time and an ETA that scales the
 * elapsed time by the estimated cost still to run over the cost done. On a terminal the bar stays at the bottom and
 * failing cases print above it; without one (CI logs, Slurm output files) every started batch and finished case is
 * a line.
 */
public final class ConsoleProgress implements ProgressListener {
    private final ProgressConsole console;
    private final String title;
    private Progress progress;
    private int failed;

    public ConsoleProgress(ProgressConsole console, String title) {
        this.console = console;
        this.title = title;
    }

    @Override
    public void started(int cases, int alreadyDone, double estimatedWork, double estimatedWall) {
        progress = console.start(title, cases, "cases", alreadyDone, estimatedWork, estimatedWall);
    }

    @Override
    public void batchStarted(Batch batch) {
        if (console.mode() == ProgressConsole.Mode.LINES) {
            progress.line("regress: started " + batch.cases().size() + " case(s) of " + batch.group() + " (batch " + batch.id() + ")");
        }
    }

    @Override
    public void batchSplit(Batch batch, String reason) {
        progress.line("regress: batch " + batch.id() + " failed as a whole (" + reason + "); running its cases one at a time");
    }

    @Override
    public void caseFinished(CaseResult result, double estimatedWork) {
        String note = result.status() + " " + result.id() + (result.passed() ? "" : ": " + result.summary());
        if (!result.passed()) {
            failed++;
            progress.detail(failed + " failed");
        }
        boolean lines = console.mode() == ProgressConsole.Mode.LINES;
        if (!lines && !result.passed()) {
            progress.line(note);
        }
        progress.advance(1, estimatedWork, lines ? note : null);
    }

    @Override
    public void finished() {
        progress.close();
    }
}
