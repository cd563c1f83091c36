package dev.accelgen.sim.manifest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The distinct memory names of read and write memories: a read and a write memory of one name share an image. */
public final class MemoryNames {
    private MemoryNames() {
    }

    public static List<String> of(List<ReadMemoryPorts> reads, List<WriteMemoryPorts> writes) {
        Set<String> names = new LinkedHashSet<>();
        reads.forEach(r -> names.add(r.name()));
        writes.forEach(w -> names.add(w.name()));
        return List.copyOf(names);
    }
}
