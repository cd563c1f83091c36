package dev.accelgen.sim.cocotb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ReadMemoryPorts;
import dev.accelgen.sim.manifest.WriteMemoryPorts;
import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;
import dev.accelgen.sim.stress.Stress;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.StimulusFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code stimulus.json} for the cocotb testbench (sim/cocotb/accelgen_tb.py). Values are
 * hex strings of the port's bit pattern ("0x..", two's complement for signed ports), so no
 * precision is lost in JSON numbers:
 * <pre>
 * {"format": "accelgen-stimulus/2", "top": "mac_pipe", "seed": 42,
 *  "limits": {"reset_cycles": 4, "idle_limit": 100, "max_cycles": 10000000, "min_cycles": 0},
 *  "stress": {"junk": true, "output_stalls": {"percent": 10, "max": 16}},
 *  "statics": {"shift": "0x1"},
 *  "streams": [{"name": "in", "beats": [{"idle": 0, "values": {"in_a": "0x3", ...}}, ...]}],
 *  "memories": [{"name": "m", "latency": {"min": 3, "max": 9}, "bytes_per_cycle": 2,
 *                "address_stalls": {"percent": 10, "max": 16}, "write_stalls": {"percent": 0, "max": 0},
 *                "words": ["0x..", ...]}],
 *  "seeds": {"in.junk": "0x..", "out.ready": "0x..", "m.ar": "0x..", ...}}
 * </pre>
 * {@code seeds} holds the seed of every random channel of the unit ({@code <owner>.<tag>}, see
 * {@link ChannelSeeds}), so the testbench derives none. Output is deterministic (same stimulus, same bytes).
 */
public final class StimulusFiles {
    public static final String FORMAT = "accelgen-stimulus/2";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StimulusFiles() {
    }

    public static String toJson(Manifest manifest, Stimulus stimulus, RunLimits limits) {
        // Same validation as the Verilator harness: unknown streams/ports and out-of-range values fail here.
        StimulusFileWriter.write(HarnessSpec.of(manifest), stimulus, limits);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("top", manifest.top());
        root.put("seed", stimulus.seed());
        ObjectNode l = root.putObject("limits");
        l.put("reset_cycles", limits.resetCycles());
        l.put("idle_limit", limits.idleLimit());
        l.put("max_cycles", limits.maxCycles());
        l.put("min_cycles", limits.minCycles());
        ObjectNode stress = root.putObject("stress");
        stress.put("junk", stimulus.stress().junk());
        stress.set("output_stalls", stalls(stimulus.stress().outputStalls()));
        root.set("statics", hexValues(manifest, stimulus.statics()));
        ArrayNode streams = root.putArray("streams");
        for (StreamStimulus s : stimulus.streams()) {
            ObjectNode sn = streams.addObject();
            sn.put("name", s.stream());
            ArrayNode beats = sn.putArray("beats");
            for (Beat b : s.beats()) {
                ObjectNode bn = beats.addObject();
                bn.put("idle", b.idleBefore());
                bn.set("values", hexValues(manifest, b.values()));
            }
        }
        ArrayNode mems = root.putArray("memories");
        for (MemoryImage m : stimulus.memories()) {
            ObjectNode mn = mems.addObject();
            mn.put("name", m.memory());
            ObjectNode lat = mn.putObject("latency");
            lat.put("min", m.latency().min());
            lat.put("max", m.latency().max());
            mn.put("bytes_per_cycle", m.bytesPerCycle());
            mn.set("address_stalls", stalls(m.addressStalls()));
            mn.set("write_stalls", stalls(m.writeStalls()));
            ArrayNode words = mn.putArray("words");
            m.words().forEach(w -> words.add("0x" + w.toString(16)));
        }
        root.set("seeds", seeds(manifest, ChannelSeeds.of(stimulus.seed())));
        return write(root);
    }

    private static ObjectNode stalls(Stalls s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("percent", s.percent());
        n.put("max", s.maxLength());
        return n;
    }

    private static Stalls stalls(JsonNode n) {
        return new Stalls(n.path("percent").asInt(), n.path("max").asInt());
    }

