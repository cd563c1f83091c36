package dev.accelgen.reports.data;

import java.util.List;

/** Per-layer figures of the golden timing model ({@code layers.json}), in program order; names are unique. */
public record LayerTable(List<Layer> layers, Provenance provenance) {
    public LayerTable {
        layers = Check.uniqueList("layers", layers, Layer::name);
        Check.present("provenance", provenance);
    }

    /** The layers of one phase, in order. */
    public List<Layer> phase(String phase) {
        return layers.stream().filter(l -> l.phase().equals(phase)).toList();
    }
}
