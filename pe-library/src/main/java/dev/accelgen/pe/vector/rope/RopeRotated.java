package dev.accelgen.pe.vector.rope;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * A head (or table row) rotated by h = headDim / 2 in RTL: {@code R[p] = X[(p + h) mod headDim]}, kept in two
 * sets of V single-lane banks (bank = p mod V, address p / V): LOW holds positions below h, HIGH the rest. An
 * arriving word's elements e < h go to HIGH at e + h, the others to LOW at e - h; each set sees a lane rotation
 * by h mod V and at most one write per bank, so a word is stored in one cycle whatever headDim and V are. A
 * rotated word is then read lane-aligned: lane l of word w is position wV + l, from LOW or HIGH.
 */
final class RopeRotated {
    private final List<Mem<Bits>> lo = new ArrayList<>();
    private final List<Mem<Bits>> hi = new ArrayList<>();
    private final int rab;
    private final int lb;

    /** Row geometry registers shared by the rotated rows of one engine. */
    record Half(UInt h, UInt hq, UInt hr, UInt headDim) {
    }

    RopeRotated(ModuleBuilder b, String name, RopeConfig c, Bool en, Bool bank, UInt w, List<SInt> word, Half g) {
        int lanes = c.lanes();
        rab = c.rowAddrBits();
        lb = c.vec().laneBits();
        List<SInt> toHi = rotate(b, name + "_rot_hi", word, g.hr(), true);
        List<SInt> toLo = rotate(b, name + "_rot_lo", word, g.hr(), false);
        UInt wa = w.resize(rab);
        UInt hq = g.hq().resize(rab);
        for (int k = 0; k < lanes; k++) {
            UInt bk = UInt.lit(k, lb);
            UInt srcHi = bk.subWrap(g.hr());
            UInt srcLo = bk.addWrap(g.hr());
            UInt eHi = b.named(name + "_e_hi_" + k, w.resize(13).shl(lb).resize(13).or(srcHi.resize(13)));
            UInt eLo = b.named(name + "_e_lo_" + k, w.resize(13).shl(lb).resize(13).or(srcLo.resize(13)));
            Bool enHi = en.and(eHi.lt(g.h()));
            Bool enLo = en.and(eLo.ge(g.h())).and(eLo.lt(g.headDim()));
            // bank k takes lane k - hr, which wrapped (one word further) when k < hr; never for the last bank
            Bool wrapped = k == lanes - 1 ? Bool.FALSE : bk.lt(g.hr());
            UInt aHi = wa.addWrap(hq).addWrap(wrapped.asUInt().resize(rab));
            UInt aLo = wa.subWrap(hq).subWrap(srcLo.lt(g.hr()).asUInt().resize(rab));
            Mem<Bits> mHi = b.mem(name + "_hi_" + k, Bits.type(32), 2 << rab, RamStyle.DISTRIBUTED);
            Mem<Bits> mLo = b.mem(name + "_lo_" + k, Bits.type(32), 2 << rab, RamStyle.DISTRIBUTED);
            mHi.write(enHi, address(bank, aHi), toHi.get(k).asBits());
            mLo.write(enLo, address(bank, aLo), toLo.get(k).asBits());
            hi.add(mHi);
            lo.add(mLo);
        }
    }

    /** Lane l of rotated word w of bank {@code bank}. */
    List<SInt> read(ModuleBuilder b, String name, Bool bank, UInt w, Half g) {
        List<SInt> out = new ArrayList<>();
        UInt a = address(bank, w.resize(rab));
        for (int k = 0; k < lo.size(); k++) {
            UInt p = w.resize(13).shl(lb).resize(13).or(UInt.lit(k, 13));
            out.add(b.named(name + "_" + k, p.lt(g.h()).select(lo.get(k).readAsync(a), hi.get(k).readAsync(a)).asSInt()));
        }
        return out;
    }

    private UInt address(Bool bank, UInt a) {
        return bank.asUInt().shl(rab).or(a.resize(rab + 1));
    }

    /** Lanes rotated by {@code s}: left ({@code out[k] = in[k - s]}) or right ({@code out[k] = in[k + s]}), mod V. */
    static List<SInt> rotate(ModuleBuilder b, String name, List<SInt> in, UInt s, boolean left) {
        int n = in.size();
        List<SInt> cur = in;
        for (int bit = 0; (1 << bit) < n; bit++) {
            int step = 1 << bit;
            Bool on = s.bit(bit);
            List<SInt> next = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                SInt moved = cur.get(Math.floorMod(left ? k - step : k + step, n));
                next.add(b.named(name + "_s" + bit + "_" + k, on.select(moved, cur.get(k))));
            }
            cur = next;
        }
        return cur;
    }
}
