package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Ld.LdMode;
import dev.accelgen.pe.accel.isa.Ld.LdTarget;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.St;

/**
 * Loads and stores between the model's off-chip regions and ABUF: inputs and outputs at the chunk's positions,
 * embeddings gathered by token id, recurrent state rows around the chunk loop.
 */
final class IoOps {
    private IoOps() {
    }

    /** Fx input rows of the chunk's positions (token ids stay off chip until an embedding gathers by them). */
    static void input(Ctx c, int op, LirOp.Input in) {
        if (in.out().kind() == Val.Kind.TOKEN_IDS) {
            return;
        }
        Region r = c.layout.region(RegionNames.input(op));
        Place d = c.place(in.out());
        int cols = in.out().cols();
        Opnd src = c.rowAddr(r, Regs.POS);
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, r.port(), src, Opnd.imm(d.base()), c.rows(), 4 * cols,
                r.rowBytes(), d.stride(), Opnd.imm(0)), Access.mem(r.name(), false), c.rowsAccess(d, cols, true));
        c.log.put("load", r.name());
    }

    /** Table rows gathered by the chunk's token ids (an indirect load; ids and table share a port). */
    static void embedding(Ctx c, int op, LirOp.Embedding e) {
        Region table = c.layout.region(RegionNames.embedding(op));
        Region ids = c.layout.region(RegionNames.input(RegionNames.inputOp(c.lir, e.ids())));
        Place d = c.place(e.out());
        int cols = e.out().cols();
        Opnd index = c.rowAddr(ids, Regs.POS);
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.INDIRECT, table.port(), Opnd.imm(table.offset()), Opnd.imm(d.base()),
                c.rows(), 4 * cols, table.rowBytes(), d.stride(), index), Access.mem(ids.name(), false),
                Access.mem(table.name(), false), c.rowsAccess(d, cols, true));
        c.log.put("gather", table.name() + " by " + ids.name());
    }

    /** The chunk's rows of an output, to its positions. */
    static void output(Ctx c, int op, LirOp.Output o) {
        Region r = c.layout.region(RegionNames.output(op));
        Place s = c.place(o.a());
        int cols = o.a().cols();
        Opnd dst = c.rowAddr(r, Regs.POS);
        c.store(deps -> new St(deps, r.port(), Opnd.imm(s.base()), dst, c.rows(), 4 * cols, s.stride(), r.rowBytes()),
                c.rowsAccess(s, cols, false), Access.mem(r.name(), true));
        c.log.put("store", r.name());
    }

    /** A recurrent state's row into its ABUF slot. */
    static void loadState(Ctx c, int state, int slot, int cols) {
        Region r = c.layout.region(RegionNames.state(state));
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, r.port(), Opnd.imm(r.offset()), Opnd.imm(slot), Opnd.imm(1),
                4 * cols, r.rowBytes(), 1, Opnd.imm(0)), Access.mem(r.name(), false), c.wordsAccess(slot, c.words(cols), true));
    }

    /** A recurrent state's ABUF slot back to its row. */
    static void storeState(Ctx c, int state, int slot, int cols) {
        Region r = c.layout.region(RegionNames.state(state));
        c.store(deps -> new St(deps, r.port(), Opnd.imm(slot), Opnd.imm(r.offset()), Opnd.imm(1), 4 * cols, 1, r.rowBytes()),
                c.wordsAccess(slot, c.words(cols), false), Access.mem(r.name(), true));
    }
}
