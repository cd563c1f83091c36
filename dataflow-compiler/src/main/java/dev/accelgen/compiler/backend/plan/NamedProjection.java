package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * A weight product of a LIR model with the name messages and plan.json use: a linear's graph MatMuls joined by
 * '+', or a MoE's router and experts ({@code <moe>.router}, {@code <moe>.expert3.up}).
 *
 * @param op    index of the op in {@link LirModel#ops()}
 * @param name  readable name
 * @param p     the projection
 */
public record NamedProjection(int op, String name, Projection p) {
    /** Every projection of {@code m}, in op order (a MoE's router, then each expert's up and down). */
    public static List<NamedProjection> of(LirModel m) {
        List<NamedProjection> out = new ArrayList<>();
        for (int i = 0; i < m.ops().size(); i++) {
            LirOp op = m.ops().get(i);
            if (op instanceof LirOp.Linear l) {
                out.add(new NamedProjection(i, String.join("+", l.parts().stream().map(LirOp.Part::node).distinct().toList()), l.p()));
            } else if (op instanceof LirOp.Moe moe) {
                String base = moe.out().name();
                out.add(new NamedProjection(i, base + ".router", moe.router()));
                for (int e = 0; e < moe.experts(); e++) {
                    out.add(new NamedProjection(i, base + ".expert" + e + ".up", moe.up().get(e)));
                    out.add(new NamedProjection(i, base + ".expert" + e + ".down", moe.down().get(e)));
                }
            }
        }
        return out;
    }
}
