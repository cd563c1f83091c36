package dev.accelgen.sim.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit's {@code <top>.manifest.json}: its ports, clock, reset, streams, read and write memories
 * and source files. {@code dir} is the directory the file names are relative to. The compact
 * constructor checks every cross reference, so a Manifest in hand is consistent.
 */
public record Manifest(String top, String clock, ManifestReset reset, List<ManifestPort> ports,
                       List<ManifestStream> streams, List<ReadMemoryPorts> readMemories,
                       List<WriteMemoryPorts> writeMemories, Map<String, Object> params, List<String> files,
                       List<String> simFiles, Path dir) {

    public Manifest {
        if (top == null || !top.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("top must be a Verilog identifier, got '" + top + "'");
        }
        ports = List.copyOf(ports);
        streams = List.copyOf(streams);
        readMemories = List.copyOf(readMemories);
        writeMemories = List.copyOf(writeMemories);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        files = List.copyOf(files);
        simFiles = List.copyOf(simFiles);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must list at least one Verilog source");
        }
        Map<String, ManifestPort> byName = new HashMap<>();
        for (ManifestPort p : ports) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("port '" + p.name() + "' is declared twice");
            }
        }
        requirePort(byName, clock, "clock", ManifestPort.Direction.IN, true);
        if (reset != null) {
            requirePort(byName, reset.name(), "reset", ManifestPort.Direction.IN, true);
        }
        Set<String> used = new HashSet<>();
        used.add(clock);
        if (reset != null) {
            used.add(reset.name());
        }
        Set<String> streamNames = new HashSet<>();
        for (ManifestStream s : streams) {
            if (!streamNames.add(s.name())) {
                throw new IllegalArgumentException("stream '" + s.name() + "' is declared twice");
            }
            boolean in = s.direction() == ManifestPort.Direction.IN;
            String what = "stream '" + s.name() + "'";
            claim(used, s.valid(), what);
            requirePort(byName, s.valid(), what + " valid", s.direction(), true);
            if (s.ready() != null) {
                claim(used, s.ready(), what);
                requirePort(byName, s.ready(), what + " ready", flip(s.direction()), true);
            } else if (in) {
                throw new IllegalArgumentException(what + " is an input stream and must have a ready port");
            }
            for (String d : s.data()) {
                claim(used, d, what);
                requirePort(byName, d, what + " data", s.direction(), false);
            }
        }
        for (ReadMemoryPorts m : readMemories) {
            if (!streamNames.add(m.name())) {
                throw new IllegalArgumentException("read memory '" + m.name() + "' reuses a stream or memory name");
            }
            String what = "read memory '" + m.name() + "'";
            claimMemoryPorts(used, byName, what, m.unitOutputs(), m.unitInputs(), m.bits());
            if (byName.get(m.rData()).width() != m.dataBytes() * 8) {
                throw new IllegalArgumentException(what + " r_data port '" + m.rData() + "' is "
                        + byName.get(m.rData()).width() + " bits but data_bytes=" + m.dataBytes()
                        + " needs " + (m.dataBytes() * 8));
            }
            if (byName.get(m.arAddr()).width() > 64 || byName.get(m.arLen()).width() > 16) {
                throw new IllegalArgumentException(what + " ar_addr must be at most 64 bits and ar_len at most 16 bits");
            }
        }
        Set<String> writeNames = new HashSet<>();
        for (WriteMemoryPorts m : writeMemories) {
            String what = "write memory '" + m.name() + "'";
            if (!writeNames.add(m.name()) || streams.stream().anyMatch(s -> s.name().equals(m.name()))) {
                throw new IllegalArgumentException(what + " reuses a stream or write memory name");
            }
            claimMemoryPorts(used, byName, what, m.unitOutputs(), m.unitInputs(), m.bits());
            if (byName.get(m.wData()).width() != m.dataBytes() * 8 || byName.get(m.wStrb()).width() != m.dataBytes()) {
                throw new IllegalArgumentException(what + " w_data must be " + (m.dataBytes() * 8) + " bits and w_strb "
                        + m.dataBytes() + " bits for data_bytes=" + m.dataBytes());
            }
            if (byName.get(m.awAddr()).width() > 64 || byName.get(m.awLen()).width() > 16) {
                throw new IllegalArgumentException(what + " aw_addr must be at most 64 bits and aw_len at most 16 bits");
            }
            readMemories.stream().filter(r -> r.name().equals(m.name()) && r.dataBytes() != m.dataBytes()).findFirst()
                    .ifPresent(r -> {
                        throw new IllegalArgumentException(what + " shares its image with the read memory of that name,"
                                + " so both need the same data_bytes (read " + r.dataBytes() + ", write " + m.dataBytes() + ")");
                    });
        }
    }

    /** A memory's ports: each declared once, in its direction, the handshakes and flags single bits. */
    private static void claimMemoryPorts(Set<String> used, Map<String, ManifestPort> byName, String what,
                                         List<String> outputs, List<String> inputs, List<String> bits) {
        for (String p : outputs) {
            claim(used, p, what);
            requirePort(byName, p, what + " port", ManifestPort.Direction.OUT, false);
        }
        for (String p : inputs) {
            claim(used, p, what);
            requirePort(byName, p, what + " port", ManifestPort.Direction.IN, false);
        }
        for (String bit : bits) {
            requirePort(byName, bit, what + " handshake", byName.get(bit).direction(), true);
        }
    }

    private static ManifestPort.Direction flip(ManifestPort.Direction d) {
        return d == ManifestPort.Direction.IN ? ManifestPort.Direction.OUT : ManifestPort.Direction.IN;
    }

    private static void claim(Set<String> used, String port, String what) {
        if (port != null && !used.add(port)) {
            throw new IllegalArgumentException(what + " uses port '" + port
                    + "' which is already the clock, the reset or part of another stream or memory");
        }
    }

    private static void requirePort(Map<String, ManifestPort> byName, String name, String role,
                                    ManifestPort.Direction direction, boolean singleBit) {
        ManifestPort p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException(role + " port '" + name + "' is not declared in ports");
        }
        if (p.direction() != direction) {
            throw new IllegalArgumentException(role + " port '" + name + "' must be an "
                    + direction.name().toLowerCase() + "put, but ports declares it as "
                    + p.direction().name().toLowerCase());
        }
        if (singleBit && p.width() != 1) {
            throw new IllegalArgumentException(role + " port '" + name + "' must be 1 bit wide, got " + p.width());
        }
    }

    public ManifestPort port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(top + " has no port named '" + name + "'"));
    }

    public Optional<ManifestStream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<ManifestStream> inputStreams() {
        return streams.stream().filter(s -> s.direction() == ManifestPort.Direction.IN).toList();
    }

    public List<ManifestStream> outputStreams() {
        return streams.stream().filter(s -> s.direction() == ManifestPort.Direction.OUT).toList();
    }

    /** Input ports held at a static value (0 unless the stimulus sets them): not clock, reset, stream or memory. */
    public List<ManifestPort> staticInputs() {
        Set<String> handled = new HashSet<>();
        handled.add(clock);
        if (reset != null) {
            handled.add(reset.name());
        }
        for (ManifestStream s : streams) {
            handled.add(s.valid());
            if (s.ready() != null) {
                handled.add(s.ready());
            }
            handled.addAll(s.data());
        }
        for (ReadMemoryPorts m : readMemories) {
            handled.addAll(m.unitInputs());
        }
        for (WriteMemoryPorts m : writeMemories) {
            handled.addAll(m.unitInputs());
        }
        List<ManifestPort> out = new ArrayList<>();
        for (ManifestPort p : ports) {
            if (p.direction() == ManifestPort.Direction.IN && !handled.contains(p.name())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Synthesis sources, then simulation models, as absolute paths. */
    public List<Path> simulationSources() {
        List<Path> out = new ArrayList<>();
        files.forEach(f -> out.add(dir.resolve(f)));
        simFiles.forEach(f -> out.add(dir.resolve(f)));
        return out;
    }

    /** Every memory name (read or write), each once: the images a stimulus must give. */
    public List<String> memoryNames() {
        return MemoryNames.of(readMemories, writeMemories);
    }

    public List<Path> synthesisSources() {
        return files.stream().map(dir::resolve).toList();
    }
}
