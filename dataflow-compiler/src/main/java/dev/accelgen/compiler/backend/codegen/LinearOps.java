package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.ParamRow;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.backend.plan.Tiling;
import dev.accelgen.compiler.backend.plan.UnitMatch;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Ld.LdMode;
import dev.accelgen.pe.accel.isa.Ld.LdTarget;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection as instructions: its column parameters loaded once into an op-local ABUF row, a BitLinear
 * projection's row scales into SBUF (VROWSCALE), then per column tile the tile's load into the next WBUF slot and
 * its MM on the projection's unit. Tiles after the first overlap the previous MM (they read nothing it writes), and
 * each tile's load runs while the previous tile computes.
 */
final class LinearOps {
    private LinearOps() {
    }

    /**
     * {@code out = in W} for projection {@code pi} of op {@code op}; with {@code gatherList >= 0} the MM gathers its
     * rows through the SBUF token list there (a MoE expert) and writes them compactly.
     */
    static void projection(Ctx c, int op, int pi, Projection p, Place in, Place out, int gatherList, String name) {
        List<Tiling.Tile> tiles = c.tiles.tiles(p);
        int unit = c.tiles.unit(p);
        int lanes = c.lanes();
        int params = -1;
        if (ParamRow.needed(p)) {
            Region r = c.layout.region(RegionNames.params(op, pi));
            int words = ParamRow.words(tiles, lanes);
            int at = c.temp(words);
            params = at;
            c.load(deps -> new Ld(deps, LdTarget.ABUF, LdMode.LINEAR, r.port(), Opnd.imm(r.offset()), Opnd.imm(at), Opnd.imm(1),
                    4 * lanes * words, r.rowBytes(), words, Opnd.imm(0)), Access.mem(r.name(), false), c.wordsAccess(at, words, true));
        }
        boolean perRow = p.act() instanceof ActQuant.PerRow;
        if (perRow) {
            ActQuant.PerRow pr = (ActQuant.PerRow) p.act();
            c.sbuf(2 * c.rc);
            c.compute(deps -> new VecInstr.VRowScale(deps, c.rows(), p.k(), Opnd.imm(in.base()), in.stride(), Opnd.imm(0),
                    pr.betaMant(), pr.betaShift()), c.rowsAccess(in, p.k(), false));
        }
        long q = p.act() instanceof ActQuant.PerTensor t ? t.q() : 0;
        int qShift = p.act() instanceof ActQuant.PerTensor t ? t.qShift() : RowScaleArith.ROWSCALE_QSHIFT;
        boolean gather = gatherList >= 0;
        boolean sparse = UnitMatch.sparse(p);
        List<Object> placed = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            Tiling.Tile t = tiles.get(i);
            Region w = c.layout.region(RegionNames.weights(op, pi, i));
            Wbuf.Slot s = c.wbuf.alloc(t.words());
            LdTarget bank = s.bank() == 0 ? LdTarget.WBUF0 : LdTarget.WBUF1;
            c.load(deps -> new Ld(deps, bank, LdMode.LINEAR, 0, Opnd.imm(w.offset()), Opnd.imm(s.addr()), Opnd.imm(t.words()), 0, 0,
                    0, Opnd.imm(0)), Access.mem(w.name(), false), Access.wbuf(s.bank(), s.addr(), t.words()));
            List<Access> reads = new ArrayList<>();
            reads.add(c.rowsAccess(in, p.k(), false));
            reads.add(Access.wbufRead(s.bank(), s.addr(), t.words()));
            int cparam = params < 0 ? 0 : params + ParamRow.tileWord(tiles, i, lanes);
            if (params >= 0) {
                reads.add(c.wordsAccess(cparam, 2 * c.words(t.n()), false));
            }
            Place o = out.plus(t.n0() / lanes);
            List<Access> writes = List.of(c.rowsAccess(o, t.n(), true));
            c.mm((deps, overlap) -> new Mm(deps, unit, p.bias() != null, false, perRow, gather, overlap, sparse, c.rows(), p.k(), t.n(),
                    Opnd.imm(in.base()), in.stride(), s.bank(), s.addr(), Opnd.imm(o.base()), o.stride(), Opnd.imm(cparam), q, qShift,
                    p.dShift(), Opnd.imm(gather ? gatherList : 0)), unit, reads, writes);
            Map<String, Object> tile = new LinkedHashMap<>();
            tile.put("columns", List.of(t.n0(), t.n0() + t.n()));
            tile.put("wbufBank", s.bank());
            tile.put("wbufWord", s.addr());
            tile.put("words", t.words());
            tile.put("region", w.name());
            placed.add(tile);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("projection", name);
        entry.put("scheme", p.scheme().label());
        entry.put("k", p.k());
        entry.put("n", p.n());
        entry.put("unit", unit);
        entry.put("unitKind", c.hw.matrixUnits().get(unit).kind());
        entry.put("rowScale", perRow);
        entry.put("gather", gather);
        entry.put("tiles", placed);
        c.log.add("mm", entry);
    }
}
