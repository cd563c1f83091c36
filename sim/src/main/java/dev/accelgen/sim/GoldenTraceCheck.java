package dev.accelgen.sim;

import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.verilator.HarnessSpec;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A golden trace that names things the unit does not have is a golden-model bug, reported as such. */
final class GoldenTraceCheck {
    private GoldenTraceCheck() {
    }

    static Optional<String> problem(HarnessSpec spec, Trace golden, long seed) {
        String tail = " (seed " + seed + ")";
        Set<String> outs = new HashSet<>();
        spec.outputStreams().forEach(s -> outs.add(s.name()));
        for (OutputEvent e : golden.events()) {
            if (!outs.contains(e.stream())) {
                return Optional.of("FAIL golden model emitted an event on '" + e.stream()
                        + "', which is not an output stream of " + spec.top() + tail);
            }
            ManifestStream s = spec.outputStreams().stream().filter(x -> x.name().equals(e.stream())).findFirst().orElseThrow();
            if (!s.data().containsAll(e.values().keySet())) {
                return Optional.of("FAIL golden event at cycle " + e.cycle() + " on stream " + s.name() + " sets ports "
                        + e.values().keySet() + " but the stream's data ports are " + s.data() + tail);
            }
        }
        Set<String> ins = new HashSet<>();
        spec.inputStreams().forEach(s -> ins.add(s.name()));
        Set<String> seen = new HashSet<>();
        for (Acceptance a : golden.acceptances()) {
            if (!ins.contains(a.stream())) {
                return Optional.of("FAIL golden model accepted a beat on '" + a.stream()
                        + "', which is not an input stream of " + spec.top() + tail);
            }
            if (!seen.add(a.stream() + "#" + a.beat())) {
                return Optional.of("FAIL golden model accepts beat " + a.beat() + " of stream " + a.stream() + " twice" + tail);
            }
        }
        Set<String> mems = new HashSet<>();
        spec.writeMemories().forEach(m -> mems.add(m.name()));
        for (WriteEvent w : golden.writes()) {
            if (!mems.contains(w.memory())) {
                return Optional.of("FAIL golden model wrote to '" + w.memory() + "', which is not a write memory of "
                        + spec.top() + tail);
            }
        }
        return Optional.empty();
    }
}
