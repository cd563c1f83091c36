package dev.accelgen.sim.progress;

import java.util.Locale;

/** Seconds for people: {@code 45s}, {@code 3m07s}, {@code 2h05m}. */
public final class Durations {
    private Durations() {
    }

    public static String format(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
