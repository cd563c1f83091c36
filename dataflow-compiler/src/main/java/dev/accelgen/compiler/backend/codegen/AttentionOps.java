package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.KvRow;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.accel.isa.ControlInstr.AluOp;
import dev.accelgen.pe.accel.isa.ControlInstr.Cond;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Ld.LdMode;
import dev.accelgen.pe.accel.isa.Ld.LdTarget;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.VecInstr;

/**
 * Attention, one VATTN per head and key tile, tiles at absolute positions in order (the interpreter's tiles).
 * <ul>
 *   <li>Incremental models: the chunk's new key and value rows are stored into the KV cache at their positions, a
 *       fence orders the stores before the tile loads, then a loop over the tiles of keys [0, P + t0 + rows) loads
 *       each tile (keys and values of every KV head in one load) and runs every query head on it; the first tile
 *       starts the online softmax, the last divides. Query row t masks key j of a tile starting at key s when
 *       {@code j > t + (pos - s)} ({@code diag} from registers). Each tile ends with a fence, and the loop's three
 *       shapes (one tile; first, middle, last) are separate blocks, because first and last are instruction flags.</li>
 *   <li>Whole-sequence models (one chunk holds every row): keys and values are read where the chunk computed them;
 *       the tiles are static.</li>
 * </ul>
 */
final class AttentionOps {
    private AttentionOps() {
    }

    static void attention(Ctx c, int op, LirOp.Attention a) {
        c.sbuf(2 * a.heads() * c.rc);
        if (c.lir.sequence().incremental()) {
            cached(c, op, a);
        } else {
            whole(c, a);
        }
        c.log.put("keyTile", a.keyTile());
        c.log.put("sbufWords", 2 * a.heads() * c.rc);
    }

    private static void cached(Ctx c, int op, LirOp.Attention a) {
        Region kv = c.layout.region(RegionNames.kvCache(op));
        KvRow geo = KvRow.of(a.k().cols(), c.hw.portBytes(), c.lanes());
        Place k = c.place(a.k());
        Place v = c.place(a.v());
        int cols = a.k().cols();
        Opnd dstK = c.rowAddr(kv, Regs.POS);
        c.store(deps -> new St(deps, kv.port(), Opnd.imm(k.base()), dstK, c.rows(), 4 * cols, k.stride(), kv.rowBytes()),
                c.rowsAccess(k, cols, false), Access.mem(kv.name(), true));
        Opnd dstV = c.rowAddr(kv, Regs.POS);
        Opnd dstVPart = new Opnd(dstV.reg(), dstV.imm() + geo.partBytes());
        c.store(deps -> new St(deps, kv.port(), Opnd.imm(v.base()), dstVPart, c.rows(), 4 * cols, v.stride(), kv.rowBytes()),
                c.rowsAccess(v, cols, false), Access.mem(kv.name(), true));
        c.fence();
        int rowWords = geo.rowWords(c.lanes());
        int slot = c.temp(a.keyTile() * rowWords);
        ProgramBuilder p = c.program;
        ProgramBuilder.Label single = new ProgramBuilder.Label();
        ProgramBuilder.Label loop = new ProgramBuilder.Label();
        ProgramBuilder.Label last = new ProgramBuilder.Label();
        ProgramBuilder.Label done = new ProgramBuilder.Label();
        p.aluReg(AluOp.ADD, Regs.KEY_END, Regs.POS, Regs.ROWS);
        p.li(Regs.KEY, 0);
        p.li(Regs.TMP, a.keyTile());
        p.branch(Cond.GE, Regs.TMP, Regs.KEY_END, single);
        tile(c, a, kv, geo, slot, true, false);
        p.bind(loop);
        p.alu(AluOp.ADD, Regs.KEY, Regs.KEY, a.keyTile());
        p.alu(AluOp.ADD, Regs.TMP, Regs.KEY, a.keyTile());
        p.branch(Cond.GE, Regs.TMP, Regs.KEY_END, last);
        tile(c, a, kv, geo, slot, false, false);
        p.jump(loop);
        p.bind(last);
        tile(c, a, kv, geo, slot, false, true);
        p.jump(done);
        p.bind(single);
        tile(c, a, kv, geo, slot, true, true);
        p.bind(done);
        c.log.put("kvCache", kv.name());
    }

