package dev.accelgen.pe.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A signed two-operand sum on CARRY4 primitives from per-bit propagate (x ^ y) and generate (x)
 * signals of operands already sign-extended to {@code prop.size()} bits. The result has one more
 * bit: its MSB is {@code prop[top] ^ carry out of the top bit} (both operands extend their sign).
 */
public final class CarryChain {
    private CarryChain() {
    }

    public static SInt sum(ModuleBuilder b, String name, List<Bool> prop, List<Bool> gen, Bool carryIn) {
        int n = prop.size();
        Bool carry = Bool.FALSE;
        List<Bool> sumBits = new ArrayList<>();
        Bool lastCo = Bool.FALSE;
        for (int m = 0; m * 4 < n; m++) {
            Instance c4 = b.blackBox(XilinxPrimitives.CARRY4, name + "_carry_" + m, Map.of());
            c4.<Bool>port("CI").set(carry);
            c4.<Bool>port("CYINIT").set(m == 0 ? carryIn : Bool.FALSE);
            c4.<Bits>port("DI").set(nibble(gen, m));
            c4.<Bits>port("S").set(nibble(prop, m));
            Bits co = c4.port("CO");
            Bits o = c4.port("O");
            for (int k = 0; k < 4 && 4 * m + k < n; k++) {
                sumBits.add(o.bit(k));
                lastCo = co.bit(k);
            }
            carry = co.bit(3);
        }
        Bits[] msbFirst = new Bits[n + 1];
        msbFirst[0] = Bits.cat(prop.get(n - 1).xor(lastCo));
        for (int k = 0; k < n; k++) {
            msbFirst[n - k] = Bits.cat(sumBits.get(k));
        }
        return b.named(name, Bits.cat(msbFirst).asSInt());
    }

    private static Bits nibble(List<Bool> bits, int m) {
        Bits[] parts = new Bits[4];
        for (int k = 0; k < 4; k++) {
            int idx = 4 * m + (3 - k);
            parts[k] = Bits.cat(idx < bits.size() ? bits.get(idx) : Bool.FALSE);
        }
        return Bits.cat(parts);
    }
}
