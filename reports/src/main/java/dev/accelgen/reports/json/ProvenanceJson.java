package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.data.Provenance;
import java.util.List;
import java.util.Map;

/**
 * {@code provenance.json}: for every report file, where its figures come from. FINN's flat files cannot carry it
 * themselves (their readers take every key for a layer).
 */
public final class ProvenanceJson {
    private ProvenanceJson() {
    }

    public static ObjectNode of(Map<String, List<Provenance>> byFile) {
        ObjectNode o = JsonText.object();
        byFile.forEach((file, list) -> {
            ArrayNode a = o.putArray(file);
            list.forEach(p -> a.add(JsonText.tree(p)));
        });
        return o;
    }
}
