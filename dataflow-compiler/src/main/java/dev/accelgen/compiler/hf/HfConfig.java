package dev.accelgen.compiler.hf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accelgen.compiler.ModelInputException;

/** A parsed config.json with typed accessors whose failures name the file and the key. */
public final class HfConfig {
    private final String source;
    private final JsonNode root;

    private HfConfig(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    public static HfConfig parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelInputException(source, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new ModelInputException(source, "cannot read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ModelInputException(source, "a config.json must be a JSON object");
        }
        return new HfConfig(source, root);
    }

    public String source() {
        return source;
    }

    /** The first entry of "architectures", else "model_type", else "". */
    public String architecture() {
        JsonNode a = root.get("architectures");
        if (a != null && a.isArray() && a.size() > 0) {
            return a.get(0).asText();
        }
        JsonNode t = root.get("model_type");
        return t == null ? "" : t.asText();
    }

    public boolean has(String key) {
        return root.has(key) && !root.get(key).isNull();
    }

    public int requireInt(String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            throw new ModelInputException(source, "missing required key '" + key + "'");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ModelInputException(source, "key '" + key + "' must be an integer (got " + v + ")");
        }
        return v.intValue();
    }

    public int optInt(String key, int dflt) {
        return has(key) ? requireInt(key) : dflt;
    }

    public double optDouble(String key, double dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = root.get(key);
        if (!v.isNumber()) {
            throw new ModelInputException(source, "key '" + key + "' must be a number (got " + v + ")");
        }
        return v.doubleValue();
    }

    public boolean optBool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = root.get(key);
        if (!v.isBoolean()) {
            throw new ModelInputException(source, "key '" + key + "' must be true or false (got " + v + ")");
        }
        return v.booleanValue();
    }

    /** Fails with the key, its value and the allowed range. */
    public void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new ModelInputException(source, "key '" + key + "' is " + value + ", must be " + allowed);
        }
    }
}
