package dev.accelgen.sim.progress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where long work reports progress: stderr, as one status line rewritten in place on a terminal ({@link Mode#BAR}:
 * bars with counts, elapsed time and ETA; messages print above it) or as plain lines when stderr is not a terminal
 * ({@link Mode#LINES}, CI logs and batch jobs: a line when a task starts, for each step that has something to say,
 * after {@value #HEARTBEAT_SECONDS} s of silence, and when it ends). Every module reaches the shared console through
 * {@link #stderr()}; several tasks may run at once (a Verilator build inside a verify run).
 */
public final class ProgressConsole {
    /** How progress appears. */
    public enum Mode {
        BAR, LINES
    }

    /** A task that printed nothing for this long gets a line saying it is still running. */
    public static final int HEARTBEAT_SECONDS = 15;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static ProgressConsole stderr;

    private PrintWriter out;
    private final Mode mode;
    private final LongSupplier clock;
    private final int columns;
    private final boolean ticking;
    private final List<Progress> active = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private boolean statusShown;
    private long lastDraw;

    /** A console without a timer thread: tests drive {@link #tick()} themselves. */
    public ProgressConsole(PrintWriter out, Mode mode, LongSupplier nanoClock, int columns) {
        this(out, mode, nanoClock, columns, false);
    }

    private ProgressConsole(PrintWriter out, Mode mode, LongSupplier clock, int columns, boolean ticking) {
        this.out = out;
        this.mode = mode;
        this.clock = clock;
        this.columns = Math.max(40, columns);
        this.ticking = ticking;
        this.lastDraw = clock.getAsLong() - REDRAW_NANOS;
    }

    /** The console on this process's stderr; its mode comes from {@link Terminal}. */
    public static synchronized ProgressConsole stderr() {
        if (stderr == null) {
            stderr = new ProgressConsole(new PrintWriter(System.err, true), Terminal.mode(), System::nanoTime,
                    Terminal.columns(), true);
        }
        return stderr;
    }

    /**
     * Sends this console's output to {@code writer} from now on (the CLI hands it the command's stderr writer, so
     * in-process runs capture progress with the rest of stderr).
     */
    public synchronized void writeTo(PrintWriter writer) {
        clearStatus();
        out.flush();
        out = writer;
    }

    public Mode mode() {
        return mode;
    }

    /** A task of {@code total} items ("configs", "cases"); its ETA scales elapsed time by items left over items done. */
    public Progress start(String title, long total, String unit) {
        return start(title, total, unit, 0, total, -1);
    }

    /**
     * A task of {@code total} items, {@code alreadyDone} of them finished before it started (an earlier run), whose
     * work left is {@code work} in any unit (estimated seconds, say): the ETA scales elapsed time by work left over
     * work done, and before anything is done counts down from {@code estimatedSeconds} (none when negative).
     */
    public synchronized Progress start(String title, long total, String unit, long alreadyDone, double work, double estimatedSeconds) {
        if (total < 0 || alreadyDone < 0 || alreadyDone > total || !(work >= 0)) {
            throw new IllegalArgumentException("bad progress totals: " + alreadyDone + " of " + total + ", work " + work);
        }
        Progress p = new Progress(this, title, total, unit, alreadyDone, work, estimatedSeconds, clock.getAsLong());
        begin(p, title + ": " + total + " " + unit + (alreadyDone > 0 ? ", " + alreadyDone + " done by an earlier run" : "")
                + (estimatedSeconds >= 0 ? ", estimated " + Durations.format(estimatedSeconds) : ""));
        return p;
    }

    /** A task without a count (a tool run): it shows its elapsed time. */
    public synchronized Progress startIndeterminate(String title) {
        Progress p = new Progress(this, title, -1, "", 0, 0, -1, clock.getAsLong());
        begin(p, title + " ...");
        return p;
    }

    /** A message, printed as is (above the status line on a terminal). */
    public synchronized void line(String text) {
        clearStatus();
        out.println(text);
        out.flush();
        drawStatus(true);
    }

    /** The timer's beat: redraws the status line, or prints a line for tasks silent for too long. */
    synchronized void tick() {
        if (mode == Mode.BAR) {
            drawStatus(false);
            return;
        }
        long now = clock.getAsLong();
        for (Progress p : active) {
            if (now - p.lastLine() >= HEARTBEAT_SECONDS * 1_000_000_000L) {
                print(p.progressLine(now), p, now);
            }
        }
    }

    synchronized void advanced(Progress p, String note) {
        long now = clock.getAsLong();
        if (mode == Mode.BAR) {
            drawStatus(false);
        } else if (note != null) {
            print(p.noteLine(note, now), p, now);
        }
    }

    synchronized void closed(Progress p) {
        active.remove(p);
        long now = clock.getAsLong();
        clearStatus();
        print(p.finalLine(now), p, now);
        if (active.isEmpty() && ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private void begin(Progress p, String startLine) {
        active.add(p);
        if (mode == Mode.LINES) {
            print(startLine, p, clock.getAsLong());
        } else {
            drawStatus(true);
        }
        if (ticking && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "accelgen-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void print(String text, Progress p, long now) {
        clearStatus();
        out.println("accelgen: " + text);
        out.flush();
        p.printedAt(now);
        drawStatus(true);
    }

    /** Removes the status line so that the next output starts a clean line (an error message, say). */
    public synchronized void clearStatus() {
        if (statusShown) {
            out.print("\r\033[K");
            statusShown = false;
        }
    }

    /** The status line: every active task, newest last, cut to the terminal width (at most ten redraws a second). */
    private void drawStatus(boolean force) {
        if (mode != Mode.BAR || active.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        StringBuilder s = new StringBuilder();
        for (Progress p : active) {
            s.append(s.length() == 0 ? "" : " | ").append(p.statusText(now));
        }
        String text = s.length() < columns ? s.toString() : s.substring(0, columns - 2) + "~";
        out.print("\r\033[K" + text);
        out.flush();
        statusShown = true;
    }

    /** A whole percentage, for status texts. */
    static String percent(long done, long total) {
        return String.format(Locale.ROOT, "%.0f%%", total == 0 ? 100.0 : 100.0 * done / total);
    }
}
