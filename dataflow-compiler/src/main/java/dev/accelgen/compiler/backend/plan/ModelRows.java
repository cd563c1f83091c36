package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;

/** The row lengths, head dimensions and key tiles a model's instructions need the hardware to take. */
public final class ModelRows {
    private ModelRows() {
    }

    /** The longest row (a value's columns, a projection's K or N) rounded up to whole words of {@code lanes}. */
    public static int maxRowElems(LirModel m, int lanes) {
        int max = 1;
        for (Val v : m.vals()) {
            max = Math.max(max, v.cols());
        }
        for (NamedProjection np : NamedProjection.of(m)) {
            max = Math.max(max, Math.max(np.p().k(), np.p().n()));
        }
        return (max + lanes - 1) / lanes * lanes;
    }

    /** The largest attention or RoPE head dimension (2 when there is none). */
    public static int maxHeadDim(LirModel m) {
        int max = 2;
        for (LirOp op : m.ops()) {
            if (op instanceof LirOp.Attention a) {
                max = Math.max(max, a.headDim());
            } else if (op instanceof LirOp.Rope r) {
                max = Math.max(max, r.headDim());
            }
        }
        return max;
    }

    /** The largest attention key tile (1 when there is no attention). */
    public static int maxKeyTile(LirModel m) {
        int max = 1;
        for (LirOp op : m.ops()) {
            if (op instanceof LirOp.Attention a) {
                max = Math.max(max, a.keyTile());
            }
        }
        return max;
    }
}
