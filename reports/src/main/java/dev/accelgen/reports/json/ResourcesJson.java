package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.data.Resources;

/** Resources as {@code {"lut": .., "ff": .., "dsp": .., "bram36": .., "uram": ..}}, in {@link Resources#KEYS} order. */
final class ResourcesJson {
    private ResourcesJson() {
    }

    static ObjectNode of(Resources r) {
        ObjectNode o = JsonText.object();
        for (String k : Resources.KEYS) {
            FinnJson.putNumber(o, k, r.get(k));
        }
        return o;
    }
}
