package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.VecInstr;

/**
 * A mixture of experts: the router projection, VTOPK writing each expert's token list (token, gate) into SBUF,
 * the output zeroed, then per expert its up projection on the rows its list names (a gathered MM, rows written
 * compactly), the activation and the down projection over the chunk's rows (rows past the list's count hold
 * values no one reads: the list's count is in SBUF, out of reach of the row operand), and VSCATTER adding each
 * listed row times its gate to its token's output row.
 */
final class MoeOps {
    private MoeOps() {
    }

    static void moe(Ctx c, int op, LirOp.Moe m) {
        Place x = c.place(m.x());
        Place out = c.place(m.out());
        int cols = m.out().cols();
        int experts = m.experts();
        int lw = c.words(experts);
        Place logits = new Place(c.temp(c.rc * lw), lw);
        LinearOps.projection(c, op, 0, m.router(), x, logits, -1, m.out().name() + ".router");
        int list = 1 + 2 * c.rc;
        c.sbuf(experts * list);
        c.compute(deps -> new VecInstr.VTopK(deps, c.rows(), experts, m.topK(), Opnd.imm(logits.base()), logits.stride(), Opnd.imm(0),
                c.rc), c.rowsAccess(logits, experts, false));
        c.compute(deps -> new VecInstr.VAffine(deps, c.rows(), cols, Opnd.imm(x.base()), x.stride(), Opnd.imm(out.base()), out.stride(),
                0, 0), c.rowsAccess(x, cols, false), c.rowsAccess(out, cols, true));
        int hidden = 0;
        for (Projection up : m.up()) {
            hidden = Math.max(hidden, up.n());
        }
        int hw = c.words(hidden);
        Place h = new Place(c.temp(c.rc * hw), hw);
        Place y = new Place(c.temp(c.rc * c.words(cols)), c.words(cols));
        for (int e = 0; e < experts; e++) {
            Projection up = m.up().get(e);
            int sb = e * list;
            String name = m.out().name() + ".expert" + e;
            LinearOps.projection(c, op, 1 + 2 * e, up, x, h, sb, name + ".up");
            int len = up.n();
            c.compute(deps -> new VecInstr.VAct(deps, m.act(), c.rows(), len, Opnd.imm(h.base()), h.stride(), Opnd.imm(h.base()),
                    h.stride()), c.rowsAccess(h, len, false), c.rowsAccess(h, len, true));
            LinearOps.projection(c, op, 2 + 2 * e, m.down().get(e), h, y, -1, name + ".down");
            c.compute(deps -> new VecInstr.VScatter(deps, cols, Opnd.imm(y.base()), y.stride(), Opnd.imm(out.base()), out.stride(),
                    Opnd.imm(sb)), c.rowsAccess(y, cols, false), c.rowsAccess(out, cols, false), c.rowsAccess(out, cols, true));
        }
        c.log.put("experts", experts);
        c.log.put("topK", m.topK());
        c.log.put("sbufWords", experts * list);
    }
}
