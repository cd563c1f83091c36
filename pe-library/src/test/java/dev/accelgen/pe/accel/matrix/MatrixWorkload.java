package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.harness.FxRandom;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random standalone run of one matrix engine: random ABUF and SBUF contents, a weight tile per instruction
 * packed into WBUF, and random MM instructions over every flag the unit kind supports. ABUF is split into
 * read-only activation and parameter regions and four output regions; an {@code overlap} instruction never
 * writes a region one of the two before it wrote, so the program-order result ({@link #expected}) is well defined.
 */
record MatrixWorkload(MatrixEngineConfig cfg, EngineRun run, int[][] abuf, int[] sbuf, List<Mm> mms,
                      List<QuantWeights> weights) {
    static MatrixWorkload random(MatrixEngineConfig cfg, Random rng, int instructions) {
        HwConfig hw = cfg.hw();
        int v = hw.lanes();
        int depth = 1 << cfg.abufAddrBits();
        int sdepth = 1 << cfg.sbufAddrBits();
        int[][] abuf = new int[depth][];
        for (int a = 0; a < depth; a++) {
            abuf[a] = FxRandom.word(rng, v);
        }
        int[] sbuf = new int[sdepth];
        for (int a = 0; a < sdepth; a++) {
            sbuf[a] = rng.nextInt(3) == 0 ? rng.nextInt() : rng.nextInt(1 << 24);
        }
        int wdepth = 1 << cfg.wbufAddrBits();
        long[][][] wbuf = new long[2][wdepth][];
        int[] wFree = {0, 0};
        List<Mm> mms = new ArrayList<>();
        List<QuantWeights> weights = new ArrayList<>();
        int previousRegion = -1;
        int olderRegion = -1;
        int sFree = 0;
        UnitShape shape = cfg.shape();
        for (int t = 0; t < instructions; t++) {
            boolean sparse = shape.sparseCapable() && rng.nextBoolean();
            int k = 1 + rng.nextInt(Math.min(hw.maxRowElems(), 3 * v));
            int n = 1 + rng.nextInt(Math.min(hw.maxRowElems(), 3 * v));
            int bank = rng.nextInt(2);
            int words = WeightTiles.words(cfg.spec(), k, n, sparse);
            if (wFree[bank] + words > wdepth) {
                bank ^= 1;
                if (wFree[bank] + words > wdepth) {
                    continue;
                }
            }
            QuantWeights w = weights(cfg.spec(), k, n, sparse, rng);
            WeightImage img = WeightTiles.pack(cfg.spec(), hw, w, sparse);
            int wAddr = wFree[bank];
            for (int i = 0; i < img.size(); i++) {
                wbuf[bank][wAddr + i] = img.word(i);
            }
            wFree[bank] += words;

            int kw = (k + v - 1) / v;
            int nw = (n + v - 1) / v;
            boolean gather = rng.nextInt(4) == 0;
            boolean rowScale = !gather && rng.nextInt(3) == 0;
            boolean overlap = rng.nextBoolean();
            int regionWords = depth / 8;
            int outStride = nw + rng.nextInt(2);
            int maxRows = Math.min(2 * shape.rowsPerPass() + 3, regionWords / outStride);
            int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(maxRows);
            int actStride = kw + rng.nextInt(3);
            // without overlap, now and then read the rows the previous instruction writes (a true dependence)
            boolean dependent = !overlap && previousRegion >= 0 && rng.nextInt(3) == 0;
            int actBase = dependent ? depth / 2 + previousRegion * regionWords : 0;
            int actSpan = dependent ? regionWords : depth / 4;
            int act;
            int sb;
            int need = gather ? 2 * rows + 1 : rowScale ? 2 * rows : 0;
            if (sFree + need > sdepth) {
                continue;
            }
            sb = gather || rowScale ? sFree : rng.nextInt(sdepth);
            sFree += need;
            int region = rng.nextInt(4);
            while ((overlap || dependent) && region == previousRegion || overlap && region == olderRegion) {
                region = (region + 1) % 4;
            }
            olderRegion = previousRegion;
            previousRegion = region;
            if (gather) {
                int tokens = Math.max(1, (actSpan - kw) / actStride);
                act = actBase + rng.nextInt(Math.max(1, actSpan - (tokens - 1) * actStride - kw + 1));
                sbuf[sb] = rows | (rng.nextInt(4) == 0 ? 0x10000 << rng.nextInt(8) : 0);
                for (int m = 0; m < rows; m++) {
                    sbuf[sb + 1 + 2 * m] = rng.nextInt(tokens);
                }
            } else {
                act = actBase + rng.nextInt(Math.max(1, actSpan - Math.max(0, rows - 1) * actStride - kw + 1));
            }
            int cparam = depth / 4 + rng.nextInt(depth / 4 - 2 * nw);
            int out = depth / 2 + region * regionWords + rng.nextInt(regionWords - Math.max(rows, 1) * outStride + 1);
            long q = rng.nextInt(1 << 24);
            int qShift = Math.max(0, Math.min(63, 64 - Long.numberOfLeadingZeros(q) + 20 - shape.codeBits() + rng.nextInt(7) - 3));
            int dShift = rng.nextInt(4) == 0 ? rng.nextInt(64) : 8 + rng.nextInt(24);
            mms.add(new Mm(Deps.NONE, cfg.unit(), rng.nextBoolean(), rng.nextBoolean(), rowScale, gather, overlap, sparse,
                    Opnd.imm(gather ? 0 : rows), k, n, Opnd.imm(act), actStride, bank, wAddr, Opnd.imm(out), outStride,
                    Opnd.imm(cparam), q, qShift, dShift, Opnd.imm(sb)));
            weights.add(w);
        }
        return new MatrixWorkload(cfg, run(cfg, rng, abuf, sbuf, wbuf, mms), abuf, sbuf, mms, weights);
    }

    private static EngineRun run(MatrixEngineConfig cfg, Random rng, int[][] abuf, int[] sbuf, long[][][] wbuf, List<Mm> mms) {
        List<EngineRun.Load> loads = new ArrayList<>();
        for (int a = 0; a < abuf.length; a++) {
            loads.add(new EngineRun.Load(EngineRun.ABUF, a, abuf[a]));
        }
        for (int a = 0; a < sbuf.length; a++) {
            loads.add(new EngineRun.Load(EngineRun.SBUF, a, new int[] {sbuf[a]}));
        }
        int chunks = cfg.hw().wbufWordBits() / 32;
        for (int bank = 0; bank < 2; bank++) {
            for (int a = 0; a < wbuf[bank].length; a++) {
                if (wbuf[bank][a] != null) {
                    int[] c = new int[chunks];
                    for (int i = 0; i < chunks; i++) {
                        c[i] = (int) (wbuf[bank][a][i / 2] >>> (32 * (i % 2)));
                    }
                    loads.add(new EngineRun.Load(EngineRun.WBUF0 + bank, a, c));
                }
            }
        }
        List<EngineRun.Issue> issues = new ArrayList<>();
        for (Mm m : mms) {
            issues.add(new EngineRun.Issue(m, rng.nextInt(4) == 0 ? rng.nextInt(6) : 0));
        }
        return new EngineRun(loads, issues);
    }

    /** ABUF after every instruction, by {@link PlainReference}. */
    int[][] expected() {
        int[][] a = copy(abuf);
        int[] s = sbuf.clone();
        PlainReference ref = new PlainReference(cfg.hw(), cfg.unit(), a.length, s.length);
        for (int i = 0; i < mms.size(); i++) {
            ref.run(mms.get(i), weights.get(i), a, s);
        }
        return a;
    }

    /** ABUF after applying a trace's ABUF writes. */
    int[][] apply(Trace t) {
        int[][] a = copy(abuf);
        for (OutputEvent e : t.events()) {
            if (e.stream().equals("abw")) {
                int addr = e.values().get("abw_addr").intValueExact();
                for (int i = 0; i < cfg.lanes(); i++) {
                    a[addr][i] = e.values().get("abw_data_" + i).intValue();
                }
            }
        }
        return a;
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Random weights in the unit's ranges; a sparse DSP tile keeps N:M (or block) non-zeros per column block. */
    static QuantWeights weights(MatrixUnitSpec spec, int k, int n, boolean sparse, Random rng) {
        if (spec instanceof MatrixUnitSpec.MixPe mp) {
            MixPeConfig c = mp.config();
            int groups = (k + c.group() - 1) / c.group();
            int[][] codes = new int[n][k];
            int[][] scales = new int[n][groups];
            int[][] zps = new int[n][groups];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < k; i++) {
                    codes[j][i] = rng.nextInt(1 << c.wBits());
                }
                for (int g = 0; g < groups; g++) {
                    scales[j][g] = rng.nextInt(1 << 16);
                    zps[j][g] = rng.nextInt(1 << c.wBits());
                }
            }
            return new QuantWeights.MixPe(codes, scales, zps);
        }
        if (spec instanceof MatrixUnitSpec.Ternary) {
            int[][] t = new int[n][k];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < k; i++) {
                    t[j][i] = rng.nextInt(3) - 1;
                }
            }
            return new QuantWeights.Ternary(t);
        }
        int lo;
        int hi;
        if (spec instanceof MatrixUnitSpec.Systolic s) {
            SystolicConfig c = s.config();
            lo = c.signed() ? -(1 << (c.wBits() - 1)) : 0;
            hi = c.signed() ? (1 << (c.wBits() - 1)) - 1 : (1 << c.wBits()) - 1;
        } else {
            int bits = ((MatrixUnitSpec.DspChain) spec).config().packing().bits();
            lo = -(1 << (bits - 1));
            hi = (1 << (bits - 1)) - 1;
        }
        int[][] v = new int[n][k];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < k; i++) {
                v[j][i] = lo + rng.nextInt(hi - lo + 1);
            }
        }
        if (sparse) {
            prune(((MatrixUnitSpec.DspChain) spec).config(), v, rng);
        }
        return new QuantWeights.Ints(v);
    }

    /** Zeroes weights so that every column block keeps at most n of m positions (or half the blocks) per window. */
    private static void prune(DspChainConfig c, int[][] v, Random rng) {
        int cols = new UnitShape.Dsp(c).colsPerBlock();
        int unit = c.sparsity() instanceof Sparsity.Block bl ? bl.b() : 1;
        int span = c.sparsity() instanceof Sparsity.NOfM nm ? nm.m() : c.window();
        int keep = c.sparsity() instanceof Sparsity.NOfM nm ? nm.n() : c.indexFields();
        int k = v[0].length;
        for (int cb = 0; cb < v.length; cb += cols) {
            for (int base = 0; base < k; base += span) {
                List<Integer> units = new ArrayList<>();
                for (int u = 0; u < span / unit; u++) {
                    units.add(u);
                }
                java.util.Collections.shuffle(units, rng);
                for (int u : units.subList(rng.nextInt(keep + 1), units.size())) {
                    for (int t = 0; t < unit; t++) {
                        for (int p = cb; p < Math.min(v.length, cb + cols); p++) {
                            if (base + u * unit + t < k) {
                                v[p][base + u * unit + t] = 0;
                            }
                        }
                    }
                }
            }
        }
    }
}
