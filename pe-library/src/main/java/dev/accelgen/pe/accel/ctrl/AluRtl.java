package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Registers;
import java.util.List;

/** Register writes in RTL (cycle model: {@link ControlAlu}): a run's start values, LI and ALU results. */
final class AluRtl {
    private AluRtl() {
    }

    static void write(ModuleBuilder b, DecoderRtl dec, List<UInt> regs, Vec<UInt> regVec, Bool legal, Bool begin,
                      List<UInt> startRegs) {
        Bool li = b.named("exec_li", legal.and(dec.is(Opcode.LI)));
        Bool alu = b.named("exec_alu", legal.and(dec.is(Opcode.ALU)));
        UInt liRd = dec.field(Opcode.LI, "rd");
        UInt liImm = dec.field(Opcode.LI, "imm");
        UInt rd = dec.field(Opcode.ALU, "rd");
        UInt a = b.named("alu_a", regVec.read(dec.field(Opcode.ALU, "ra")));
        UInt bv = b.named("alu_b", dec.slot(0));
        SInt sa = a.asSInt();
        SInt sb = bv.asSInt();
        UInt sh = bv.slice(4, 0);
        UInt op = dec.field(Opcode.ALU, "op");
        UInt[] results = new UInt[ControlInstr.AluOp.values().length];
        results[ControlInstr.AluOp.ADD.ordinal()] = a.addWrap(bv);
        results[ControlInstr.AluOp.SUB.ordinal()] = a.subWrap(bv);
        results[ControlInstr.AluOp.MUL.ordinal()] = a.mulWrap(bv);
        results[ControlInstr.AluOp.MIN.ordinal()] = sa.lt(sb).select(a, bv);
        results[ControlInstr.AluOp.MAX.ordinal()] = sa.gt(sb).select(a, bv);
        results[ControlInstr.AluOp.SHL.ordinal()] = a.shlDyn(sh);
        results[ControlInstr.AluOp.SHRA.ordinal()] = sa.shrDyn(sh).asUInt();
        results[ControlInstr.AluOp.AND.ordinal()] = a.and(bv);
        UInt result = b.named("alu_result", new Vec<>(List.of(results)).read(op));
        for (int r = 1; r < Registers.COUNT; r++) {
            UInt reg = regs.get(r);
            UInt start = r <= Registers.RUN_PARAMS ? startRegs.get(r - 1) : UInt.lit(0, 32);
            int idx = r;
            b.when(begin, () -> reg.set(start))
                    .elseWhen(li.and(liRd.eq(idx)), () -> reg.set(liImm))
                    .elseWhen(alu.and(rd.eq(idx)), () -> reg.set(result));
        }
    }
}
