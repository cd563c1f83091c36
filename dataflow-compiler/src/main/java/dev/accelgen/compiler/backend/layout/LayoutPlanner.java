package dev.accelgen.compiler.backend.layout;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.backend.plan.TilePlan;
import dev.accelgen.compiler.backend.plan.Tiling;
import dev.accelgen.compiler.backend.plan.UnitMatch;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.matrix.WeightTiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a compiled model in off-chip memory: the program at offset 0 of port 0; every weight tile striped over all
 * ports from the first port-aligned offset after it (the same offset everywhere, as WBUF loads read); then, per port,
 * the fixed regions (column parameters, norm gains, constant rows and tables, embeddings, recurrent states), and
 * last the positional regions (inputs, outputs, KV caches, rotary tables), each port's in one area whose row p of
 * region i sits at {@code area + context * prefix_i + p * rowBytes_i}. Regions go to the port with the fewest bytes
 * so far; a token-id list shares the port of the embedding table that indexes it and ends that port's area (its
 * 4-byte rows would misalign what follows).
 */
public final class LayoutPlanner {
    /** The layout and what each region initially holds. */
    public record Laid(MemoryLayout layout, Map<String, Content> contents) {
    }

    private record Request(String name, boolean positional, long rowBytes, long rows, int port, String content, Content data) {
    }

    private final LirModel lir;
    private final HwConfig hw;
    private final TilePlan tiles;
    private final int portBytes;
    private final List<Request> requests = new ArrayList<>();
    private final List<Request> striped = new ArrayList<>();

    private LayoutPlanner(LirModel lir, HwConfig hw, TilePlan tiles) {
        this.lir = lir;
        this.hw = hw;
        this.tiles = tiles;
        this.portBytes = hw.portBytes();
    }

    /** The layout for a program of {@code programBytes} bytes. */
    public static Laid plan(LirModel lir, HwConfig hw, TilePlan tiles, byte[] program) {
        LayoutPlanner p = new LayoutPlanner(lir, hw, tiles);
        p.collect();
        return p.place(program);
    }

    private long align(long bytes) {
        return (bytes + portBytes - 1) / portBytes * portBytes;
    }

    private void collect() {
        Map<Integer, Integer> idsPort = new LinkedHashMap<>();
        for (int i = 0; i < lir.ops().size(); i++) {
            LirOp op = lir.ops().get(i);
            switch (op.tag()) {
                case INPUT -> {
                    Val v = ((LirOp.Input) op).out();
                    if (v.kind() == Val.Kind.FX) {
                        requests.add(new Request(RegionNames.input(i), true, align(4L * v.cols()), 0, -1,
                                "input " + ((LirOp.Input) op).name() + " (Fx rows)", new Content.Zero()));
                    }
                }
                case EMBEDDING -> {
                    LirOp.Embedding e = (LirOp.Embedding) op;
                    int port = leastFixedPort();
                    requests.add(new Request(RegionNames.embedding(i), false, align(4L * e.out().cols()), e.table().length, port,
                            "embedding table " + e.table().length + "x" + e.out().cols(), new Content.Rows(e.table())));
                    int in = RegionNames.inputOp(lir, e.ids());
                    idsPort.put(in, port);
                    requests.add(new Request(RegionNames.input(in), true, 4, 0, port, "input " + ((LirOp.Input) lir.ops().get(in)).name()
                            + " (int32 token ids)", new Content.Zero()));
                }
                case LINEAR -> projection(i, 0, ((LirOp.Linear) op).p(), ((LirOp.Linear) op).out().name());
                case MOE -> {
                    LirOp.Moe m = (LirOp.Moe) op;
                    projection(i, 0, m.router(), m.out().name() + ".router");
                    for (int e = 0; e < m.experts(); e++) {
                        projection(i, 1 + 2 * e, m.up().get(e), m.out().name() + ".expert" + e + ".up");
                        projection(i, 2 + 2 * e, m.down().get(e), m.out().name() + ".expert" + e + ".down");
                    }
                }
                case NORM -> {
                    LirOp.Norm n = (LirOp.Norm) op;
                    if (n.gain() != null || n.bias() != null) {
                        int w = words(n.a().cols());
                        int[] row = new int[2 * w * hw.lanes()];
                        copy(n.gain(), row, 0);
                        copy(n.bias(), row, w * hw.lanes());
                        fixed(RegionNames.constants(i), 4L * row.length, 1, "gain and bias of " + n.out().name(), new int[][] {row});
                    }
                }
                case BINARY_CONST -> {
                    LirOp.BinaryConst b = (LirOp.BinaryConst) op;
                    fixed(RegionNames.constants(i), align(4L * b.a().cols()), b.b().length, (b.byPosition() ? "position table of "
                            : "constant row of ") + b.out().name(), b.b());
                }
                case ROPE -> {
                    LirOp.Rope r = (LirOp.Rope) op;
                    String name = RegionNames.rope(lir, i);
                    if (name.equals("rope.op" + i)) {
                        requests.add(new Request(name, true, align(4L * r.headDim()), 0, -1, "rotary table (cos, sin) of head dim "
                                + r.headDim(), new Content.PerPosition(r.table()::row)));
                    }
                }
                case ATTENTION -> {
                    if (lir.sequence().incremental()) {
                        LirOp.Attention a = (LirOp.Attention) op;
                        KvRow kv = KvRow.of(a.k().cols(), portBytes, hw.lanes());
                        requests.add(new Request(RegionNames.kvCache(i), true, kv.rowBytes(), 0, -1, "KV cache of " + a.out().name()
                                + " (keys then values per position)", new Content.Zero()));
                    }
                }
                case OUTPUT -> {
                    LirOp.Output o = (LirOp.Output) op;
                    requests.add(new Request(RegionNames.output(i), true, align(4L * o.a().cols()), 0, -1, "output " + o.name(),
                            new Content.Zero()));
                }
                default -> {
                }
            }
        }
        for (StateBuf s : lir.states()) {
            if (s.kind() == StateBuf.Kind.RECURRENT) {
                requests.add(new Request(RegionNames.state(s.id()), false, align(4L * s.cols()), 1, -1, "recurrent state " + s.name(),
                        new Content.Zero()));
            }
        }
    }

