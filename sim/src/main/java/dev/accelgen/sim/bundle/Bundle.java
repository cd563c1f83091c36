package dev.accelgen.sim.bundle;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.WriteEvent;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestReset;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.manifest.ReadMemoryPorts;
import dev.accelgen.sim.manifest.WriteMemoryPorts;
import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.Stress;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RtlRun;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Several units side by side in one wrapper module ({@value #TOP}), so one Verilator build
 * verifies them all. Unit {@code i}'s ports, streams, resets and memories appear in the wrapper
 * with the prefix {@code u<i>_}; stimuli are merged in and run results split back out per unit.
 * Units never interact, so each unit's cycles equal those of a run on its own.
 */
public final class Bundle {
    public static final String TOP = "accelgen_bundle";

    private final List<Manifest> units;
    private final List<String> prefixes = new ArrayList<>();
    private final HarnessSpec spec;
    private final Map<String, Integer> unitOfName = new HashMap<>();
    private final Map<String, String> originalName = new HashMap<>();

    private Bundle(List<Manifest> units) {
        this.units = List.copyOf(units);
        List<ManifestReset> resets = new ArrayList<>();
        List<ManifestPort> ports = new ArrayList<>();
        List<ManifestStream> streams = new ArrayList<>();
        List<ReadMemoryPorts> memories = new ArrayList<>();
        List<WriteMemoryPorts> writeMemories = new ArrayList<>();
        List<ManifestPort> statics = new ArrayList<>();
        ports.add(new ManifestPort(BundleWrapperGenerator.CLOCK, ManifestPort.Direction.IN, 1, false));
        for (int u = 0; u < units.size(); u++) {
            Manifest m = units.get(u);
            if (m.top().equals(TOP)) {
                throw new IllegalArgumentException("a unit may not be named " + TOP + ", the bundle's wrapper module");
            }
            String p = "u" + u + "_";
            prefixes.add(p);
            if (m.reset() != null) {
                resets.add(new ManifestReset(p + m.reset().name(), m.reset().kind(), m.reset().activeLow()));
            }
            for (ManifestPort port : m.ports()) {
                if (!port.name().equals(m.clock())) {
                    ports.add(rename(port, p));
                }
            }
            m.staticInputs().forEach(s -> statics.add(rename(s, p)));
            for (ManifestStream s : m.streams()) {
                streams.add(new ManifestStream(p + s.name(), s.direction(), p + s.valid(),
                        s.ready() == null ? null : p + s.ready(), s.data().stream().map(d -> p + d).toList()));
                remember(p + s.name(), u, s.name());
            }
            for (ReadMemoryPorts r : m.readMemories()) {
                memories.add(r.prefixed(p));
                remember(p + r.name(), u, r.name());
            }
            for (WriteMemoryPorts w : m.writeMemories()) {
                writeMemories.add(w.prefixed(p));
                remember(p + w.name(), u, w.name());
            }
        }
        this.spec = new HarnessSpec(TOP, BundleWrapperGenerator.CLOCK, resets, ports, streams, memories, writeMemories,
                statics);
    }

    public static Bundle of(List<Manifest> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one unit");
        }
        return new Bundle(units);
    }

    private void remember(String prefixed, int unit, String name) {
        unitOfName.put(prefixed, unit);
        originalName.put(prefixed, name);
    }

    private static ManifestPort rename(ManifestPort p, String prefix) {
        return new ManifestPort(prefix + p.name(), p.direction(), p.width(), p.signed());
    }

    public HarnessSpec spec() {
        return spec;
    }

    public List<Manifest> units() {
        return units;
    }

    public String wrapperVerilog() {
        return BundleWrapperGenerator.generate(TOP, units, prefixes);
    }

    /** Every unit's simulation sources, shared modules once (module clashes rejected). */
    public List<Path> unitSources() {
        List<Path> all = new ArrayList<>();
        units.forEach(m -> all.addAll(m.simulationSources()));
        return ModuleNames.dedupe(all);
    }

    /**
     * One stimulus for the wrapper from one stimulus per unit (same order as the units). The units must
     * share one {@link Stress}; memory timing stays per memory.
     */
    public Stimulus merge(List<Stimulus> perUnit) {
        if (perUnit.size() != units.size()) {
            throw new IllegalArgumentException("bundle of " + units.size() + " units got " + perUnit.size() + " stimuli");
        }
        Stress stress = perUnit.get(0).stress();
        for (Stimulus s : perUnit) {
            if (!s.stress().equals(stress)) {
                throw new IllegalArgumentException("units of one bundle must share their stress settings, got " + stress
                        + " and " + s.stress());
            }
        }
        List<StreamStimulus> streams = new ArrayList<>();
        Map<String, BigInteger> statics = new LinkedHashMap<>();
        List<MemoryImage> memories = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            String p = prefixes.get(u);
            Stimulus s = perUnit.get(u);
            for (StreamStimulus st : s.streams()) {
                List<Beat> beats = new ArrayList<>(st.beats().size());
                for (Beat b : st.beats()) {
                    beats.add(new Beat(b.idleBefore(), prefixKeys(b.values(), p)));
                }
                streams.add(new StreamStimulus(p + st.stream(), beats));
            }
            statics.putAll(prefixKeys(s.statics(), p));
            for (MemoryImage img : s.memories()) {
                memories.add(new MemoryImage(p + img.memory(), img.latency(), img.bytesPerCycle(), img.addressStalls(),
                        img.writeStalls(), img.words()));
            }
        }
        return new Stimulus(streams, -1, statics, memories, stress);
    }

    /**
     * The seeds of the wrapper's random channels: a prefixed stream or memory gets the seed its unit
     * would get alone (its stimulus's seed, its own name), so bundled and single runs draw alike.
     */
    public ChannelSeeds channelSeeds(List<Stimulus> perUnit) {
        return (owner, tag) -> {
            Integer unit = unitOfName.get(owner);
            if (unit == null) {
                throw new IllegalArgumentException("bundle has no stream or memory named '" + owner + "'");
            }
            return ChannelSeeds.derive(perUnit.get(unit).seed(), originalName.get(owner), tag);
        };
    }

    /** The part of a wrapper run that belongs to unit {@code unit}, with the unit's own names. */
    public RtlRun split(RtlRun run, int unit) {
        String p = prefixes.get(unit);
        List<OutputEvent> events = new ArrayList<>();
        for (OutputEvent e : run.trace().events()) {
            if (unitOfName.get(e.stream()) == unit) {
                Map<String, BigInteger> values = new LinkedHashMap<>();
                e.values().forEach((k, v) -> values.put(k.substring(p.length()), v));
                events.add(new OutputEvent(e.cycle(), originalName.get(e.stream()), values));
            }
        }
        List<Acceptance> acc = new ArrayList<>();
        for (Acceptance a : run.acceptances()) {
            if (unitOfName.get(a.stream()) == unit) {
                acc.add(new Acceptance(a.cycle(), originalName.get(a.stream()), a.beat()));
            }
        }
        List<WriteEvent> writes = new ArrayList<>();
        for (WriteEvent w : run.trace().writes()) {
            if (unitOfName.get(w.memory()) == unit) {
                writes.add(w.onMemory(originalName.get(w.memory())));
            }
        }
        List<RtlRun.MemoryRequest> req = new ArrayList<>();
        for (RtlRun.MemoryRequest r : run.memoryRequests()) {
            if (unitOfName.get(r.memory()) == unit) {
                req.add(new RtlRun.MemoryRequest(r.cycle(), originalName.get(r.memory()), r.address(), r.len()));
            }
        }
        Map<String, SortedMap<Long, BigInteger>> written = new LinkedHashMap<>();
        run.writtenWords().forEach((m, words) -> {
            if (unitOfName.get(m) == unit) {
                written.put(originalName.get(m), words);
            }
        });
        List<RtlRun.ProtocolError> errors = new ArrayList<>();
        for (RtlRun.ProtocolError e : run.protocolErrors()) {
            if (unitOfName.get(e.memory()) == unit) {
                errors.add(new RtlRun.ProtocolError(e.cycle(), originalName.get(e.memory()), e.message()));
            }
        }
        return new RtlRun(Trace.of(events, acc, writes), run.timedOut(), run.cyclesRun(), req, written, errors,
                run.simSeconds());
    }

    private static Map<String, BigInteger> prefixKeys(Map<String, BigInteger> values, String prefix) {
        Map<String, BigInteger> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }
}
