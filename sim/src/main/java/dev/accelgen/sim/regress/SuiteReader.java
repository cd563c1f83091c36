package dev.accelgen.sim.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.errors.ConfigError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a suite file:
 * <pre>
 * {"suite": "smoke", "description": "...",
 *  "cases": [{"type": "unit-random", "kind": "mixpe", "configs": 3, "seed": 11}, ...]}
 * </pre>
 * Each entry's other keys belong to its type. The suite hash is the SHA-256 of the document with object keys
 * sorted and no whitespace, so reformatting a file keeps its hash and changing any value changes it.
 */
public final class SuiteReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> TOP_KEYS = Set.of("suite", "description", "cases");

    private SuiteReader() {
    }

    /**
     * @param text   the suite JSON
     * @param origin the file name used in error messages ({@code nightly.json})
     * @param ref    how a command line names this suite again (built-in name or absolute path)
     */
    public static Suite parse(String text, String origin, String ref) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ConfigError(origin, "not valid JSON: " + e.getOriginalMessage().split("\n")[0] + at);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigError(origin, "a suite must be a JSON object with \"suite\" and \"cases\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw new ConfigError(origin, "unknown key \"" + k + "\" (a suite has \"suite\", \"description\" and \"cases\")");
            }
        }
        JsonNode name = root.get("suite");
        if (name == null || !name.isTextual() || !name.asText().matches("[a-z0-9][a-z0-9._-]*")) {
            throw new ConfigError(origin, "\"suite\" must be a name of a-z 0-9 . _ - (got " + name + ")");
        }
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw new ConfigError(origin, "\"cases\" must be a non-empty array of case entries");
        }
        List<SuiteEntry> entries = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String where = origin + " cases[" + i + "]";
            JsonNode c = cases.get(i);
            if (!c.isObject() || !c.path("type").isTextual()) {
                throw new ConfigError(where, "each case entry must be an object with a \"type\" string");
            }
            entries.add(new SuiteEntry(where, c.get("type").asText(), (ObjectNode) c));
        }
        JsonNode description = root.path("description");
        return new Suite(name.asText(), ref, hash(root), description.isTextual() ? description.asText() : "", entries);
    }

    static String hash(JsonNode root) {
        try {
            Object plain = JSON.treeToValue(root, Object.class);
            byte[] canonical = CANONICAL.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a parsed suite", e);
        }
    }
}
