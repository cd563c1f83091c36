package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.accel.model.PortContents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Fx rows an accelerator run left in its output regions, per output name. */
final class OutputRows {
    private OutputRows() {
    }

    static Map<String, int[][]> read(List<PortContents> memories, MemoryLayout layout, LirModel lir, int total, int context) {
        Map<String, int[][]> out = new LinkedHashMap<>();
        for (int op = 0; op < lir.ops().size(); op++) {
            if (lir.ops().get(op) instanceof LirOp.Output o) {
                Region r = layout.region(RegionNames.output(op));
                int cols = o.a().cols();
                int[][] rows = new int[total][cols];
                PortContents m = memories.get(r.port());
                for (int p = 0; p < total; p++) {
                    long at = r.rowOffset(p, context);
                    for (int c = 0; c < cols; c++) {
                        long byteAt = at + 4L * c;
                        long word = m.word(byteAt / 8);
                        rows[p][c] = (int) (word >>> (8 * (byteAt % 8)));
                    }
                }
                out.put(o.name(), rows);
            }
        }
        return out;
    }
}
