package dev.accelgen.compiler.backend.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything lives off chip, per port: the program on port 0 at {@link #progOffset}, weight tiles striped over
 * every port, fixed regions (parameters, tables, states), then each port's positional regions (inputs, outputs, KV
 * caches, rotary tables), whose sizes follow the context given at run time.
 *
 * @param ports     AXI ports
 * @param portBytes bytes per beat of every port
 * @param progOffset the program's byte offset on port 0
 * @param regions   every region by name, in layout order
 */
public record MemoryLayout(int ports, int portBytes, long progOffset, Map<String, Region> regions) {
    public MemoryLayout {
        regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    }

    public Region region(String name) {
        Region r = regions.get(name);
        if (r == null) {
            throw new IllegalStateException("no region " + name);
        }
        return r;
    }

    /** Bytes of port {@code p}'s image for a context of {@code context} positions. */
    public long portBytes(int p, long context) {
        long end = 0;
        for (Region r : regions.values()) {
            if (r.kind() == Region.Kind.STRIPED || r.port() == p) {
                end = Math.max(end, r.end(context));
            }
        }
        return (end + portBytes - 1) / portBytes * portBytes;
    }

    public List<Region> all() {
        return List.copyOf(regions.values());
    }
}
