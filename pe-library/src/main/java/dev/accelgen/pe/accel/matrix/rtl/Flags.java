package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's shared state bits: per row-buffer half {@code claimed} (a pass is loading or loaded) and
 * {@code full} (the pass is loaded), per instruction slot {@code inUse}. The fetch stage sets them, the issue
 * stage releases halves, the output stage frees slots (never the same bit in the same cycle).
 */
final class Flags {
    final List<Bool> full = new ArrayList<>();
    final List<Bool> claimed = new ArrayList<>();
    final List<Bool> inUse = new ArrayList<>();

    Flags(ModuleBuilder b) {
        for (int h = 0; h < 2; h++) {
            full.add(b.reg("half" + h + "_full", Bool.type(), 0));
            claimed.add(b.reg("half" + h + "_claimed", Bool.type(), 0));
        }
        for (int s = 0; s < SlotRegs.SLOTS; s++) {
            inUse.add(b.reg("slot" + s + "_in_use", Bool.type(), 0));
        }
    }

    static Bool at(List<Bool> bits, UInt index) {
        return new Vec<>(bits).read(index);
    }

    /** {@code bits[index] := value} when {@code cond}. */
    static void set(ModuleBuilder b, List<Bool> bits, UInt index, Bool cond, Bool value) {
        for (int i = 0; i < bits.size(); i++) {
            Bool bit = bits.get(i);
            b.when(cond.and(index.eq(i)), () -> bit.set(value));
        }
    }

    /** Whether a slot other than {@code s} holds an instruction. */
    Bool othersInUse(UInt s) {
        UInt n1 = SlotRegs.next(s);
        return at(inUse, n1).or(at(inUse, SlotRegs.next(n1)));
    }

    Bool anyInUse() {
        Bool any = Bool.FALSE;
        for (Bool u : inUse) {
            any = any.or(u);
        }
        return any;
    }
}