    /** The seed of every random channel the testbench drives for this manifest. */
    private static ObjectNode seeds(Manifest m, ChannelSeeds seeds) {
        ObjectNode n = JSON.createObjectNode();
        m.inputStreams().forEach(s -> putSeed(n, seeds, s.name(), ChannelSeeds.JUNK));
        m.outputStreams().stream().filter(s -> s.ready() != null).forEach(s -> putSeed(n, seeds, s.name(), ChannelSeeds.READY));
        for (ReadMemoryPorts r : m.readMemories()) {
            for (String tag : List.of(ChannelSeeds.AR, ChannelSeeds.R_LATENCY, ChannelSeeds.R_JUNK)) {
                putSeed(n, seeds, r.name(), tag);
            }
        }
        for (WriteMemoryPorts w : m.writeMemories()) {
            for (String tag : List.of(ChannelSeeds.AW, ChannelSeeds.W, ChannelSeeds.B_LATENCY)) {
                putSeed(n, seeds, w.name(), tag);
            }
        }
        return n;
    }

    private static void putSeed(ObjectNode n, ChannelSeeds seeds, String owner, String tag) {
        n.put(owner + "." + tag, "0x" + StimulusFileWriter.seedHex(seeds.seed(owner, tag)));
    }

    public static void write(Manifest manifest, Stimulus stimulus, RunLimits limits, Path file) {
        writeFile(file, toJson(manifest, stimulus, limits));
    }

    /**
     * Reads a stimulus.json back (e.g. a stimulus given on the command line). Signed ports come
     * back as negative numbers where their top bit is set; the limits and seeds in the file are not part
     * of a {@link Stimulus} and are ignored (seeds follow from the stimulus seed). Problems are one-line errors naming the file.
     */
    public static Stimulus read(Manifest manifest, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read stimulus (" + e.getMessage().split("\n")[0] + ")");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not an " + FORMAT + " file (\"format\" field)");
        }
        try {
            List<StreamStimulus> streams = new ArrayList<>();
            for (JsonNode s : root.path("streams")) {
                List<Beat> beats = new ArrayList<>();
                for (JsonNode b : s.path("beats")) {
                    beats.add(new Beat(b.path("idle").asInt(), values(manifest, b.path("values"))));
                }
                streams.add(new StreamStimulus(s.path("name").asText(), beats));
            }
            List<MemoryImage> memories = new ArrayList<>();
            for (JsonNode m : root.path("memories")) {
                List<BigInteger> words = new ArrayList<>();
                m.path("words").forEach(w -> words.add(hex(w.asText())));
                memories.add(new MemoryImage(m.path("name").asText(), new LatencyRange(m.path("latency").path("min").asInt(),
                        m.path("latency").path("max").asInt()), m.path("bytes_per_cycle").asInt(),
                        stalls(m.path("address_stalls")), stalls(m.path("write_stalls")), words));
            }
            JsonNode stress = root.path("stress");
            Stimulus s = new Stimulus(streams, root.path("seed").asLong(-1), values(manifest, root.path("statics")), memories,
                    new Stress(stress.path("junk").asBoolean(), stalls(stress.path("output_stalls"))));
            StimulusFileWriter.write(HarnessSpec.of(manifest), s, RunLimits.DEFAULT); // same checks as a run
            return s;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static Map<String, BigInteger> values(Manifest manifest, JsonNode node) {
        Map<String, BigInteger> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), manifest.port(e.getKey()).fromBits(hex(e.getValue().asText())));
        }
        return out;
    }

    private static BigInteger hex(String text) {
        if (!text.matches("0x[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("value '" + text + "' is not a 0x-prefixed hex bit pattern");
        }
        return new BigInteger(text.substring(2), 16);
    }

    static ObjectNode hexValues(Manifest manifest, Map<String, BigInteger> values) {
        ObjectNode n = JSON.createObjectNode();
        values.forEach((k, v) -> {
            ManifestPort p = manifest.port(k);
            n.put(k, "0x" + p.toBits(v).toString(16));
        });
        return n;
    }

    static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFile(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
