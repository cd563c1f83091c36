package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Ld.LdMode;
import dev.accelgen.pe.accel.isa.Ld.LdTarget;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.VecInstr;
import java.util.List;

/** Row-local ops on the vector unit: one instruction over the chunk's rows, constant rows loaded first. */
final class VectorOps {
    private VectorOps() {
    }

    static void binary(Ctx c, LirOp.Binary b) {
        Place a = c.place(b.a());
        Place y = c.place(b.b());
        Place d = c.place(b.out());
        int len = b.out().cols();
        c.compute(deps -> new VecInstr.VBinary(deps, b.op(), c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(y.base()),
                y.stride(), Opnd.imm(d.base()), d.stride()), c.rowsAccess(a, len, false), c.rowsAccess(y, len, false),
                c.rowsAccess(d, len, true));
    }

    /** A broadcast constant row (loaded once), or the position table's rows of the chunk's positions. */
    static void binaryConst(Ctx c, int op, LirOp.BinaryConst b) {
        Region r = c.layout.region(RegionNames.constants(op));
        Place a = c.place(b.a());
        Place d = c.place(b.out());
        int len = b.out().cols();
        int w = c.words(len);
        int rows = b.byPosition() ? c.rc : 1;
        int t = c.temp(rows * w);
        Opnd src = b.byPosition() ? c.rowAddr(r, Regs.POS) : Opnd.imm(r.offset());
        Opnd n = b.byPosition() ? c.rows() : Opnd.imm(1);
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, r.port(), src, Opnd.imm(t), n, 4 * len, r.rowBytes(), w,
                Opnd.imm(0)), Access.mem(r.name(), false), c.wordsAccess(t, rows * w, true));
        int bStride = b.byPosition() ? w : 0;
        c.compute(deps -> new VecInstr.VBinary(deps, b.op(), c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(t), bStride,
                Opnd.imm(d.base()), d.stride()), c.rowsAccess(a, len, false), c.wordsAccess(t, rows * w, false),
                c.rowsAccess(d, len, true));
        c.log.put("load", r.name());
    }

    static void affine(Ctx c, LirOp.Affine f) {
        Place a = c.place(f.a());
        Place d = c.place(f.out());
        int len = f.out().cols();
        c.compute(deps -> new VecInstr.VAffine(deps, c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()), d.stride(),
                f.mul(), f.add()), c.rowsAccess(a, len, false), c.rowsAccess(d, len, true));
    }

    static void activation(Ctx c, LirOp.Activation f) {
        Place a = c.place(f.a());
        Place d = c.place(f.out());
        int len = f.out().cols();
        c.compute(deps -> new VecInstr.VAct(deps, f.fn(), c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()),
                d.stride()), c.rowsAccess(a, len, false), c.rowsAccess(d, len, true));
    }

    /** Gain and bias (one row: gain words, then bias words) loaded first when the norm has them. */
    static void norm(Ctx c, int op, LirOp.Norm n) {
        Place a = c.place(n.a());
        Place d = c.place(n.out());
        int len = n.out().cols();
        int w = c.words(len);
        boolean params = n.gain() != null || n.bias() != null;
        int t = params ? c.temp(2 * w) : 0;
        if (params) {
            Region r = c.layout.region(RegionNames.constants(op));
            c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, r.port(), Opnd.imm(r.offset()), Opnd.imm(t), Opnd.imm(1),
                    8 * c.lanes() * w, r.rowBytes(), 2 * w, Opnd.imm(0)), Access.mem(r.name(), false), c.wordsAccess(t, 2 * w, true));
        }
        Access read = c.rowsAccess(a, len, false);
        Access paramRead = c.wordsAccess(t, params ? 2 * w : 1, false);
        Access write = c.rowsAccess(d, len, true);
        if (n.kind() == LirOp.NormKind.RMS) {
            c.compute(deps -> new VecInstr.VRmsNorm(deps, c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()), d.stride(),
                    n.gain() != null, Opnd.imm(t), n.eps()), read, paramRead, write);
        } else {
            c.compute(deps -> new VecInstr.VLayerNorm(deps, c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()),
                    d.stride(), n.gain() != null, Opnd.imm(t), n.bias() != null, Opnd.imm(t + w), n.eps()), read, paramRead, write);
        }
    }

    static void softmax(Ctx c, LirOp.Softmax s) {
        Place a = c.place(s.a());
        Place d = c.place(s.out());
        int len = s.out().cols();
        c.compute(deps -> new VecInstr.VSoftmax(deps, c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()), d.stride()),
                c.rowsAccess(a, len, false), c.rowsAccess(d, len, true));
    }

    /** The rotary table's rows of the chunk's positions, then VROPE over every head. */
    static void rope(Ctx c, int op, LirOp.Rope r) {
        Region table = c.layout.region(RegionNames.rope(c.lir, op));
        Place a = c.place(r.a());
        Place d = c.place(r.out());
        int len = r.out().cols();
        int tw = c.words(r.headDim());
        int t = c.temp(c.rc * tw);
        Opnd src = c.rowAddr(table, Regs.POS);
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, table.port(), src, Opnd.imm(t), c.rows(), 4 * r.headDim(),
                table.rowBytes(), tw, Opnd.imm(0)), Access.mem(table.name(), false), c.wordsAccess(t, c.rc * tw, true));
        c.compute(deps -> new VecInstr.VRope(deps, c.rows(), len, r.headDim(), Opnd.imm(a.base()), a.stride(), Opnd.imm(t), tw,
                Opnd.imm(d.base()), d.stride()), c.rowsAccess(a, len, false), c.wordsAccess(t, c.rc * tw, false),
                c.rowsAccess(d, len, true));
        c.log.put("load", table.name());
    }

    /** VMLGRU over the chunk's rows in order, the state row in its persistent slot; f, c, g copied side by side when needed. */
    static void mlgru(Ctx c, int op, LirOp.Mlgru g, int stateSlot) {
        int len = g.out().cols();
        int w = c.words(len);
        Place fcg;
        if (c.placement.copies(op)) {
            fcg = new Place(c.temp(3 * w * c.rc), 3 * w);
            copy(c, List.of(g.f(), g.c(), g.g()), fcg);
        } else {
            fcg = c.place(g.f());
        }
        Place d = c.place(g.out());
        c.compute(deps -> new VecInstr.VMlgru(deps, c.rows(), len, Opnd.imm(fcg.base()), fcg.stride(), Opnd.imm(stateSlot),
                Opnd.imm(d.base()), d.stride()), c.rowsAccess(fcg, 3 * w * c.lanes(), false), c.wordsAccess(stateSlot, w, true),
                c.rowsAccess(d, len, true));
    }

    /** A concatenation whose parts could not be produced in place: VCOPY each part. */
    static void concat(Ctx c, int op, LirOp.Concat k) {
        if (c.placement.copies(op)) {
            copy(c, k.parts(), c.place(k.out()));
        }
    }

    private static void copy(Ctx c, List<Val> parts, Place into) {
        int at = 0;
        for (Val v : parts) {
            Place a = c.place(v);
            Place d = into.plus(at);
            int len = v.cols();
            c.compute(deps -> new VecInstr.VCopy(deps, c.rows(), len, Opnd.imm(a.base()), a.stride(), Opnd.imm(d.base()), d.stride()),
                    c.rowsAccess(a, len, false), c.rowsAccess(d, len, true));
            at += c.words(len);
        }
    }
}
