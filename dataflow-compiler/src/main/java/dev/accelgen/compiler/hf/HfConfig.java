package dev.accelgen.compiler.hf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accelgen.errors.ModelError;
import java.util.Locale;
import java.util.Map;

/** A parsed config.json with typed accessors whose failures name the file and the key. */
public final class HfConfig {
    /**
     * The size keys: each is at least 1, and at most a bound far above any published model, so a config past them
     * (a typo, a damaged file) is refused before a graph of that size is built.
     */
    static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("num_hidden_layers", 1024), Map.entry("hidden_size", 1 << 17), Map.entry("intermediate_size", 1 << 19),
            Map.entry("expert_intermediate_size", 1 << 19), Map.entry("num_attention_heads", 1024),
            Map.entry("num_key_value_heads", 1024), Map.entry("vocab_size", 1 << 23), Map.entry("num_experts", 1024),
            Map.entry("num_experts_per_tok", 1024), Map.entry("image_size", 1 << 14), Map.entry("patch_size", 1 << 14),
            Map.entry("num_channels", 1024), Map.entry("num_tasks", 1024), Map.entry("moe_layer_interval", 1024),
            Map.entry("hidden_ratio", 64), Map.entry("expand_ratio", 64));

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
            throw new ModelError(source, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new ModelError(source, "cannot read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ModelError(source, "a config.json must be a JSON object");
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
            throw new ModelError(source, "missing required key '" + key + "'");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ModelError(source, "key '" + key + "' must be an integer (got " + v + ")");
        }
        Integer limit = LIMITS.get(key);
        if (limit != null && v.intValue() < 1) {
            throw new ModelError(source, "key '" + key + "' is " + v.intValue() + ", must be >= 1");
        }
        if (limit != null && v.intValue() > limit) {
            throw new ModelError(source, String.format(Locale.ROOT, "key '%s' is %,d, more than the %,d accelgen builds graphs for",
                    key, v.intValue(), limit));
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
            throw new ModelError(source, "key '" + key + "' must be a number (got " + v + ")");
        }
        return v.doubleValue();
    }

    public boolean optBool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = root.get(key);
        if (!v.isBoolean()) {
            throw new ModelError(source, "key '" + key + "' must be true or false (got " + v + ")");
        }
        return v.booleanValue();
    }

    /** Fails with the key, its value and the allowed range. */
    public void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new ModelError(source, "key '" + key + "' is " + value + ", must be " + allowed);
        }
    }
}
