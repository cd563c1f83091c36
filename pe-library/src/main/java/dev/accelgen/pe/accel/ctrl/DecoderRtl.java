package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The instruction decoder, generated from {@link InstrLayout} and {@link InstrRules} (cycle model:
 * {@link RuleCheck} and {@link InstrResolver}): opcode match, the illegal-instruction condition, and the resolved
 * operand slots {@code r[reg] + imm} of the instruction register, built into the controller.
 */
final class DecoderRtl {
    private static final int SLOT_BITS = QueueLayout.SLOT_BITS;

    private final ModuleBuilder b;
    private final Bits ir;
    private final UInt count;
    private final Map<Opcode, Bool> is = new EnumMap<>(Opcode.class);
    private final List<UInt> slots = new ArrayList<>();
    private final Bool illegal;

    DecoderRtl(ModuleBuilder b, HwConfig c, Bits ir, Vec<UInt> regs, UInt count) {
        this.b = b;
        this.ir = ir;
        this.count = count;
        List<Opcode> supported = InstrRules.supported(c);
        UInt code = ir.slice(7, 0).asUInt();
        Bool known = Bool.FALSE;
        int maxSlots = 0;
        for (Opcode o : supported) {
            Bool m = b.named("is_" + o.name().toLowerCase(), code.eq(o.code()));
            is.put(o, m);
            known = known.or(m);
            maxSlots = Math.max(maxSlots, InstrFields.operands(o).size());
        }
        for (int k = 0; k < maxSlots; k++) {
            UInt reg = UInt.lit(0, 4);
            UInt imm = UInt.lit(0, SLOT_BITS);
            for (Opcode o : supported) {
                List<FieldLayout> ops = InstrFields.operands(o);
                if (k < ops.size()) {
                    FieldLayout f = ops.get(k);
                    Bits raw = ir.slice(f.lsb() + f.width() - 1, f.lsb() + 4);
                    UInt ext = f.signed() ? raw.asSInt().resize(SLOT_BITS).asUInt() : raw.asUInt().resize(SLOT_BITS);
                    reg = is.get(o).select(ir.slice(f.lsb() + 3, f.lsb()).asUInt(), reg);
                    imm = is.get(o).select(ext, imm);
                }
            }
            UInt r = b.named("slot" + k + "_reg", reg);
            slots.add(b.named("slot" + k + "_value", regs.read(r).addWrap(b.named("slot" + k + "_imm", imm))));
        }
        Bool broken = Bool.FALSE;
        for (Rule r : InstrRules.of(c)) {
            broken = broken.or(is.get(r.op()).and(compile(r.violated(), r.op())));
        }
        illegal = b.named("decode_illegal", known.not().or(broken));
    }

    Bool is(Opcode o) {
        return is.getOrDefault(o, Bool.FALSE);
    }

    Bool illegal() {
        return illegal;
    }

    /** Raw field {@code name} of {@code o} (an operand field: its register and immediate bits). */
    UInt field(Opcode o, String name) {
        FieldLayout f = InstrFields.of(o, name);
        return ir.slice(f.lsb() + f.width() - 1, f.lsb()).asUInt();
    }

    UInt slot(int k) {
        return slots.get(k);
    }

    /** The queue entry of this instruction for a queue of layout {@code l}: slots above the raw bits. */
    Bits entry(QueueLayout l) {
        List<Bits> parts = new ArrayList<>();
        parts.add(ir.slice(l.rawBits() - 1, 0));
        for (int k = 0; k < l.slots(); k++) {
            parts.add(slots.get(k).asBits());
        }
        return dev.accelgen.pe.accel.rtl.RtlUtil.catLowFirst(parts);
    }

    private Bool compile(RulePred p, Opcode o) {
        if (p instanceof RulePred.Cmp c) {
            UInt x = term(c.a(), o);
            UInt y = term(c.b(), o);
            return switch (c.op()) {
                case EQ -> x.eq(y);
                case NE -> x.ne(y);
                case LT -> x.lt(y);
                case GE -> x.ge(y);
                case GT -> x.gt(y);
            };
        } else if (p instanceof RulePred.Bit bit) {
            return term(bit.term(), o).bit(bit.bit());
        } else if (p instanceof RulePred.LowBits l) {
            return term(l.term(), o).slice(l.bits() - 1, 0).orR();
        } else if (p instanceof RulePred.AnyBitAbove a) {
            return a.lsb() >= InstrLayout.BITS ? Bool.FALSE : ir.slice(InstrLayout.BITS - 1, a.lsb()).orR();
        } else if (p instanceof RulePred.And a) {
            return compile(a.a(), o).and(compile(a.b(), o));
        } else if (p instanceof RulePred.Or x) {
            return compile(x.a(), o).or(compile(x.b(), o));
        }
        throw new IllegalStateException("unknown predicate " + p);
    }

    private UInt term(RuleTerm t, Opcode o) {
        if (t instanceof RuleTerm.Field f) {
            return field(o, f.name());
        } else if (t instanceof RuleTerm.Resolved r) {
            return slots.get(InstrFields.slot(o, r.name()));
        } else if (t instanceof RuleTerm.Const k) {
            return UInt.lit(k.value());
        } else if (t instanceof RuleTerm.ProgramLength) {
            return count;
        }
        throw new IllegalStateException("unknown term " + t);
    }
}
