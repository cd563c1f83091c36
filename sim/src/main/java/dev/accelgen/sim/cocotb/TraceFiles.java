package dev.accelgen.sim.cocotb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes traces as JSON ({@code expected.json} written from a golden model, and the
 * {@code actual.json} the cocotb testbench records). Values are hex bit patterns as in
 * {@link StimulusFiles}:
 * <pre>
 * {"format": "accelgen-trace/1", "top": "mac_pipe", "total_cycles": 8,
 *  "events": [{"cycle": 7, "stream": "out", "values": {"out_acc": "0x2"}}, ...]}
 * </pre>
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    public static String toJson(Manifest manifest, Trace trace) {
        ObjectNode root = StimulusFiles.JSON.createObjectNode();
        root.put("format", "accelgen-trace/1");
        root.put("top", manifest.top());
        root.put("total_cycles", trace.totalCycles());
        ArrayNode events = root.putArray("events");
        for (OutputEvent e : trace.events()) {
            if (manifest.stream(e.stream()).isEmpty()) {
                throw new IllegalArgumentException("trace event on '" + e.stream() + "', which is not a stream of " + manifest.top());
            }
            ObjectNode en = events.addObject();
            en.put("cycle", e.cycle());
            en.put("stream", e.stream());
            en.set("values", StimulusFiles.hexValues(manifest, e.values()));
        }
        return StimulusFiles.write(root);
    }

    public static void write(Manifest manifest, Trace trace, Path file) {
        StimulusFiles.writeFile(file, toJson(manifest, trace));
    }

    /** Reads a trace JSON; values of signed ports come back negative where their top bit is set. */
    public static Trace read(Manifest manifest, Path file) {
        JsonNode root;
        try {
            root = StimulusFiles.JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        if (!"accelgen-trace/1".equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not an accelgen-trace/1 file");
        }
        List<OutputEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            Map<String, BigInteger> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : e.path("values").properties()) {
                ManifestPort p = manifest.port(v.getKey());
                values.put(v.getKey(), p.fromBits(new BigInteger(v.getValue().asText().substring(2), 16)));
            }
            events.add(new OutputEvent(e.path("cycle").asLong(), e.path("stream").asText(), values));
        }
        return new Trace(events, root.path("total_cycles").asLong());
    }
}
