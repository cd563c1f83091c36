package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.plan.NamedProjection;
import dev.accelgen.compiler.text.GraphText;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-screen summary {@code accelgen compile} prints: units and sizes, memory placement, cycles per op. */
public final class Summary {
    private Summary() {
    }

    public static List<String> lines(Compiled c, OpCycles.Estimate est) {
        HwConfig hw = c.hw();
        List<String> out = new ArrayList<>();
        out.add("compiled " + c.front().source() + " (" + c.front().planLabel() + ") for " + c.target().board() + ": "
                + c.program().instrs().size() + " instructions, context " + c.context() + " positions, chunks of " + c.chunkRows() + " rows");
        out.add(String.format(Locale.ROOT, "core %s (%s): %d lanes, ABUF %d x %d bits, SBUF %d, WBUF 2 x %d x %d bits, %d ports of %d bits",
                hw.name(), c.planned() ? "planned" : "given", hw.lanes(), hw.abufWords(), hw.abufWordBits(), hw.sbufWords(),
                hw.wbufWords(), hw.wbufWordBits(), hw.ports(), hw.portBits()));
        for (int u = 0; u < hw.matrixUnits().size(); u++) {
            MatrixUnitSpec s = hw.matrixUnits().get(u);
            int unit = u;
            List<String> ps = NamedProjection.of(c.lir()).stream().filter(np -> c.tiles().unit(np.p()) == unit).map(NamedProjection::name)
                    .toList();
            out.add("  unit " + u + " " + describe(s) + ", " + s.macsPerCycle() + " MACs/cycle: " + (ps.isEmpty() ? "unused"
                    : ps.size() + " projections (" + abbreviate(ps) + ")"));
        }
        out.add("  vector: " + hw.vectorOps().stream().map(Opcode::name).map(n -> n.toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(" ")));
        long striped = c.layout().all().stream().filter(r -> r.kind() == Region.Kind.STRIPED).mapToLong(r -> r.bytes(c.context())).sum();
        out.add("memory: weights " + GraphText.grouped(striped) + " B per port, striped over " + hw.ports() + " ports at the same offsets");
        for (int p = 0; p < hw.ports(); p++) {
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (Region r : c.layout().all()) {
                if (r.kind() != Region.Kind.STRIPED && r.port() == p) {
                    kinds.merge(kind(r.name()), r.bytes(c.context()), Long::sum);
                }
            }
            out.add("  port " + p + " (" + GraphText.grouped(c.layout().portBytes(p, c.context())) + " B): " + kinds.entrySet().stream()
                    .map(e -> e.getKey() + " " + GraphText.grouped(e.getValue()) + " B").collect(Collectors.joining(", ")));
        }
        if (est != null) {
            out.add(String.format(Locale.ROOT, "cycles (timing model, memory latency %d): prefill of %d rows %s%s", OpCycles.LATENCY,
                    est.prefillRows(), GraphText.grouped(est.prefill()), est.decode() >= 0 ? ", decode step at position "
                            + est.decodePosition() + " " + GraphText.grouped(est.decode()) : ""));
            out.add(String.format(Locale.ROOT, "  %3s %-10s %-28s %9s %9s", "op", "kind", "value", "prefill", "decode"));
            for (OpCycles.Op op : est.ops()) {
                if (op.kind().equals("slice")) {
                    continue;
                }
                out.add(String.format(Locale.ROOT, "  %3d %-10s %-28s %9d %9s", op.op(), op.kind(), clip(op.value(), 28), op.prefill(),
                        op.decode() < 0 ? "-" : Long.toString(op.decode())));
            }
        }
        return out;
    }

    private static String describe(MatrixUnitSpec s) {
        if (s instanceof MatrixUnitSpec.MixPe m) {
            return "mixpe w" + m.config().wBits() + "a" + m.config().aType().portBits() + " group " + m.config().group() + ", "
                    + m.config().lanes() + " lanes x " + m.config().cols() + " cols";
        }
        if (s instanceof MatrixUnitSpec.Ternary t) {
            return "ternary " + t.config().lanes() + " lanes, a" + t.config().aBits() + ", " + t.config().packing().cliName();
        }
        if (s instanceof MatrixUnitSpec.DspChain d) {
            return "dsp-chain length " + d.config().length() + ", " + d.config().packing().cliName() + ", sparsity "
                    + d.config().sparsity().spec();
        }
        MatrixUnitSpec.Systolic y = (MatrixUnitSpec.Systolic) s;
        return "systolic " + y.config().rows() + "x" + y.config().cols();
    }

    private static String kind(String region) {
        int dot = region.indexOf('.');
        return dot < 0 ? region.replaceAll("[0-9]+$", "") : region.substring(0, dot);
    }

    private static String abbreviate(List<String> names) {
        String all = String.join(", ", names);
        return all.length() <= 60 ? all : all.substring(0, 57) + "...";
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n + 3);
    }
}
