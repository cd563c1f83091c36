package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.manifest.ReadMemoryPorts;
import dev.accelgen.sim.manifest.WriteMemoryPorts;
import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.Stalls;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the harness's stimulus file, a whitespace-separated text format (hex values are lowercase
 * bit patterns without 0x, two's complement for negative values of signed ports; seeds are unsigned
 * 64-bit hex):
 * <pre>
 * accelgen-stimulus 2
 * limits &lt;reset_cycles&gt; &lt;idle_limit&gt; &lt;max_cycles&gt; &lt;min_cycles&gt;
 * static &lt;port&gt; &lt;hex&gt;                                   (per static input set by the run)
 * stream &lt;name&gt; &lt;beat_count&gt; &lt;junk 0|1&gt; &lt;junk seed&gt;      (per input stream, manifest order)
 * &lt;idle_before&gt; &lt;hex data0&gt; &lt;hex data1&gt; ...             (beat_count lines, data ports in manifest order)
 * ready &lt;name&gt; &lt;stall percent&gt; &lt;max stall&gt; &lt;seed&gt;         (per output stream that has a ready)
 * memory &lt;name&gt; &lt;word_count&gt; &lt;latency min&gt; &lt;latency max&gt; &lt;bytes_per_cycle&gt; &lt;junk 0|1&gt;
 *        &lt;address stall percent&gt; &lt;max&gt; &lt;write stall percent&gt; &lt;max&gt;
 *        &lt;seed ar&gt; &lt;seed r_latency&gt; &lt;seed r_junk&gt; &lt;seed aw&gt; &lt;seed w&gt; &lt;seed b_latency&gt;
 *                                                       (one line, per memory name)
 * &lt;hex word&gt;                                             (word_count lines, word i at byte i*data_bytes)
 * end
 * </pre>
 * Validates the stimulus against the harness first: unknown streams or ports, missing data values
 * and values that do not fit their port are one-line errors.
 */
public final class StimulusFileWriter {
    public static final String HEADER = "accelgen-stimulus 2";

    private StimulusFileWriter() {
    }

    public static String write(HarnessSpec spec, Stimulus stimulus, RunLimits limits) {
        return write(spec, stimulus, limits, ChannelSeeds.of(stimulus.seed()));
    }

    public static String write(HarnessSpec spec, Stimulus stimulus, RunLimits limits, ChannelSeeds seeds) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append(HEADER).append('\n');
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
        checkStreamNames(spec, stimulus);
        int junk = stimulus.stress().junk() ? 1 : 0;
        for (ManifestStream ms : spec.inputStreams()) {
            List<Beat> beats = stimulus.streams().stream().filter(s -> s.stream().equals(ms.name())).findFirst()
                    .map(StreamStimulus::beats).orElse(List.of());
            b.append("stream ").append(ms.name()).append(' ').append(beats.size()).append(' ').append(junk).append(' ')
                    .append(seedHex(seeds.seed(ms.name(), ChannelSeeds.JUNK))).append('\n');
            int index = 0;
            for (Beat beat : beats) {
                if (!beat.values().keySet().equals(new HashSet<>(ms.data()))) {
                    throw new IllegalArgumentException("stream '" + ms.name() + "' beat " + index + " sets ports "
                            + beat.values().keySet() + " but the stream's data ports are " + ms.data());
                }
                b.append(beat.idleBefore());
                for (String d : ms.data()) {
                    b.append(' ').append(hex(spec.port(d), beat.values().get(d), "stream '" + ms.name() + "' beat " + index));
                }
                b.append('\n');
                index++;
            }
        }
        Stalls out = stimulus.stress().outputStalls();
        for (ManifestStream ms : spec.stallableOutputs()) {
            b.append("ready ").append(ms.name()).append(' ').append(out.percent()).append(' ').append(out.maxLength())
                    .append(' ').append(seedHex(seeds.seed(ms.name(), ChannelSeeds.READY))).append('\n');
        }
        for (String name : spec.memoryNames()) {
            MemoryImage img = stimulus.memories().stream().filter(x -> x.memory().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stimulus has no memory image for memory '"
                            + name + "' of " + spec.top()));
            b.append("memory ").append(name).append(' ').append(img.words().size()).append(' ')
                    .append(img.latency().min()).append(' ').append(img.latency().max()).append(' ')
                    .append(img.bytesPerCycle()).append(' ').append(junk).append(' ')
                    .append(img.addressStalls().percent()).append(' ').append(img.addressStalls().maxLength()).append(' ')
                    .append(img.writeStalls().percent()).append(' ').append(img.writeStalls().maxLength());
            for (String tag : List.of(ChannelSeeds.AR, ChannelSeeds.R_LATENCY, ChannelSeeds.R_JUNK, ChannelSeeds.AW,
                    ChannelSeeds.W, ChannelSeeds.B_LATENCY)) {
                b.append(' ').append(seedHex(seeds.seed(name, tag)));
            }
            b.append('\n');
            int wordBits = 8 * dataBytes(spec, name);
            for (BigInteger w : img.words()) {
                if (w.bitLength() > wordBits) {
                    throw new IllegalArgumentException("memory '" + name + "' word " + w.toString(16)
                            + " is wider than data_bytes=" + wordBits / 8);
                }
                b.append(w.toString(16)).append('\n');
            }
        }
        for (MemoryImage img : stimulus.memories()) {
            if (!spec.memoryNames().contains(img.memory())) {
                throw new IllegalArgumentException("stimulus memory image '" + img.memory()
                        + "' is not a memory of " + spec.top());
            }
        }
        b.append("end\n");
        return b.toString();
    }

    private static void checkStreamNames(HarnessSpec spec, Stimulus stimulus) {
        Set<String> seen = new HashSet<>();
        for (StreamStimulus s : stimulus.streams()) {
            if (spec.inputStreams().stream().noneMatch(x -> x.name().equals(s.stream()))) {
                throw new IllegalArgumentException("stimulus stream '" + s.stream() + "' is not an input stream of " + spec.top());
            }
            if (!seen.add(s.stream())) {
                throw new IllegalArgumentException("stimulus lists stream '" + s.stream() + "' twice");
            }
        }
    }

    /** data_bytes of memory {@code name} (a read and a write memory of one name agree, the manifest checks it). */
    static int dataBytes(HarnessSpec spec, String name) {
        for (ReadMemoryPorts r : spec.memories()) {
            if (r.name().equals(name)) {
                return r.dataBytes();
            }
        }
        for (WriteMemoryPorts w : spec.writeMemories()) {
            if (w.name().equals(name)) {
                return w.dataBytes();
            }
        }
        throw new IllegalArgumentException(spec.top() + " has no memory named '" + name + "'");
    }

    public static String seedHex(long seed) {
        return Long.toHexString(seed);
    }

    private static String hex(ManifestPort p, BigInteger value, String where) {
        if (value == null || !p.fits(value)) {
            throw new IllegalArgumentException(where + ": value " + value + " for port '" + p.name()
                    + "' is out of range " + p.allowedRange());
        }
        return p.toBits(value).toString(16);
    }
}
