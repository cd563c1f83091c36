package dev.accelgen.compiler.backend.lir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layer IR as text: one line per state, op and note (for {@code model inspect --lir}, tests and debugging). */
public final class LirText {
    private LirText() {
    }

    public static List<String> lines(LirModel m) {
        List<String> out = new ArrayList<>();
        out.add("lir " + m.name() + ": " + (m.sequence().incremental() ? "incremental" : "whole sequence") + ", "
                + m.sequence().positions() + " positions, " + m.ops().size() + " ops, " + m.states().size() + " states");
        for (StateBuf s : m.states()) {
            out.add("  state " + s.id() + " " + s.kind().name().toLowerCase(Locale.ROOT) + " " + s.name() + " " + s.rows() + "x" + s.cols());
        }
        for (LirOp op : m.ops()) {
            out.add("  " + line(op));
        }
        for (String n : m.notes()) {
            out.add("  note: " + n);
        }
        return out;
    }

    static String line(LirOp op) {
        String def = op.outputs().isEmpty() ? "" : op.outputs().get(0) + " = ";
        String name = op.tag().name().toLowerCase(Locale.ROOT);
        return def + name + " " + args(op);
    }

    private static String args(LirOp op) {
        return switch (op.tag()) {
            case INPUT -> {
                LirOp.Input i = (LirOp.Input) op;
                yield i.name() + " " + (i.out().kind() == Val.Kind.TOKEN_IDS ? "ids" : "fx x" + i.out().cols());
            }
            case EMBEDDING -> {
                LirOp.Embedding e = (LirOp.Embedding) op;
                yield e.ids() + " table " + e.table().length + "x" + e.out().cols();
            }
            case LINEAR -> {
                LirOp.Linear l = (LirOp.Linear) op;
                yield l.in() + " " + projection(l.p()) + " parts " + l.parts().stream().map(LirText::part).collect(Collectors.joining(", "));
            }
            case BINARY -> {
                LirOp.Binary b = (LirOp.Binary) op;
                yield b.op().name().toLowerCase(Locale.ROOT) + " " + b.a() + " " + b.b();
            }
            case BINARY_CONST -> {
                LirOp.BinaryConst b = (LirOp.BinaryConst) op;
                yield b.op().name().toLowerCase(Locale.ROOT) + " " + b.a() + (b.byPosition() ? " table " + b.b().length + "x" : " row x")
                        + b.out().cols();
            }
            case AFFINE -> {
                LirOp.Affine a = (LirOp.Affine) op;
                yield a.a() + " mul " + fx(a.mul()) + " add " + fx(a.add());
            }
            case ACTIVATION -> {
                LirOp.Activation a = (LirOp.Activation) op;
                yield a.fn().name().toLowerCase(Locale.ROOT) + " " + a.a();
            }
            case NORM -> {
                LirOp.Norm n = (LirOp.Norm) op;
                yield n.kind().name().toLowerCase(Locale.ROOT) + " " + n.a() + (n.gain() != null ? " gain" : "") + (n.bias() != null ? " bias" : "")
                        + " eps " + n.eps();
            }
            case SOFTMAX -> ((LirOp.Softmax) op).a().toString();
            case ROPE -> {
                LirOp.Rope r = (LirOp.Rope) op;
                yield r.a() + " heads " + r.heads() + "x" + r.headDim() + " table " + (r.table() instanceof RopeTable.Generated ? "generated"
                        : r.table().positions() + " rows");
            }
            case ATTENTION -> {
                LirOp.Attention a = (LirOp.Attention) op;
                yield a.q() + " " + a.k() + " " + a.v() + " heads " + a.heads() + "/" + a.kvHeads() + "x" + a.headDim()
                        + (a.causal() ? " causal" : "") + (a.window() > 0 ? " window " + a.window() : "") + " tile " + a.keyTile() + " cache " + a.keyCache() + "," + a.valueCache();
            }
            case MLGRU -> {
                LirOp.Mlgru m = (LirOp.Mlgru) op;
                yield m.f() + " " + m.c() + " " + m.g() + " state " + m.state();
            }
            case MOE -> {
                LirOp.Moe m = (LirOp.Moe) op;
                yield m.x() + " experts " + m.experts() + " top " + m.topK()
                        + (m.gating() == LirOp.Gating.PICKED_OF_SOFTMAX ? " of softmax" : "") + " router " + projection(m.router()) + " up "
                        + projection(m.up().get(0)) + " " + m.act().name().toLowerCase(Locale.ROOT) + " down " + projection(m.down().get(0));
            }
            case SLICE -> {
                LirOp.Slice s = (LirOp.Slice) op;
                yield s.a() + " [" + s.from() + ", " + (s.from() + s.out().cols()) + ")";
            }
            case CONCAT -> ((LirOp.Concat) op).parts().stream().map(Val::toString).collect(Collectors.joining(" "));
            case OUTPUT -> {
                LirOp.Output o = (LirOp.Output) op;
                yield o.name() + " " + o.a();
            }
        };
    }

    private static String projection(Projection p) {
        String q = p.act() instanceof ActQuant.PerTensor t ? "q " + t.q() + ">>" + t.qShift() + " dShift " + p.dShift()
                : "rowscale beta " + String.format(Locale.ROOT, "%.6g", ((ActQuant.PerRow) p.act()).beta());
        return p.scheme().label() + " " + p.k() + "x" + p.n() + (p.group() > 0 ? " g" + p.group() : "") + " " + q
                + (p.bias() != null ? " bias" : "");
    }

    private static String part(LirOp.Part p) {
        return p.node() + (p.valueFrom() != 0 ? "+" + p.valueFrom() : "") + " [" + p.from() + ", " + (p.from() + p.cols()) + ")"
                + (p.factor() != 1 ? String.format(Locale.ROOT, " x%.6g", p.factor()) : "");
    }

    private static String fx(int raw) {
        return String.format(Locale.ROOT, "%.6g", raw / 65536.0);
    }
}
