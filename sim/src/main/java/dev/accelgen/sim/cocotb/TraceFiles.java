package dev.accelgen.sim.cocotb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.WriteEvent;
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
 * {"format": "accelgen-trace/2", "top": "mac_pipe", "total_cycles": 8,
 *  "events": [{"cycle": 7, "stream": "out", "values": {"out_acc": "0x2"}}, ...],
 *  "acceptances": [{"cycle": 4, "stream": "in", "beat": 0}, ...],
 *  "writes": [{"cycle": 9, "memory": "m", "channel": "aw", "addr": "0x40", "len": 3},
 *             {"cycle": 11, "memory": "m", "channel": "w", "addr": "0x40", "data": "0x..", "strb": "0xf"},
 *             {"cycle": 20, "memory": "m", "channel": "b"}, ...]}
 * </pre>
 */
public final class TraceFiles {
    public static final String FORMAT = "accelgen-trace/2";

    private TraceFiles() {
    }

    public static String toJson(Manifest manifest, Trace trace) {
        ObjectNode root = StimulusFiles.JSON.createObjectNode();
        root.put("format", FORMAT);
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
        ArrayNode acceptances = root.putArray("acceptances");
        for (Acceptance a : trace.acceptances()) {
            ObjectNode an = acceptances.addObject();
            an.put("cycle", a.cycle());
            an.put("stream", a.stream());
            an.put("beat", a.beat());
        }
        ArrayNode writes = root.putArray("writes");
        for (WriteEvent w : trace.writes()) {
            ObjectNode wn = writes.addObject();
            wn.put("cycle", w.cycle());
            wn.put("memory", w.memory());
            wn.put("channel", w.channel());
            if (w instanceof WriteEvent.Address a) {
                wn.put("addr", "0x" + Long.toHexString(a.address()));
                wn.put("len", a.len());
            } else if (w instanceof WriteEvent.Data d) {
                wn.put("addr", "0x" + Long.toHexString(d.address()));
                wn.put("data", "0x" + d.data().toString(16));
                wn.put("strb", "0x" + d.strobe().toString(16));
            }
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
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not an " + FORMAT + " file");
        }
        List<OutputEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            Map<String, BigInteger> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : e.path("values").properties()) {
                ManifestPort p = manifest.port(v.getKey());
                values.put(v.getKey(), p.fromBits(hex(v.getValue())));
            }
            events.add(new OutputEvent(e.path("cycle").asLong(), e.path("stream").asText(), values));
        }
        List<Acceptance> acceptances = new ArrayList<>();
        for (JsonNode a : root.path("acceptances")) {
            acceptances.add(new Acceptance(a.path("cycle").asLong(), a.path("stream").asText(), a.path("beat").asInt()));
        }
        List<WriteEvent> writes = new ArrayList<>();
        for (JsonNode w : root.path("writes")) {
            long cycle = w.path("cycle").asLong();
            String memory = w.path("memory").asText();
            writes.add(switch (w.path("channel").asText()) {
                case "aw" -> new WriteEvent.Address(cycle, memory, hex(w.path("addr")).longValue(), w.path("len").asInt());
                case "w" -> new WriteEvent.Data(cycle, memory, hex(w.path("addr")).longValue(), hex(w.path("data")),
                        hex(w.path("strb")));
                case "b" -> new WriteEvent.Response(cycle, memory);
                default -> throw new IllegalArgumentException(file + ": write channel must be aw, w or b, got " + w.path("channel"));
            });
        }
        return new Trace(events, root.path("total_cycles").asLong(), acceptances, writes);
    }

    private static BigInteger hex(JsonNode n) {
        return new BigInteger(n.asText().substring(2), 16);
    }
}