    private void projection(int op, int pi, Projection p, String name) {
        List<Tiling.Tile> ts = tiles.tiles(p);
        var unit = hw.matrixUnits().get(tiles.unit(p));
        for (int t = 0; t < ts.size(); t++) {
            Tiling.Tile tile = ts.get(t);
            Content.Striped image = new Content.Striped(() -> WeightTiles.pack(unit, hw, QuantColumns.of(p.weights(), tile.n0(), tile.n()),
                    UnitMatch.sparse(p)));
            striped.add(new Request(RegionNames.weights(op, pi, t), false, portBytes, tile.words(), 0, "weight tile " + t + " of "
                    + name + " (columns " + tile.n0() + ".." + (tile.n0() + tile.n() - 1) + ")", image));
        }
        if (ParamRow.needed(p)) {
            int[] row = ParamRow.values(p, ts, hw.lanes());
            fixed(RegionNames.params(op, pi), 4L * row.length, 1, "column multipliers and biases of " + name, new int[][] {row});
        }
    }

    private void fixed(String name, long rowBytes, int rows, String what, int[][] data) {
        requests.add(new Request(name, false, align(rowBytes), rows, -1, what, new Content.Rows(data)));
    }

    private int leastFixedPort() {
        long[] used = new long[hw.ports()];
        for (Request r : requests) {
            if (!r.positional() && r.port() >= 0) {
                used[r.port()] += r.rowBytes() * r.rows();
            }
        }
        return least(used);
    }

    private static int least(long[] used) {
        int best = 0;
        for (int p = 1; p < used.length; p++) {
            if (used[p] < used[best]) {
                best = p;
            }
        }
        return best;
    }

    private int words(int cols) {
        return (cols + hw.lanes() - 1) / hw.lanes();
    }

    private static void copy(int[] from, int[] to, int at) {
        if (from != null) {
            System.arraycopy(from, 0, to, at, from.length);
        }
    }

    private Laid place(byte[] program) {
        Map<String, Region> regions = new LinkedHashMap<>();
        Map<String, Content> contents = new LinkedHashMap<>();
        long progBytes = align(Math.max(program.length, 1));
        regions.put(RegionNames.PROGRAM, new Region(RegionNames.PROGRAM, Region.Kind.FIXED, 0, 0, progBytes, 1, 0, "program"));
        contents.put(RegionNames.PROGRAM, new Content.Bytes(program));
        long at = progBytes;
        for (Request r : striped) {
            regions.put(r.name(), new Region(r.name(), Region.Kind.STRIPED, 0, at, portBytes, r.rows(), 0, r.content()));
            contents.put(r.name(), r.data());
            at += r.rows() * portBytes;
        }
        long[] fixedEnd = new long[hw.ports()];
        java.util.Arrays.fill(fixedEnd, at);
        List<Request> positional = new ArrayList<>();
        for (Request r : requests) {
            if (r.positional()) {
                positional.add(r);
                continue;
            }
            int port = r.port() >= 0 ? r.port() : leastEnd(fixedEnd);
            regions.put(r.name(), new Region(r.name(), Region.Kind.FIXED, port, fixedEnd[port], r.rowBytes(), r.rows(), 0, r.content()));
            contents.put(r.name(), r.data());
            fixedEnd[port] += r.rowBytes() * r.rows();
        }
        long[] perPosition = new long[hw.ports()];
        List<List<Request>> byPort = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            byPort.add(new ArrayList<>());
        }
        for (Request r : positional) {
            int port = r.port() >= 0 ? r.port() : least(perPosition);
            byPort.get(port).add(r);
            perPosition[port] += r.rowBytes();
        }
        for (int p = 0; p < hw.ports(); p++) {
            List<Request> list = byPort.get(p);
            list.sort(java.util.Comparator.comparing(r -> r.rowBytes() % portBytes != 0));
            long prefix = 0;
            for (Request r : list) {
                if (prefix % portBytes != 0) {
                    throw new IllegalStateException("two unaligned positional regions on port " + p);
                }
                regions.put(r.name(), new Region(r.name(), Region.Kind.POSITIONAL, p, fixedEnd[p], r.rowBytes(), 0, prefix, r.content()));
                contents.put(r.name(), r.data());
                prefix += r.rowBytes();
            }
        }
        return new Laid(new MemoryLayout(hw.ports(), portBytes, 0, regions), contents);
    }

    private static int leastEnd(long[] end) {
        return least(end);
    }
}
