package dev.accelgen.sim.dsl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.VerilatorLint;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hdl-gen operator, simulated in Verilator and compared with an independent BigInteger model:
 * proves that lowering and emission preserve the DSL's width and signedness semantics bit for bit.
 */
class OperatorSemanticsTest {
    @TempDir
    Path tmp;

    /** Operands of one beat, read as unsigned (a, b, sh) and two's complement (s, t). */
    record In(BigInteger a, BigInteger b, BigInteger s, BigInteger t, int sh) { }

    record Op(String name, int width, Function<Ops, Val> hw, Function<In, BigInteger> model) { }

    /** The DSL values of the input ports. */
    record Ops(UInt a, UInt b, SInt s, SInt t, UInt sh) { }

    static final int W = 7;

    static BigInteger wrap(BigInteger v, int width) {
        return v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    static BigInteger bool(boolean v) {
        return v ? BigInteger.ONE : BigInteger.ZERO;
    }

    static BigInteger clamp(BigInteger v, BigInteger lo, BigInteger hi) {
        return v.max(lo).min(hi);
    }

    static List<Op> ops() {
        BigInteger m = BigInteger.ONE.shiftLeft(W);
        return List.of(
                new Op("add", W + 1, o -> o.a().add(o.b()), i -> i.a().add(i.b())),
                new Op("add_wrap", W, o -> o.a().addWrap(o.b()), i -> i.a().add(i.b()).mod(m)),
                new Op("sub", W + 1, o -> o.a().sub(o.b()), i -> i.a().subtract(i.b())),
                new Op("sub_wrap", W, o -> o.a().subWrap(o.b()), i -> i.a().subtract(i.b()).mod(m)),
                new Op("mul", 2 * W, o -> o.a().mul(o.b()), i -> i.a().multiply(i.b())),
                new Op("mul_wrap", W, o -> o.a().mulWrap(o.b()), i -> i.a().multiply(i.b()).mod(m)),
                new Op("smul", 2 * W, o -> o.s().mul(o.t()), i -> i.s().multiply(i.t())),
                new Op("sadd", W + 1, o -> o.s().add(o.t()), i -> i.s().add(i.t())),
                new Op("ssub", W + 1, o -> o.s().sub(o.t()), i -> i.s().subtract(i.t())),
                new Op("sneg", W + 1, o -> o.s().neg(), i -> i.s().negate()),
                new Op("and", W, o -> o.a().and(o.b()), i -> i.a().and(i.b())),
                new Op("or", W, o -> o.a().or(o.b()), i -> i.a().or(i.b())),
                new Op("xor", W, o -> o.a().xor(o.b()), i -> i.a().xor(i.b())),
                new Op("not", W, o -> o.a().not(), i -> i.a().not()),
                new Op("lt", 1, o -> o.a().lt(o.b()), i -> bool(i.a().compareTo(i.b()) < 0)),
                new Op("le", 1, o -> o.a().le(o.b()), i -> bool(i.a().compareTo(i.b()) <= 0)),
                new Op("gt", 1, o -> o.a().gt(o.b()), i -> bool(i.a().compareTo(i.b()) > 0)),
                new Op("eq", 1, o -> o.a().eq(o.b()), i -> bool(i.a().equals(i.b()))),
                new Op("slt", 1, o -> o.s().lt(o.t()), i -> bool(i.s().compareTo(i.t()) < 0)),
                new Op("sge", 1, o -> o.s().ge(o.t()), i -> bool(i.s().compareTo(i.t()) >= 0)),
                new Op("shl3", W + 3, o -> o.a().shl(3), i -> i.a().shiftLeft(3)),
                new Op("shr2", W - 2, o -> o.a().shr(2), i -> i.a().shiftRight(2)),
                new Op("sshr2", W - 2, o -> o.s().shr(2), i -> i.s().shiftRight(2)),
                new Op("shl_dyn", W, o -> o.a().shlDyn(o.sh()), i -> i.a().shiftLeft(i.sh()).mod(m)),
                new Op("shr_dyn", W, o -> o.a().shrDyn(o.sh()), i -> i.a().shiftRight(i.sh())),
                new Op("ashr_dyn", W, o -> o.s().shrDyn(o.sh()), i -> i.s().shiftRight(i.sh())),
                new Op("sat4", 4, o -> o.a().add(o.b()).saturate(4), i -> i.a().add(i.b()).min(BigInteger.valueOf(15))),
                new Op("ssat4", 4, o -> o.s().add(o.t()).saturate(4),
                        i -> clamp(i.s().add(i.t()), BigInteger.valueOf(-8), BigInteger.valueOf(7))),
                new Op("sext", W + 5, o -> o.s().sext(W + 5), In::s),
                new Op("trunc", 3, o -> o.s().trunc(3), i -> i.s()),
                new Op("cat", 2 * W, o -> Bits.cat(o.b(), o.a()), i -> i.b().shiftLeft(W).or(i.a())),
                new Op("slice", 3, o -> o.a().slice(5, 3), i -> i.a().shiftRight(3).and(BigInteger.valueOf(7))),
                new Op("any", 1, o -> o.a().orR(), i -> bool(i.a().signum() != 0)),
                new Op("all", 1, o -> o.a().andR(), i -> bool(i.a().equals(m.subtract(BigInteger.ONE)))),
                new Op("parity", 1, o -> o.a().xorR(), i -> bool(i.a().bitCount() % 2 == 1)),
                new Op("mux", W, o -> o.a().lt(o.b()).select(o.a(), o.b()), i -> i.a().min(i.b())),
                new Op("to_sint", W + 1, o -> o.a().toSInt().sub(o.s()).resize(W + 1),
                        i -> i.a().subtract(i.s())));
    }

    /** Registers every operator's result one cycle after the input beat. */
    record Alu(List<Op> ops) implements ModuleGen<Integer> {
        @Override
        public String moduleName(Integer w) {
            return "alu_w" + w;
        }

        @Override
        public void build(ModuleBuilder b, Integer w) {
            Bool valid = b.input("in_valid", Bool.type());
            Ops o = new Ops(b.input("a", UInt.type(w)), b.input("b", UInt.type(w)), b.input("s", SInt.type(w)),
                    b.input("t", SInt.type(w)), b.input("sh", UInt.type(3)));
            Bool ready = b.output("in_ready", Bool.type());
            ready.set(Bool.TRUE);
            b.stream("in", true, valid, ready, o.a(), o.b(), o.s(), o.t(), o.sh());
            Bool outValid = b.output("out_valid", Bool.type());
            outValid.set(b.regNext("valid_q", valid, 0));
            List<Val> outs = new ArrayList<>();
            for (Op op : ops) {
                Bits result = op.hw().apply(o).asBits();
                Bits q = b.regNoReset(op.name() + "_q", Bits.type(result.width()));
                q.set(result);
                Bits port = b.output("r_" + op.name(), Bits.type(result.width()));
                port.set(q);
                outs.add(port);
            }
            b.stream("out", false, outValid, null, outs.toArray(new Val[0]));
        }
    }

    @Test
    void everyOperatorMatchesTheBigIntegerModelInVerilator() {
        long seed = 424242;
        System.out.println("operator semantics seed=" + seed);
        Random rng = new Random(seed);
        List<Op> ops = ops();
        Design d = Hdl.elaborate(new Alu(ops), W);
        var manifest = ManifestReader.read(d.emit(tmp));
        assertTrue(VerilatorLint.lint(manifest).clean(), VerilatorLint.lint(manifest).toString());
        List<Beat> beats = new ArrayList<>();
        List<In> inputs = new ArrayList<>();
        long[] corners = {0, 1, (1 << W) - 1, 1 << (W - 1), (1 << (W - 1)) - 1};
        for (int i = 0; i < 400; i++) {
            long a = i < 25 ? corners[i % 5] : rng.nextInt(1 << W);
            long bv = i < 25 ? corners[i / 5] : rng.nextInt(1 << W);
            long s = rng.nextInt(1 << W);
            long t = i < 25 ? corners[(i + 2) % 5] : rng.nextInt(1 << W);
            int sh = rng.nextInt(8);
            Map<String, BigInteger> v = new LinkedHashMap<>();
            v.put("a", BigInteger.valueOf(a));
            v.put("b", BigInteger.valueOf(bv));
            v.put("s", signed(s));
            v.put("t", signed(t));
            v.put("sh", BigInteger.valueOf(sh));
            beats.add(new Beat(rng.nextInt(4) == 0 ? 1 : 0, v));
            inputs.add(new In(BigInteger.valueOf(a), BigInteger.valueOf(bv), signed(s), signed(t), sh));
        }
        Stimulus stim = new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
        VerifyResult r = Verifier.verify(manifest, s -> {
            List<OutputEvent> events = new ArrayList<>();
            long cycle = -1;
            for (int i = 0; i < beats.size(); i++) {
                cycle += 1 + beats.get(i).idleBefore();
                Map<String, BigInteger> out = new LinkedHashMap<>();
                for (Op op : ops) {
                    out.put("r_" + op.name(), wrap(op.model().apply(inputs.get(i)), op.width()));
                }
                events.add(new OutputEvent(cycle + 1, "out", out));
            }
            return new Trace(events, cycle + 2, Fixtures.alwaysReady("in", beats), List.of());
        }, stim);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
    }

    private static BigInteger signed(long v) {
        return BigInteger.valueOf(v >= 1L << (W - 1) ? v - (1L << W) : v);
    }
}
