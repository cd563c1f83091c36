package dev.accelgen.pe.dsp;

import dev.accelgen.pe.stream.AlwaysReadyInput;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Dsp48e2Probe} as the Java model sees it: one {@link Dsp48e2Model} per instance, one step per beat. */
final class Dsp48e2ProbeGolden implements GoldenModel {
    private final Dsp48e2Probe.Config config;

    Dsp48e2ProbeGolden(Dsp48e2Probe.Config config) {
        this.config = config;
    }

    static Dsp48e2Pins pins(Map<String, BigInteger> v) {
        return new Dsp48e2Pins(v.get("a").longValueExact(), v.get("b").longValueExact(), v.get("c").longValueExact(),
                v.get("d").longValueExact(), v.get("inmode").intValueExact(), v.get("opmode").intValueExact(),
                v.get("alumode").intValueExact(), v.get("carryin").intValueExact(), v.get("carryinsel").intValueExact(),
                v.get("pcin").longValueExact(), v.get("ce").intValueExact(), v.get("rstv").intValueExact());
    }

    static Map<String, BigInteger> values(Dsp48e2Pins p) {
        Map<String, BigInteger> v = new LinkedHashMap<>();
        v.put("a", BigInteger.valueOf(p.a()));
        v.put("b", BigInteger.valueOf(p.b()));
        v.put("c", BigInteger.valueOf(p.c()));
        v.put("d", BigInteger.valueOf(p.d()));
        v.put("inmode", BigInteger.valueOf(p.inmode()));
        v.put("opmode", BigInteger.valueOf(p.opmode()));
        v.put("alumode", BigInteger.valueOf(p.alumode()));
        v.put("carryin", BigInteger.valueOf(p.carryin()));
        v.put("carryinsel", BigInteger.valueOf(p.carryinsel()));
        v.put("pcin", BigInteger.valueOf(p.pcin()));
        v.put("ce", BigInteger.valueOf(p.ce()));
        v.put("rstv", BigInteger.valueOf(p.rst()));
        return v;
    }

    private static Dsp48e2Pins withoutP(Dsp48e2Pins p) {
        return new Dsp48e2Pins(p.a(), p.b(), p.c(), p.d(), p.inmode(), Dsp48e2Probe.withoutP(p.opmode()), p.alumode(),
                p.carryin(), p.carryinsel(), p.pcin(), p.ce(), p.rst());
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Dsp48e2Model> models = config.instances().stream().map(Dsp48e2Model::new).toList();
        List<OutputEvent> events = new ArrayList<>();
        long cycle = -1;
        for (Beat beat : stimulus.stream("in").beats()) {
            if (beat.idleBefore() != 0) {
                throw new IllegalArgumentException("the probe golden model needs back-to-back beats (idleBefore=0)");
            }
            cycle++;
            Dsp48e2Pins pins = pins(beat.values());
            Map<String, BigInteger> out = new LinkedHashMap<>();
            for (int k = 0; k < models.size(); k++) {
                Dsp48e2Model.Outputs o = models.get(k).step(config.instances().get(k).preg() == 1 ? pins : withoutP(pins));
                out.put("p_" + k, BigInteger.valueOf(o.p()));
                out.put("pcout_" + k, BigInteger.valueOf(o.pcout()));
            }
            events.add(new OutputEvent(cycle, "out", out));
        }
        return new Trace(events, cycle + 1, AlwaysReadyInput.acceptances("in", stimulus.stream("in").beats()), List.of());
    }
}
