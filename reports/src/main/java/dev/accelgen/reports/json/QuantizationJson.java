package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.data.QuantLayer;
import dev.accelgen.reports.data.Quantization;
import java.util.List;

/** {@code quantization_error.json}: per weight product and per model output, the error against the float model. */
public final class QuantizationJson {
    private QuantizationJson() {
    }

    public static ObjectNode of(Quantization q) {
        ObjectNode o = JsonText.object();
        o.set("provenance", JsonText.tree(q.provenance()));
        o.put("reference", q.reference());
        o.put("worst_output_cosine", q.worstOutputCosine());
        rows(o.putArray("layers"), q.layers());
        rows(o.putArray("outputs"), q.outputs());
        return o;
    }

    private static void rows(ArrayNode array, List<QuantLayer> rows) {
        for (QuantLayer l : rows) {
            array.add(JsonText.tree(l));
        }
    }
}
