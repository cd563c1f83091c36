package dev.accelgen.pe.dsp;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Val;
import java.util.ArrayList;
import java.util.List;

/**
 * Test wrapper: several DSP48E2 instances (one per parameter set) driven by the same pins from one input
 * stream; every beat shows each instance's P and PCOUT on the output stream in the same cycle. The unit's
 * reset is ORed into every RST pin so all registers start at 0, like a fresh {@link Dsp48e2Model}. An instance
 * without a P register gets the OPMODE with its P selections replaced by 0 ({@link #withoutP}), since UG579
 * forbids them there.
 */
public final class Dsp48e2Probe implements ModuleGen<Dsp48e2Probe.Config> {
    public record Config(List<Dsp48e2Params> instances) {
        public Config {
            instances = List.copyOf(instances);
        }
    }

    static final String[] PIN_PORTS = {"a", "b", "c", "d", "inmode", "opmode", "alumode", "carryin", "carryinsel",
        "pcin", "ce", "rstv"};
    static final int[] PIN_WIDTHS = {30, 18, 48, 27, 5, 9, 4, 1, 3, 48, 13, 10};

    @Override
    public String moduleName(Config c) {
        // Records of ints, longs and booleans hash deterministically; the full list would pass Verilator's name limit.
        return "dsp48e2_probe_n" + c.instances().size() + "_" + Integer.toHexString(c.hashCode());
    }

    @Override
    public void build(ModuleBuilder b, Config c) {
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        List<Bits> pins = new ArrayList<>();
        for (int i = 0; i < PIN_PORTS.length; i++) {
            pins.add(b.input(PIN_PORTS[i], Bits.type(PIN_WIDTHS[i])));
        }
        b.stream("in", true, inValid, inReady, pins.toArray(new Val[0]));
        Bool outValid = b.output("out_valid", Bool.type());
        outValid.set(inValid);
        List<Val> outs = new ArrayList<>();
        Bool reset = b.reset();
        for (int k = 0; k < c.instances().size(); k++) {
            Instance dsp = Dsp48e2Primitive.instantiate(b, "dsp_" + k, c.instances().get(k));
            dsp.<Bits>port("A").set(pins.get(0));
            dsp.<Bits>port("B").set(pins.get(1));
            dsp.<Bits>port("C").set(pins.get(2));
            dsp.<Bits>port("D").set(pins.get(3));
            dsp.<Bits>port("INMODE").set(pins.get(4));
            Bits opmode = pins.get(5);
            dsp.<Bits>port("OPMODE").set(c.instances().get(k).preg() == 1 ? opmode : withoutPRtl(opmode));
            dsp.<Bits>port("ALUMODE").set(pins.get(6));
            dsp.<Bool>port("CARRYIN").set(pins.get(7).bit(0));
            dsp.<Bits>port("CARRYINSEL").set(pins.get(8));
            dsp.<Bits>port("PCIN").set(pins.get(9));
            for (int i = 0; i < Dsp48e2Pins.CE_PINS.length; i++) {
                dsp.<Bool>port(Dsp48e2Pins.CE_PINS[i]).set(pins.get(10).bit(i));
            }
            for (int i = 0; i < Dsp48e2Pins.RST_PINS.length; i++) {
                dsp.<Bool>port(Dsp48e2Pins.RST_PINS[i]).set(pins.get(11).bit(i).or(reset));
            }
            Bits p = b.output("p_" + k, Bits.type(48));
            p.set(dsp.port("P"));
            Bits pc = b.output("pcout_" + k, Bits.type(48));
            pc.set(dsp.port("PCOUT"));
            outs.add(p);
            outs.add(pc);
        }
        b.stream("out", false, outValid, null, outs.toArray(new Val[0]));
    }

    /** OPMODE with W=P, X=P, Z=P and Z=P>>17 replaced by 0 (the golden model's side of {@link #withoutPRtl}). */
    static int withoutP(int opmode) {
        int x = opmode & 3;
        int y = opmode >> 2 & 3;
        int z = opmode >> 4 & 7;
        int w = opmode >> 7 & 3;
        return (w == 1 ? 0 : w) << 7 | (z == 2 || z == 6 ? 0 : z) << 4 | y << 2 | (x == 2 ? 0 : x);
    }

    private static Bits withoutPRtl(Bits opmode) {
        Bits x = opmode.slice(1, 0);
        Bits z = opmode.slice(6, 4);
        Bits w = opmode.slice(8, 7);
        Bits x2 = x.eq(Bits.lit(2, 2)).select(Bits.lit(0, 2), x);
        Bits z2 = z.eq(Bits.lit(2, 3)).or(z.eq(Bits.lit(6, 3))).select(Bits.lit(0, 3), z);
        Bits w2 = w.eq(Bits.lit(1, 2)).select(Bits.lit(0, 2), w);
        return Bits.cat(w2, z2, opmode.slice(3, 2), x2);
    }
}