    /** One key tile from the cache: keys [r[KEY], r[KEY] + r[KEYS]), every head, then a fence. */
    private static void tile(Ctx c, LirOp.Attention a, Region kv, KvRow geo, int slot, boolean first, boolean last) {
        ProgramBuilder p = c.program;
        p.aluReg(AluOp.SUB, Regs.KEYS, Regs.KEY_END, Regs.KEY);
        p.alu(AluOp.MIN, Regs.KEYS, Regs.KEYS, a.keyTile());
        int rowWords = geo.rowWords(c.lanes());
        Opnd src = c.rowAddr(kv, Regs.KEY);
        c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, kv.port(), src, Opnd.imm(slot), Opnd.reg(Regs.KEYS),
                (int) kv.rowBytes(), kv.rowBytes(), rowWords, Opnd.imm(0)), Access.mem(kv.name(), false),
                c.wordsAccess(slot, a.keyTile() * rowWords, true));
        p.aluReg(AluOp.SUB, Regs.TMP, Regs.POS, Regs.KEY);
        heads(c, a, new Place(slot, rowWords), new Place(slot + geo.valueWord(c.lanes()), rowWords), first, last, Opnd.reg(Regs.KEYS),
                Opnd.reg(Regs.TMP), a.keyTile());
        c.fence();
    }

    private static void whole(Ctx c, LirOp.Attention a) {
        int t = c.lir.sequence().positions();
        int tiles = (t + a.keyTile() - 1) / a.keyTile();
        Place k = c.place(a.k());
        Place v = c.place(a.v());
        for (int j = 0; j < tiles; j++) {
            int from = j * a.keyTile();
            int keys = Math.min(a.keyTile(), t - from);
            heads(c, a, k.plus(from * k.stride()), v.plus(from * v.stride()), j == 0, j == tiles - 1, Opnd.imm(keys),
                    Opnd.imm(-from), keys);
        }
    }

    /** VATTN of every query head over one tile whose key j of KV head g is at {@code keys + j * stride + g * headWords}. */
    private static void heads(Ctx c, LirOp.Attention a, Place keys, Place values, boolean first, boolean last, Opnd count,
                              Opnd diag, int maxKeys) {
        Place q = c.place(a.q());
        Place o = c.place(a.out());
        int hw = c.words(a.headDim());
        int group = a.heads() / a.kvHeads();
        for (int h = 0; h < a.heads(); h++) {
            int g = h / group;
            Place qh = q.plus(h * hw);
            Place oh = o.plus(h * hw);
            Place kh = keys.plus(g * hw);
            Place vh = values.plus(g * hw);
            int sb = 2 * h * c.rc;
            c.compute(deps -> new VecInstr.VAttn(deps, first, last, a.causal(), c.rows(), a.headDim(), count, Opnd.imm(qh.base()),
                    qh.stride(), Opnd.imm(kh.base()), kh.stride(), Opnd.imm(vh.base()), vh.stride(), Opnd.imm(oh.base()), oh.stride(),
                    Opnd.imm(sb), diag), c.rowsAccess(qh, a.headDim(), false), keysAccess(c, kh, maxKeys, a.headDim()),
                    keysAccess(c, vh, maxKeys, a.headDim()), c.rowsAccess(oh, a.headDim(), true));
        }
    }

    private static Access keysAccess(Ctx c, Place p, int keys, int headDim) {
        return c.wordsAccess(p.base(), (keys - 1) * p.stride() + c.words(headDim), false);
    }
}
