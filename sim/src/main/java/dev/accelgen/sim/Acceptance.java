package dev.accelgen.sim;

import java.util.ArrayList;
import java.util.List;

/** Beat {@code beat} of input stream {@code stream} was accepted (valid && ready) at edge {@code cycle}. */
public record Acceptance(long cycle, String stream, int beat) {
    /** Beat k of {@code stream} accepted at {@code cycles[k]}. */
    public static List<Acceptance> of(String stream, long[] cycles) {
        List<Acceptance> out = new ArrayList<>(cycles.length);
        for (int k = 0; k < cycles.length; k++) {
            out.add(new Acceptance(cycles[k], stream, k));
        }
        return out;
    }
}
