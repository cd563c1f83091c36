package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.manifest.ReadMemoryPorts;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the harness's stimulus file, a whitespace-separated text format (hex values are lowercase
 * bit patterns without 0x, two's complement for negative values of signed ports):
 * <pre>
 * accelgen-stimulus 1
 * limits &lt;reset_cycles&gt; &lt;idle_limit&gt; &lt;max_cycles&gt; &lt;min_cycles&gt;
 * static &lt;port&gt; &lt;hex&gt;                                  (per static input set by the run)
 * stream &lt;name&gt; &lt;beat_count&gt;                            (per input stream)
 * &lt;idle_before&gt; &lt;hex data0&gt; &lt;hex data1&gt; ...            (beat_count lines, data ports in manifest order)
 * memory &lt;name&gt; &lt;latency&gt; &lt;bytes_per_cycle&gt; &lt;word_count&gt; (per read memory)
 * &lt;hex word&gt;                                            (word_count lines, word i at byte i*data_bytes)
 * end
 * </pre>
 * Validates the stimulus against the harness first: unknown streams or ports, missing data values
 * and values that do not fit their port are one-line errors.
 */
public final class StimulusFileWriter {
    private StimulusFileWriter() {
    }

    public static String write(HarnessSpec spec, Stimulus stimulus, RunLimits limits) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("accelgen-stimulus 1\n");
        b.append("limits ").append(limits.resetCycles()).append(' ').append(limits.idleLimit()).append(' ')
                .append(limits.maxCycles()).append(' ').append(limits.minCycles()).append('\n');
        Set<String> statics = new HashSet<>();
        spec.staticInputs().forEach(p -> statics.add(p.name()));
        for (Map.Entry<String, BigInteger> e : stimulus.statics().entrySet()) {
            if (!statics.contains(e.getKey())) {
                throw new IllegalArgumentException("stimulus static '" + e.getKey() + "' is not a static input port of "
                        + spec.top() + " (static inputs: " + statics + ")");
            }
            ManifestPort p = spec.port(e.getKey());
            b.append("static ").append(p.name()).append(' ').append(hex(p, e.getValue(), "static")).append('\n');
        }
        Set<String> seen = new HashSet<>();
        for (StreamStimulus s : stimulus.streams()) {
            ManifestStream ms = spec.inputStreams().stream().filter(x -> x.name().equals(s.stream())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stimulus stream '" + s.stream()
                            + "' is not an input stream of " + spec.top()));
            if (!seen.add(s.stream())) {
                throw new IllegalArgumentException("stimulus lists stream '" + s.stream() + "' twice");
            }
            b.append("stream ").append(s.stream()).append(' ').append(s.beats().size()).append('\n');
            int index = 0;
            for (Beat beat : s.beats()) {
                if (!beat.values().keySet().equals(new HashSet<>(ms.data()))) {
                    throw new IllegalArgumentException("stream '" + s.stream() + "' beat " + index + " sets ports "
                            + beat.values().keySet() + " but the stream's data ports are " + ms.data());
                }
                b.append(beat.idleBefore());
                for (String d : ms.data()) {
                    b.append(' ').append(hex(spec.port(d), beat.values().get(d), "stream '" + s.stream() + "' beat " + index));
                }
                b.append('\n');
                index++;
            }
        }
        for (ReadMemoryPorts m : spec.memories()) {
            MemoryImage img = stimulus.memories().stream().filter(x -> x.memory().equals(m.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stimulus has no memory image for read memory '"
                            + m.name() + "' of " + spec.top()));
            b.append("memory ").append(m.name()).append(' ').append(img.latency()).append(' ')
                    .append(img.bytesPerCycle()).append(' ').append(img.words().size()).append('\n');
            for (BigInteger w : img.words()) {
                if (w.bitLength() > m.dataBytes() * 8) {
                    throw new IllegalArgumentException("memory '" + m.name() + "' word " + w.toString(16)
                            + " is wider than data_bytes=" + m.dataBytes());
                }
                b.append(w.toString(16)).append('\n');
            }
        }
        for (MemoryImage img : stimulus.memories()) {
            if (spec.memories().stream().noneMatch(m -> m.name().equals(img.memory()))) {
                throw new IllegalArgumentException("stimulus memory image '" + img.memory()
                        + "' is not a read memory of " + spec.top());
            }
        }
        b.append("end\n");
        return b.toString();
    }

    private static String hex(ManifestPort p, BigInteger value, String where) {
        if (value == null || !p.fits(value)) {
            throw new IllegalArgumentException(where + ": value " + value + " for port '" + p.name()
                    + "' is out of range " + p.allowedRange());
        }
        return p.toBits(value).toString(16);
    }
}
