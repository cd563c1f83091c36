package dev.accelgen.sim.verilator;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestReset;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.manifest.MemoryNames;
import dev.accelgen.sim.manifest.ReadMemoryPorts;
import dev.accelgen.sim.manifest.WriteMemoryPorts;
import java.util.List;

/**
 * What a harness drives: one clock, any number of resets (a bundle has one per unit), the
 * top-level ports, streams, read and write memories. Built from a {@link Manifest} or by a bundle.
 */
public record HarnessSpec(String top, String clock, List<ManifestReset> resets, List<ManifestPort> ports,
                          List<ManifestStream> streams, List<ReadMemoryPorts> memories,
                          List<WriteMemoryPorts> writeMemories, List<ManifestPort> staticInputs) {
    public HarnessSpec {
        resets = List.copyOf(resets);
        ports = List.copyOf(ports);
        streams = List.copyOf(streams);
        memories = List.copyOf(memories);
        writeMemories = List.copyOf(writeMemories);
        staticInputs = List.copyOf(staticInputs);
    }

    public static HarnessSpec of(Manifest m) {
        return new HarnessSpec(m.top(), m.clock(), m.reset() == null ? List.of() : List.of(m.reset()), m.ports(),
                m.streams(), m.readMemories(), m.writeMemories(), m.staticInputs());
    }

    public ManifestPort port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(top + " has no port named '" + name + "'"));
    }

    public List<ManifestStream> inputStreams() {
        return streams.stream().filter(s -> s.direction() == ManifestPort.Direction.IN).toList();
    }

    public List<ManifestStream> outputStreams() {
        return streams.stream().filter(s -> s.direction() == ManifestPort.Direction.OUT).toList();
    }

    /** Output streams the harness drives a ready for (the others cannot take backpressure). */
    public List<ManifestStream> stallableOutputs() {
        return outputStreams().stream().filter(s -> s.ready() != null).toList();
    }

    /** Every memory image the harness needs: one per distinct read or write memory name. */
    public List<String> memoryNames() {
        return MemoryNames.of(memories, writeMemories);
    }
}
