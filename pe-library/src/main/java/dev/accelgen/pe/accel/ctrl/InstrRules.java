package dev.accelgen.pe.accel.ctrl;

import static dev.accelgen.pe.accel.ctrl.RulePred.Op.EQ;
import static dev.accelgen.pe.accel.ctrl.RulePred.Op.GE;
import static dev.accelgen.pe.accel.ctrl.RulePred.Op.GT;
import static dev.accelgen.pe.accel.ctrl.RulePred.Op.NE;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check the controller makes when it executes an instruction, as data: the RTL decoder is generated
 * from this list and the cycle model evaluates the same list. An opcode the configuration does not implement
 * (unknown code, a vector instruction it lacks) is illegal before any rule applies. The rules on raw bits are a
 * subset of what {@code InstrCodec.decode} rejects (so a program {@code ProgramBinary} accepts never trips
 * them); the one record constraint not checked in hardware is VROPE's {@code len % headDim == 0}. The rules
 * on resolved operands ({@link Rule#readsOperands}) come from this configuration: port numbers and the
 * alignment of off-chip offsets to the port width.
 */
public final class InstrRules {
    private InstrRules() {
    }

    /** The opcodes a core of this configuration executes: control, SYNC, LD, ST, MM if it has matrix units, its vector ops. */
    public static List<Opcode> supported(HwConfig c) {
        List<Opcode> out = new ArrayList<>();
        for (Opcode o : Opcode.values()) {
            if (o == Opcode.MM ? !c.matrixUnits().isEmpty() : c.supports(o)) {
                out.add(o);
            }
        }
        return out;
    }

    public static List<Rule> of(HwConfig c) {
        List<Rule> r = new ArrayList<>();
        for (Opcode o : supported(c)) {
            r.add(new Rule(o, "bits above its last field must be 0", new RulePred.AnyBitAbove(InstrLayout.usedBits(o))));
            for (FieldLayout f : InstrLayout.of(o)) {
                if (f.kind() == FieldLayout.Kind.ENUM) {
                    int n = f.type().getEnumConstants().length;
                    if (n < 1 << f.width()) {
                        r.add(new Rule(o, f.name() + " must be below " + n, cmp(GE, field(f.name()), n)));
                    }
                }
            }
            specific(c, o, r);
        }
        return List.copyOf(r);
    }

    private static void specific(HwConfig c, Opcode o, List<Rule> r) {
        int portLog = Integer.numberOfTrailingZeros(c.portBytes());
        String aligned = " must be a multiple of the port width (" + c.portBytes() + " bytes)";
        switch (o) {
            case BRANCH -> r.add(new Rule(o, "target must be inside the program",
                    new RulePred.Cmp(GE, field("target"), new RuleTerm.ProgramLength())));
            case SYNC -> {
                r.add(new Rule(o, "a load-queue SYNC has no previous queue", new RulePred.And(
                        cmp(EQ, field("target"), Queue.LOAD.ordinal()), prevFlags())));
                r.add(new Rule(o, "a store-queue SYNC has no next queue", new RulePred.And(
                        cmp(EQ, field("target"), Queue.STORE.ordinal()), nextFlags())));
            }
            case LD -> {
                r.add(new Rule(o, "LD has no previous queue", prevFlags()));
                RulePred abuf = cmp(EQ, field("target"), 0);
                RulePred wbuf = cmp(NE, field("target"), 0);
                r.add(new Rule(o, "rowBytes must be >= 1", new RulePred.And(abuf, cmp(EQ, field("rowBytes"), 0))));
                RulePred stray = cmp(NE, field("mode"), 0);
                for (String f : List.of("port", "rowBytes", "srcStride", "dstStride", "index")) {
                    stray = new RulePred.Or(stray, cmp(NE, field(f), 0));
                }
                r.add(new Rule(o, "a WBUF load is linear with port, rowBytes, strides and index 0", new RulePred.And(wbuf, stray)));
                r.add(new Rule(o, "port must be below " + c.ports(), cmp(GE, field("port"), c.ports())));
                r.add(new Rule(o, "src" + aligned, new RulePred.LowBits(new RuleTerm.Resolved("src"), portLog)));
                r.add(new Rule(o, "srcStride" + aligned, new RulePred.LowBits(field("srcStride"), portLog)));
                r.add(new Rule(o, "index must be a multiple of 4", new RulePred.And(cmp(EQ, field("mode"), 1),
                        new RulePred.LowBits(new RuleTerm.Resolved("index"), 2))));
            }
            case ST -> {
                r.add(new Rule(o, "ST has no next queue", nextFlags()));
                r.add(new Rule(o, "rowBytes must be >= 1", cmp(EQ, field("rowBytes"), 0)));
                r.add(new Rule(o, "port must be below " + c.ports(), cmp(GE, field("port"), c.ports())));
                r.add(new Rule(o, "dst" + aligned, new RulePred.LowBits(new RuleTerm.Resolved("dst"), portLog)));
                r.add(new Rule(o, "dstStride" + aligned, new RulePred.LowBits(field("dstStride"), portLog)));
            }
            case MM -> {
                r.add(new Rule(o, "unit must be below " + c.matrixUnits().size(),
                        cmp(GE, field("unit"), c.matrixUnits().size())));
                r.add(new Rule(o, "k must be >= 1", cmp(EQ, field("k"), 0)));
                r.add(new Rule(o, "n must be >= 1", cmp(EQ, field("n"), 0)));
                r.add(new Rule(o, "rowScale and gather exclude each other", new RulePred.And(
                        cmp(EQ, field("rowScale"), 1), cmp(EQ, field("gather"), 1))));
                for (int u = 0; u < c.matrixUnits().size(); u++) {
                    if (!(c.matrixUnits().get(u) instanceof MatrixUnitSpec.DspChain d && d.config().sparse())) {
                        r.add(new Rule(o, "sparse needs a sparse DSP-chain unit (unit " + u + " is not)", new RulePred.And(
                                cmp(EQ, field("unit"), u), cmp(EQ, field("sparse"), 1))));
                    }
                }
            }
            case VATTN -> r.add(new Rule(o, "headDim must be >= 1", cmp(EQ, field("headDim"), 0)));
            case VROPE -> r.add(new Rule(o, "headDim must be even and >= 2", new RulePred.Or(
                    cmp(EQ, field("headDim"), 0), new RulePred.Bit(field("headDim"), 0))));
            case VTOPK -> {
                r.add(new Rule(o, "experts must be >= 1", cmp(EQ, field("experts"), 0)));
                r.add(new Rule(o, "k must be in 1..experts", new RulePred.Or(cmp(EQ, field("k"), 0),
                        new RulePred.Cmp(GT, field("k"), field("experts")))));
                r.add(new Rule(o, "capacity must be >= 1", cmp(EQ, field("capacity"), 0)));
            }
            default -> { }
        }
        if (InstrFields.has(o, "len")) {
            r.add(new Rule(o, "len must be >= 1", cmp(EQ, field("len"), 0)));
        }
    }

    private static RulePred prevFlags() {
        return new RulePred.Or(new RulePred.Bit(field("deps"), 0), new RulePred.Bit(field("deps"), 2));
    }

    private static RulePred nextFlags() {
        return new RulePred.Or(new RulePred.Bit(field("deps"), 1), new RulePred.Bit(field("deps"), 3));
    }

    private static RuleTerm field(String name) {
        return new RuleTerm.Field(name);
    }

    private static RulePred cmp(RulePred.Op op, RuleTerm a, long constant) {
        return new RulePred.Cmp(op, a, new RuleTerm.Const(constant));
    }
}
