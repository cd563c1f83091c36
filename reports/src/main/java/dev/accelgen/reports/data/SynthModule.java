package dev.accelgen.reports.data;

import java.util.Map;
import java.util.TreeMap;

/** One module as Yosys counted it: resources and the cell-type histogram they come from. */
public record SynthModule(String name, Resources resources, Map<String, Long> cells) {
    public SynthModule {
        Check.text("name", name);
        Check.present("resources", resources);
        Check.present("cells", cells);
        cells.forEach((cell, n) -> Check.nonNegative("cells." + cell, n));
        cells = Map.copyOf(new TreeMap<>(cells));
    }

    /** The cells sorted by name (the stored map has no order). */
    public TreeMap<String, Long> sortedCells() {
        return new TreeMap<>(cells);
    }
}
