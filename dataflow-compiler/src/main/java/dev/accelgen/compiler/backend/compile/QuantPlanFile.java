package dev.accelgen.compiler.backend.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.PlanError;
import dev.accelgen.errors.UserInputException;
import dev.accelgen.sim.files.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A quantization plan file: the default scheme and per-layer schemes by node-name pattern ({@code *} any run of
 * characters, {@code ?} one), matched against the names of weight MatMuls (a LM head tied to the embedding, a MatMul
 * by the transposed embedding, included) and MoE nodes and of their weights; a later pattern wins over an earlier one.
 * <pre>
 * {"default": "w4a8", "layers": {"/lm_head/*": "int8", "/gate/MatMul": "w8a8"}}
 * </pre>
 * A pattern that matches no layer, an unknown scheme, and a scheme the accelerator cannot run (float) are refused.
 */
public final class QuantPlanFile {
    /** A plan file is a few kilobytes. */
    public static final long MAX_BYTES = 1L << 20;

    private QuantPlanFile() {
    }

    public static QuantPlan read(Path file, Graph g) {
        byte[] bytes = InputFile.read(file, MAX_BYTES, "", PlanError::new);
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), g);
    }

    public static QuantPlan parse(String text, String source, Graph g) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlanError(source, "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PlanError(source, "must hold a JSON object with \"default\" and \"layers\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("default") && !f.equals("layers")) {
                throw new PlanError(source, "has unknown field '" + f + "' (it takes \"default\" and \"layers\")");
            }
        }
        JsonNode d = root.get("default");
        if (d == null || !d.isTextual()) {
            throw new PlanError(source, "needs \"default\": a scheme name");
        }
        Scheme def = scheme(d.asText(), source, "default");
        Map<String, Scheme> overrides = new LinkedHashMap<>();
        JsonNode layers = root.get("layers");
        if (layers != null) {
            if (!layers.isObject()) {
                throw new PlanError(source, "\"layers\" must map name patterns to schemes");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new PlanError(source, "layer pattern " + e.getKey() + " must map to a scheme name");
                }
                Scheme s = scheme(e.getValue().asText(), source, "layer pattern " + e.getKey());
                Pattern p = glob(e.getKey());
                boolean any = false;
                for (Node n : g.nodes()) {
                    String weight = QuantPlan.isWeightMatMul(g, n) ? n.input(1) : QuantPlan.tiedWeight(g, n);
                    if ((weight != null || QuantPlan.isMoe(n)) && (p.matcher(n.name()).matches() || weight != null && p.matcher(weight).matches())) {
                        overrides.put(n.name(), s);
                        any = true;
                    }
                }
                if (!any) {
                    throw new PlanError(source, "layer pattern " + e.getKey() + " names no weight MatMul or MoE of " + g.name()
                            + " (by node or weight name)");
                }
            }
        }
        return new QuantPlan(def, overrides);
    }

    private static Scheme scheme(String name, String source, String where) {
        Scheme s;
        try {
            s = Scheme.parse(name);
        } catch (UserInputException e) {
            throw new PlanError(source, where + ": " + e.getMessage());
        }
        if (s instanceof Scheme.Float) {
            throw new PlanError(source, where + ": scheme float runs on no matrix unit; the accelerator needs ternary, "
                    + "w{2,3,4,8}a{8,16}, int8 or int8-N:M");
        }
        return s;
    }

    private static Pattern glob(String g) {
        StringBuilder b = new StringBuilder();
        for (char ch : g.toCharArray()) {
            if (ch == '*') {
                b.append(".*");
            } else if (ch == '?') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
