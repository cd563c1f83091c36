package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.interp.FusedKernels;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import java.util.ArrayList;
import java.util.List;

/** A fused mixture of experts: router and expert projections quantized in the MoE's scheme. */
final class MoeRules {
    private final GraphLowerer l;

    MoeRules(GraphLowerer l) {
        this.l = l;
    }

    Form moe(Node n, Op.Moe m) {
        Val x = l.rows(n, n.input(0));
        Scheme s = l.projections.scheme(n);
        Tensor router = l.view.constant(n.input(1));
        Tensor up = l.view.constant(n.input(2));
        Tensor upBias = l.view.constant(n.input(3));
        Tensor down = l.view.constant(n.input(4));
        Tensor downBias = l.view.constant(n.input(5));
        if (router == null || up == null || upBias == null || down == null || downBias == null) {
            throw l.unsupported(n, "its router and expert weights are not constants");
        }
        double inRange = 0;
        double downFallback = 0;
        for (int e = 0; e < m.experts(); e++) {
            inRange = Math.max(inRange, l.ranges.getOrDefault(Calibration.moeUpKey(n, e), 0.0));
            downFallback = Math.max(downFallback, l.ranges.getOrDefault(Calibration.moeDownKey(n, e), 0.0));
        }
        double[] ones = ProjectionRules.ones(m.experts());
        var routerP = Projections.of(s, router, inRange, ones, null);
        List<dev.accelgen.compiler.backend.lir.Projection> ups = new ArrayList<>();
        List<dev.accelgen.compiler.backend.lir.Projection> downs = new ArrayList<>();
        for (int e = 0; e < m.experts(); e++) {
            Tensor ue = FusedKernels.slice(up, e);
            Tensor de = FusedKernels.slice(down, e);
            double ur = l.ranges.getOrDefault(Calibration.moeUpKey(n, e), 0.0);
            double dr = l.ranges.getOrDefault(Calibration.moeDownKey(n, e), 0.0);
            ups.add(Projections.of(s, ue, ur > 0 ? ur : inRange, ProjectionRules.ones(ue.shape().dim(1)), FusedKernels.slice(upBias, e).floats()));
            downs.add(Projections.of(s, de, dr > 0 ? dr : downFallback, ProjectionRules.ones(de.shape().dim(1)),
                    FusedKernels.slice(downBias, e).floats()));
        }
        Val out = l.b.fx(n.output(), x.cols());
        LirOp.Gating gating = m.gating() == Op.Gating.PICKED_OF_SOFTMAX ? LirOp.Gating.PICKED_OF_SOFTMAX : LirOp.Gating.SOFTMAX_OF_PICKED;
        l.b.add(new LirOp.Moe(x, out, routerP, m.topK(), ups, ActFn.GELU, downs, gating));
        return new Form.Rows(out);
    }

}
