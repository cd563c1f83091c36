package dev.accelgen.sim.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates {@code <top>.manifest.json} (format in sim/README.md, sections "Manifest", "Read memories"
 * and "Write memories"). Every problem becomes a one-line {@link IllegalArgumentException} that starts with the
 * file name: a manifest is accelgen's own output (the emitter wrote it moments before), so a bad one is a bug, an
 * internal error rather than a user's input error.
 */
public final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestReader() {
    }

    public static Manifest read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read manifest (" + e.getMessage() + ")");
        }
        Manifest m = parse(text, file.toAbsolutePath().getParent(), file.toString());
        for (String f : concat(m.files(), m.simFiles())) {
            if (!Files.isRegularFile(m.dir().resolve(f))) {
                throw new IllegalArgumentException(file + ": listed source file '" + f + "' does not exist in " + m.dir());
            }
        }
        return m;
    }

    /** Parses manifest text; {@code origin} names the input in error messages. */
    public static Manifest parse(String text, Path dir, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage().split("\n")[0] + where);
        }
        try {
            return toManifest(root, dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
    }

    private static Manifest toManifest(JsonNode root, Path dir) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the manifest must be a JSON object");
        }
        String top = text(root, "top");
        String clock = text(object(root, "clock"), "name");
        ManifestReset reset = null;
        JsonNode r = root.get("reset");
        if (r != null && !r.isNull()) {
            String kind = text(r, "kind");
            if (!kind.equals("sync") && !kind.equals("async")) {
                throw new IllegalArgumentException("reset.kind must be \"sync\" or \"async\", got \"" + kind + "\"");
            }
            reset = new ManifestReset(text(r, "name"),
                    kind.equals("sync") ? ManifestReset.Kind.SYNC : ManifestReset.Kind.ASYNC, bool(r, "active_low"));
        }
        List<ManifestPort> ports = new ArrayList<>();
        for (JsonNode p : array(root, "ports")) {
            ports.add(new ManifestPort(text(p, "name"), direction(p, "port"), integer(p, "width"),
                    p.has("signed") && bool(p, "signed")));
        }
        List<ManifestStream> streams = new ArrayList<>();
        for (JsonNode s : array(root, "streams")) {
            JsonNode ready = s.get("ready");
            List<String> data = new ArrayList<>();
            for (JsonNode d : array(s, "data")) {
                data.add(d.asText());
            }
            streams.add(new ManifestStream(text(s, "name"), direction(s, "stream"), text(s, "valid"),
                    ready == null || ready.isNull() ? null : ready.asText(), data));
        }
        List<ReadMemoryPorts> memories = new ArrayList<>();
        if (root.has("read_memories")) {
            for (JsonNode m : array(root, "read_memories")) {
                memories.add(new ReadMemoryPorts(text(m, "name"), text(m, "ar_valid"), text(m, "ar_ready"),
                        text(m, "ar_addr"), text(m, "ar_len"), text(m, "r_valid"), text(m, "r_ready"),
                        text(m, "r_data"), text(m, "r_last"), integer(m, "data_bytes")));
            }
        }
        List<WriteMemoryPorts> writes = new ArrayList<>();
        if (root.has("write_memories")) {
            for (JsonNode m : array(root, "write_memories")) {
                writes.add(new WriteMemoryPorts(text(m, "name"), text(m, "aw_valid"), text(m, "aw_ready"),
                        text(m, "aw_addr"), text(m, "aw_len"), text(m, "w_valid"), text(m, "w_ready"), text(m, "w_data"),
                        text(m, "w_strb"), text(m, "w_last"), text(m, "b_valid"), text(m, "b_ready"),
                        integer(m, "data_bytes")));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode pn = root.get("params");
        if (pn != null && pn.isObject()) {
            for (Map.Entry<String, JsonNode> e : pn.properties()) {
                params.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        }
        return new Manifest(top, clock, reset, ports, streams, memories, writes, params, strings(root, "files"),
                root.has("sim_files") ? strings(root, "sim_files") : List.of(), dir);
    }

    private static ManifestPort.Direction direction(JsonNode n, String what) {
        String d = text(n, "direction");
        return switch (d) {
            case "in" -> ManifestPort.Direction.IN;
            case "out" -> ManifestPort.Direction.OUT;
            default -> throw new IllegalArgumentException(what + " '" + n.path("name").asText()
                    + "' direction must be \"in\" or \"out\", got \"" + d + "\"");
        };
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(n, field)) {
            if (!s.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must contain only strings, got " + s);
            }
            out.add(s.asText());
        }
        return out;
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("missing object field '" + field + "'");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("missing array field '" + field + "'" + where(n));
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("missing string field '" + field + "'" + where(n));
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("missing integer field '" + field + "'" + where(n));
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("missing boolean field '" + field + "'" + where(n));
        }
        return v.asBoolean();
    }

    private static String where(JsonNode n) {
        return n.has("name") ? " in '" + n.get("name").asText() + "'" : "";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
