package dev.accelgen.boards.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accelgen.errors.BoardError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the board schema "accelgen-board/1" (the built-in boards use it too). Strict: unknown fields, missing
 * fields and wrong types are errors, because a typo in a hand-written board.json must not silently become a default.
 * Every error is one line: {@code <source>: <json path>: <what is wrong>}.
 */
public final class BoardJson {
    public static final String SCHEMA = "accelgen-board/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;

    private BoardJson(String source) {
        this.source = source;
    }

    /** Parses a board description; {@code source} names the input in error messages (a file name). */
    public static Board parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BoardError(source, "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new BoardError(source, "must be a JSON object with \"schema\": \"" + SCHEMA + "\"");
        }
        return new BoardJson(source).board(root);
    }

    private Board board(JsonNode n) {
        fields(n, "", "schema", "name", "description", "sources", "part", "board_part", "platform", "flow", "vivado",
                "kernel_clock_mhz", "processing_system", "resources", "slrs", "clocks", "reset", "pins", "memories",
                "unverified");
        String schema = text(n, "", "schema");
        if (!SCHEMA.equals(schema)) {
            throw fail("schema", "= '" + schema + "' is not supported, must be " + SCHEMA);
        }
        JsonNode ps = n.get("processing_system");
        return build("", () -> new Board(
                text(n, "", "name"),
                text(n, "", "description"),
                list(n, "", "sources", (e, p) -> textValue(e, p)),
                text(n, "", "part"),
                text(n, "", "board_part"),
                optText(n, "", "platform"),
                build("flow", () -> Flow.parse(text(n, "", "flow"))),
                vivado(object(n, "", "vivado")),
                (int) integer(n, "", "kernel_clock_mhz"),
                ps == null || ps.isNull() ? null : processingSystem(object(n, "", "processing_system")),
                build("resources", () -> resources(object(n, "", "resources"), "resources")),
                list(n, "", "slrs", this::slr),
                list(n, "", "clocks", this::clock),
                reset(object(n, "", "reset")),
                list(n, "", "pins", this::pin),
                list(n, "", "memories", this::memory),
                list(n, "", "unverified", (e, p) -> textValue(e, p))));
    }

    private VivadoRange vivado(JsonNode n) {
        fields(n, "vivado", "min", "max");
        return build("vivado", () -> new VivadoRange(text(n, "vivado", "min"), optText(n, "vivado", "max")));
    }

    private ProcessingSystem processingSystem(JsonNode n) {
        String p = "processing_system";
        fields(n, p, "ip", "control_master", "memory_slave", "fabric_clock", "control_base");
        String base = text(n, p, "control_base");
        if (!base.matches("0x[0-9A-Fa-f]{1,16}")) {
            throw fail(p + ".control_base", "= '" + base + "' is not a hex address, must look like 0xA0000000");
        }
        return build(p, () -> new ProcessingSystem(text(n, p, "ip"), text(n, p, "control_master"),
                text(n, p, "memory_slave"), text(n, p, "fabric_clock"), Long.parseUnsignedLong(base.substring(2), 16)));
    }

    private Resources resources(JsonNode n, String p) {
        fields(n, p, "lut", "ff", "dsp", "bram36", "uram");
        return new Resources(integer(n, p, "lut"), integer(n, p, "ff"), integer(n, p, "dsp"),
                integer(n, p, "bram36"), integer(n, p, "uram"));
    }

    private Slr slr(JsonNode n, String p) {
        fields(n, p, "name", "lut", "ff", "dsp", "bram36", "uram");
        return build(p, () -> new Slr(text(n, p, "name"), new Resources(integer(n, p, "lut"), integer(n, p, "ff"),
                integer(n, p, "dsp"), integer(n, p, "bram36"), integer(n, p, "uram"))));
    }

    private BoardClock clock(JsonNode n, String p) {
        fields(n, p, "name", "port", "p", "n", "iostandard", "mhz", "dqs_bias");
        return build(p, () -> new BoardClock(text(n, p, "name"), text(n, p, "port"), text(n, p, "p"),
                optText(n, p, "n"), text(n, p, "iostandard"), number(n, p, "mhz"), bool(n, p, "dqs_bias")));
    }

    private BoardReset reset(JsonNode n) {
        String p = "reset";
        fields(n, p, "name", "port", "pin", "iostandard", "active_low");
        return build(p, () -> new BoardReset(text(n, p, "name"), text(n, p, "port"), text(n, p, "pin"),
                text(n, p, "iostandard"), bool(n, p, "active_low")));
    }

    private BoardPin pin(JsonNode n, String p) {
        Set<String> optional = Set.of("tie", "required_in_custom_shell");
        fieldsWithOptional(n, p, optional, "name", "port", "pin", "iostandard", "direction");
        return build(p, () -> new BoardPin(text(n, p, "name"), text(n, p, "port"), text(n, p, "pin"),
                text(n, p, "iostandard"), text(n, p, "direction"), n.has("tie") ? optText(n, p, "tie") : null,
                n.has("required_in_custom_shell") && bool(n, p, "required_in_custom_shell")));
    }

    private MemoryGroup memory(JsonNode n, String p) {
        fields(n, p, "name", "kind", "banks", "bank_mib", "bank_gbps", "slr", "via");
        return build(p, () -> new MemoryGroup(text(n, p, "name"), text(n, p, "kind"), (int) integer(n, p, "banks"),
                integer(n, p, "bank_mib"), number(n, p, "bank_gbps"), optText(n, p, "slr"), optText(n, p, "via")));
    }

    // ---- typed field access with path-based one-line errors ----

    private interface Element<T> {
        T read(JsonNode node, String path);
    }

    private <T> List<T> list(JsonNode n, String p, String field, Element<T> element) {
        JsonNode a = n.get(field);
        String path = join(p, field);
        if (a == null) {
            throw fail(path, "is missing, must be a JSON array");
        }
        if (!a.isArray()) {
            throw fail(path, "must be a JSON array, got " + a.getNodeType().name().toLowerCase());
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(element.read(a.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private JsonNode object(JsonNode n, String p, String field) {
        JsonNode o = n.get(field);
        String path = join(p, field);
        if (o == null || o.isNull()) {
            throw fail(path, "is missing, must be a JSON object");
        }
        if (!o.isObject()) {
            throw fail(path, "must be a JSON object, got " + o.getNodeType().name().toLowerCase());
        }
        return o;
    }

    private String text(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(join(p, field), "is missing, must be a string");
        }
        return textValue(v, join(p, field));
    }

    private String optText(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw fail(join(p, field), "is missing, must be a string or null");
        }
        return v.isNull() ? null : textValue(v, join(p, field));
    }

    private String textValue(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw fail(path, "must be a string, got " + v.getNodeType().name().toLowerCase() + " " + v);
        }
        return v.asText();
    }

    private long integer(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(join(p, field), "is missing, must be an integer");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(join(p, field), "must be an integer, got " + v);
        }
        long x = v.asLong();
        if (x < 0 || x > Integer.MAX_VALUE * 16L) {
            throw fail(join(p, field), "= " + x + " out of range, must be 0.." + Integer.MAX_VALUE * 16L);
        }
        return x;
    }

    private double number(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(join(p, field), "is missing, must be a number");
        }
        if (!v.isNumber()) {
            throw fail(join(p, field), "must be a number, got " + v);
        }
        return v.asDouble();
    }

    private boolean bool(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(join(p, field), "is missing, must be true or false");
        }
        if (!v.isBoolean()) {
            throw fail(join(p, field), "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private void fields(JsonNode n, String p, String... required) {
        fieldsWithOptional(n, p, Set.of(), required);
    }

    private void fieldsWithOptional(JsonNode n, String p, Set<String> optional, String... required) {
        if (!n.isObject()) {
            throw fail(p, "must be a JSON object, got " + n.getNodeType().name().toLowerCase());
        }
        Set<String> allowed = new TreeSet<>(List.of(required));
        allowed.addAll(optional);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw fail(join(p, f), "is not a known field, allowed here: " + String.join(", ", allowed));
            }
        }
        for (String f : required) {
            if (!n.has(f)) {
                throw fail(join(p, f), "is missing");
            }
        }
    }

    /** Runs a record constructor and prefixes its validation message with the JSON path. */
    private <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new BoardError(source, (path.isEmpty() ? "" : path + ": ") + e.getMessage());
        }
    }

    private BoardError fail(String path, String what) {
        return new BoardError(source, path + " " + what);
    }

    private static String join(String p, String field) {
        return p.isEmpty() ? field : p + "." + field;
    }

}
