package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.backend.plan.ProgramNeeds;
import dev.accelgen.compiler.backend.plan.TilePlan;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr.AluOp;
import dev.accelgen.pe.accel.isa.ControlInstr.Cond;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LIR to instructions. The program loops over the run's rows in chunks of {@code rc} (the rows every value's
 * ABUF allocation holds): per chunk, r9 = rows, r10 = its first position, and every op in order over those rows;
 * values get ABUF words when first written and give them back after their last reader. Recurrent states sit in
 * ABUF for the whole run (loaded before the loop, stored after it). Everything that depends on the run's length or
 * position comes from registers, so the program does not depend on the sequence length.
 */
public final class CodeGen {
    /** The program and what it used. */
    public record Generated(List<Instr> instrs, ProgramNeeds needs, List<Map<String, Object>> ops, Map<Integer, int[]> opInstrs,
                            int fences) {
    }

    private CodeGen() {
    }

    public static Generated generate(LirModel lir, HwConfig hw, TilePlan tiles, MemoryLayout layout, int rc) {
        return generate(lir, hw, tiles, layout, rc, lir.ops().size());
    }

    /**
     * The program of the first {@code opCount} ops only (the rest left out, the loop and state handling kept): the
     * difference of two such programs' cycles is what one op costs ({@code OpCycles}).
     */
    public static Generated generate(LirModel lir, HwConfig hw, TilePlan tiles, MemoryLayout layout, int rc, int opCount) {
        Ctx c = new Ctx(lir, hw, tiles, layout, rc);
        ProgramBuilder p = c.program;
        ProgramBuilder.Label end = new ProgramBuilder.Label();
        p.branch(Cond.GE, 0, Regs.T, end);
        Map<Integer, Integer> stateSlots = new LinkedHashMap<>();
        for (StateBuf s : lir.states()) {
            if (s.kind() == StateBuf.Kind.RECURRENT) {
                int slot = c.abuf.alloc(c.words(s.cols()));
                stateSlots.put(s.id(), slot);
                IoOps.loadState(c, s.id(), slot, s.cols());
            }
        }
        c.fence();
        ProgramBuilder.Label loop = new ProgramBuilder.Label();
        p.bind(loop);
        p.aluReg(AluOp.SUB, Regs.ROWS, Regs.T, Regs.CHUNK);
        p.alu(AluOp.MIN, Regs.ROWS, Regs.ROWS, rc);
        p.aluReg(AluOp.ADD, Regs.POS, Regs.P, Regs.CHUNK);
        Map<Integer, int[]> opInstrs = new LinkedHashMap<>();
        for (int i = 0; i < opCount; i++) {
            LirOp op = lir.ops().get(i);
            c.log.begin(i, op.tag().name().toLowerCase(Locale.ROOT), op.outputs().isEmpty() ? op.inputs().get(0).name()
                    : op.outputs().get(0).name());
            for (int r = 0; r < c.placement.roots(); r++) {
                if (c.placement.def(r) == i && c.placement.stored(r) && !c.allocated(r)) {
                    c.allocRoot(r);
                }
            }
            int from = p.size();
            emit(c, i, op, stateSlots);
            opInstrs.put(i, new int[] {from, p.size()});
            for (Val v : op.outputs()) {
                c.log.put("abuf", placeOf(c, v));
            }
            c.freeTemps();
            for (int r = 0; r < c.placement.roots(); r++) {
                if (c.placement.lastUse(r) == i && c.allocated(r)) {
                    c.freeRoot(r);
                }
            }
        }
        c.fence();
        p.alu(AluOp.ADD, Regs.CHUNK, Regs.CHUNK, rc);
        p.branch(Cond.LT, Regs.CHUNK, Regs.T, loop);
        for (Map.Entry<Integer, Integer> s : stateSlots.entrySet()) {
            IoOps.storeState(c, s.getKey(), s.getValue(), lir.states().get(s.getKey()).cols());
        }
        p.bind(end);
        p.halt();
        List<Instr> instrs = p.build();
        Set<Opcode> ops = EnumSet.noneOf(Opcode.class);
        for (Instr in : instrs) {
            if (HwConfig.ALL_VECTOR_OPS.contains(in.opcode())) {
                ops.add(in.opcode());
            }
        }
        ProgramNeeds needs = new ProgramNeeds(c.abuf.highWater(), c.sbufHighWater(), c.wbuf.highWater(), instrs.size(), ops);
        return new Generated(instrs, needs, c.log.ops(), opInstrs, c.hazards.fences());
    }

    private static Map<String, Object> placeOf(Ctx c, Val v) {
        int r = c.placement.root(v);
        Map<String, Object> m = new LinkedHashMap<>();
        if (!c.placement.stored(r)) {
            m.put("offChip", true);
            return m;
        }
        Place pl = c.place(v);
        m.put("word", pl.base());
        m.put("stride", pl.stride());
        m.put("rows", c.rc);
        return m;
    }

    private static void emit(Ctx c, int i, LirOp op, Map<Integer, Integer> stateSlots) {
        switch (op.tag()) {
            case INPUT -> IoOps.input(c, i, (LirOp.Input) op);
            case EMBEDDING -> IoOps.embedding(c, i, (LirOp.Embedding) op);
            case LINEAR -> {
                LirOp.Linear l = (LirOp.Linear) op;
                LinearOps.projection(c, i, 0, l.p(), c.place(l.in()), c.place(l.out()), -1, String.join("+",
                        l.parts().stream().map(LirOp.Part::node).distinct().toList()));
            }
            case BINARY -> VectorOps.binary(c, (LirOp.Binary) op);
            case BINARY_CONST -> VectorOps.binaryConst(c, i, (LirOp.BinaryConst) op);
            case AFFINE -> VectorOps.affine(c, (LirOp.Affine) op);
            case ACTIVATION -> VectorOps.activation(c, (LirOp.Activation) op);
            case NORM -> VectorOps.norm(c, i, (LirOp.Norm) op);
            case SOFTMAX -> VectorOps.softmax(c, (LirOp.Softmax) op);
            case ROPE -> VectorOps.rope(c, i, (LirOp.Rope) op);
            case ATTENTION -> AttentionOps.attention(c, i, (LirOp.Attention) op);
            case MLGRU -> {
                LirOp.Mlgru g = (LirOp.Mlgru) op;
                VectorOps.mlgru(c, i, g, stateSlots.get(g.state()));
            }
            case MOE -> MoeOps.moe(c, i, (LirOp.Moe) op);
            case SLICE -> {
            }
            case CONCAT -> VectorOps.concat(c, i, (LirOp.Concat) op);
            case OUTPUT -> IoOps.output(c, i, (LirOp.Output) op);
        }
    }
}
