package dev.accelgen.cli.pe;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a {@code pe verify} run whose stimulus would not fit the Java heap, before it is generated: the cost of
 * one work item is measured on a two-item and a one-item stimulus of each configuration.
 */
final class StimulusBudget {
    /** Bytes one stimulus value costs through the run: the value, the golden model's events, the harness files. */
    static final long BYTES_PER_VALUE = 256;

    private StimulusBudget() {
    }

    static void check(List<UnitJob<?>> jobs, int vectors) {
        long values = 0;
        for (UnitJob<?> job : jobs) {
            long one = values(job.stimulus(1));
            long perVector = Math.max(1, values(job.stimulus(2)) - one);
            values += Math.max(0, one - perVector) + perVector * vectors;
        }
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (values > budget / BYTES_PER_VALUE) {
            long fit = Math.max(1, vectors * (budget / BYTES_PER_VALUE) / values);
            throw new OptionError("--vectors " + vectors, String.format(Locale.ROOT,
                    "the stimulus would need about %,d MB, more than half the %,d MB Java heap; use --vectors %d or less"
                            + " (or raise the heap with ACCELGEN_JAVA_OPTS=-Xmx8g)",
                    values * BYTES_PER_VALUE >> 20, Runtime.getRuntime().maxMemory() >> 20, fit));
        }
    }

    private static long values(Stimulus s) {
        long n = 0;
        for (StreamStimulus st : s.streams()) {
            for (Beat b : st.beats()) {
                n += b.values().size();
            }
        }
        for (var m : s.memories()) {
            n += m.words().size();
        }
        return n + s.statics().size();
    }
}
