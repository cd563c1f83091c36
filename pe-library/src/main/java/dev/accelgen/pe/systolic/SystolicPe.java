package dev.accelgen.pe.systolic;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;

/**
 * One output-stationary PE. Each valid beat adds {@code a * b} to the accumulator ({@code first} starts a
 * new sum); activations and control move right, weights move down, one register per hop. On the
 * {@code last} beat the finished sum is loaded into the drain register, which otherwise shifts results
 * upward from the PE below, so each column drains through its top PE.
 */
public final class SystolicPe implements ModuleGen<SystolicConfig.PeConfig> {
    private final boolean clearOnFirst;

    public SystolicPe() {
        this(true);
    }

    /** {@code clearOnFirst = false} builds a deliberately faulty PE, used to prove that verification catches it. */
    SystolicPe(boolean clearOnFirst) {
        this.clearOnFirst = clearOnFirst;
    }

    @Override
    public String moduleName(SystolicConfig.PeConfig c) {
        return "systolic_pe_" + (c.signed() ? "s" : "u") + c.aBits() + "x" + c.wBits() + "_acc" + c.accBits()
                + (clearOnFirst ? "" : "_faulty");
    }

    @Override
    public void build(ModuleBuilder b, SystolicConfig.PeConfig c) {
        Bool validIn = b.input("valid_in", Bool.type());
        Bool firstIn = b.input("first_in", Bool.type());
        Bool lastIn = b.input("last_in", Bool.type());
        Bits aIn = b.input("a_in", Bits.type(c.aBits()));
        Bits bIn = b.input("b_in", Bits.type(c.wBits()));
        Bits drainIn = b.input("drain_in", Bits.type(c.accBits()));
        Bool drainValidIn = b.input("drain_valid_in", Bool.type());

        Bits product = c.signed()
                ? aIn.asSInt().mul(bIn.asSInt()).sext(c.accBits()).asBits()
                : aIn.asUInt().mul(bIn.asUInt()).zext(c.accBits()).asBits();
        Bits acc = b.regNoReset("acc", Bits.type(c.accBits()));
        Bits base = clearOnFirst ? firstIn.select(Bits.lit(0, c.accBits()), acc) : acc;
        Bits sum = b.named("sum", base.asUInt().addWrap(product.asUInt()).asBits());
        b.when(validIn, () -> acc.set(sum));

        Bits drain = b.regNoReset("drain", Bits.type(c.accBits()));
        Bool drainValid = b.reg("drain_valid", Bool.type(), 0);
        Bool finish = b.named("finish", validIn.and(lastIn));
        b.when(finish, () -> {
            drain.set(sum);
            drainValid.set(Bool.TRUE);
        }).otherwise(() -> {
            drain.set(drainIn);
            drainValid.set(drainValidIn);
        });

        b.output("a_out", Bits.type(c.aBits())).set(pass(b, "a_q", aIn));
        b.output("b_out", Bits.type(c.wBits())).set(pass(b, "b_q", bIn));
        b.output("valid_out", Bool.type()).set(b.regNext("valid_q", validIn, 0));
        b.output("first_out", Bool.type()).set(b.regNext("first_q", firstIn, 0));
        b.output("last_out", Bool.type()).set(b.regNext("last_q", lastIn, 0));
        b.output("drain_out", Bits.type(c.accBits())).set(drain);
        b.output("drain_valid_out", Bool.type()).set(drainValid);
    }

    private static Bits pass(ModuleBuilder b, String name, Bits in) {
        Bits q = b.regNoReset(name, Bits.type(in.width()));
        q.set(in);
        return q;
    }
}
