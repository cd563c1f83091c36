package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.layout.Content;
import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The SHA-256 a program's header names for its model and quantization plan: the ops (kind and widths), the plan,
 * and every fixed off-chip content (weight tiles, column parameters, gains, tables). The context length is not
 * part of it, so compiling for another sequence length gives the same header.
 */
final class ModelHash {
    private ModelHash() {
    }

    static byte[] of(LirModel lir, String planLabel, MemoryLayout layout, Map<String, Content> contents) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder ops = new StringBuilder(lir.name()).append('|').append(planLabel).append('|');
        for (LirOp op : lir.ops()) {
            ops.append(op.tag());
            for (Val v : op.inputs()) {
                ops.append(' ').append(v.id()).append(':').append(v.cols());
            }
            ops.append(';');
        }
        md.update(ops.toString().getBytes(StandardCharsets.UTF_8));
        for (Region r : layout.all()) {
            Content c = contents.get(r.name());
            if (c instanceof Content.Rows rows) {
                for (int[] row : rows.rows()) {
                    for (int v : row) {
                        md.update(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
                    }
                }
            } else if (c instanceof Content.Striped s) {
                for (long[] w : s.image().words()) {
                    for (long limb : w) {
                        for (int i = 0; i < 8; i++) {
                            md.update((byte) (limb >>> (8 * i)));
                        }
                    }
                }
            }
        }
        return md.digest();
    }
}
