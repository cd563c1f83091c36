package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.ControlInstr.AluOp;
import dev.accelgen.pe.accel.isa.ControlInstr.Cond;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Opnd;
import java.util.ArrayList;
import java.util.List;

/**
 * The instruction list under construction: control instructions as they are, queued instructions as
 * {@link Entry}s (their flags settle later), branches to {@link Label}s bound afterwards.
 */
final class ProgramBuilder {
    /** A branch target. */
    static final class Label {
        private int at = -1;
    }

    private record Branch(Cond cond, int ra, int rb, Label target) {
    }

    private final List<Object> items = new ArrayList<>();

    int size() {
        return items.size();
    }

    void add(Entry e) {
        items.add(e);
    }

    void li(int rd, long imm) {
        items.add(new ControlInstr.Li(rd, imm));
    }

    /** {@code r[rd] = op(r[ra], imm)}. */
    void alu(AluOp op, int rd, int ra, long imm) {
        items.add(new ControlInstr.Alu(op, rd, ra, Opnd.imm(imm)));
    }

    /** {@code r[rd] = op(r[ra], r[rb])}. */
    void aluReg(AluOp op, int rd, int ra, int rb) {
        items.add(new ControlInstr.Alu(op, rd, ra, Opnd.reg(rb)));
    }

    void branch(Cond cond, int ra, int rb, Label target) {
        items.add(new Branch(cond, ra, rb, target));
    }

    void jump(Label target) {
        branch(Cond.EQ, 0, 0, target);
    }

    void bind(Label l) {
        if (l.at >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        l.at = items.size();
    }

    void halt() {
        items.add(new ControlInstr.Halt());
    }

    List<Instr> build() {
        List<Instr> out = new ArrayList<>(items.size());
        for (Object o : items) {
            if (o instanceof Entry e) {
                out.add(e.build());
            } else if (o instanceof Branch b) {
                if (b.target.at < 0) {
                    throw new IllegalStateException("branch to an unbound label");
                }
                out.add(new ControlInstr.Branch(b.cond, b.ra, b.rb, b.target.at));
            } else {
                out.add((Instr) o);
            }
        }
        return out;
    }
}
