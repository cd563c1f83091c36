package dev.accelgen.compiler.backend.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.plan.NamedProjection;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code plan.json}: every decision of a compilation, for people and tools: the configuration and which unit runs
 * which projection, the register convention, per op its instructions, tiles, WBUF slots, ABUF placement and loads,
 * the memory layout with each region's addressing, and the expected cycles per op from the timing model.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String write(Compiled c, OpCycles.Estimate est) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", c.front().source());
        root.put("quantization", c.front().planLabel());
        root.put("board", c.target().board());
        root.put("memory", c.target().memory());
        root.put("programSha256", HexFormat.of().formatHex(sha(c.programBytes())));
        ObjectNode hw = root.putObject("hardware");
        hw.put("name", c.hw().name());
        hw.put("planned", c.planned());
        hw.put("sha256", c.program().hwHashHex());
        hw.set("config", tree(HwConfigJson.write(c.hw())));
        ArrayNode units = hw.putArray("units");
        for (int u = 0; u < c.hw().matrixUnits().size(); u++) {
            MatrixUnitSpec spec = c.hw().matrixUnits().get(u);
            ObjectNode n = units.addObject().put("unit", u).put("kind", spec.kind()).put("macsPerCycle", spec.macsPerCycle());
            ArrayNode ps = n.putArray("projections");
            for (NamedProjection np : NamedProjection.of(c.lir())) {
                if (c.tiles().unit(np.p()) == u) {
                    ps.add(np.name());
                }
            }
        }
        ObjectNode seq = root.putObject("sequence");
        seq.put("incremental", c.lir().sequence().incremental());
        seq.put("context", c.context());
        seq.put("chunkRows", c.chunkRows());
        ObjectNode regs = root.putObject("registers");
        regs.put("r1", "T: rows of the run (set by the start beat)");
        regs.put("r2", "P: position of the run's first row (start beat; 0 for a prefill and for whole-sequence models)");
        regs.put("r3", "context: positions the positional regions are sized for (start beat; " + c.context() + " here)");
        regs.put("r4..r7", "unused (0)");
        regs.put("r8", "first row of the current chunk");
        regs.put("r9", "rows of the current chunk: min(chunkRows, T - r8)");
        regs.put("r10", "position of the chunk's first row: P + r8");
        regs.put("r11", "first key of the current attention key tile");
        regs.put("r12", "keys of the current tile");
        regs.put("r13", "one past the last key the chunk attends to");
        regs.put("r14, r15", "scratch: addresses and products formed before the instruction that uses them");
        ObjectNode buffers = root.putObject("buffers");
        buffers.put("abufWordsUsed", c.gen().needs().abufWords());
        buffers.put("sbufWordsUsed", c.gen().needs().sbufWords());
        buffers.put("wbufWordsUsed", c.gen().needs().wbufWords());
        buffers.put("instructions", c.gen().needs().instructions());
        buffers.put("fences", c.gen().fences());
        ArrayNode ops = root.putArray("ops");
        for (Map<String, Object> op : c.gen().ops()) {
            ObjectNode n = JSON.valueToTree(op);
            int index = (Integer) op.get("op");
            int[] range = c.gen().opInstrs().get(index);
            n.putArray("instructions").add(range[0]).add(range[1]);
            if (est != null) {
                OpCycles.Op t = est.ops().get(index);
                n.put("prefillCycles", t.prefill());
                if (t.decode() >= 0) {
                    n.put("decodeCycles", t.decode());
                }
            }
            ops.add(n);
        }
        ObjectNode mem = root.putObject("memory");
        mem.put("ports", c.layout().ports());
        mem.put("portBytes", c.layout().portBytes());
        mem.put("programOffset", c.layout().progOffset());
        mem.put("positional", "row p of a positional region is at offset + context * prefix + p * rowBytes");
        ArrayNode regions = mem.putArray("regions");
        for (Region r : c.layout().all()) {
            ObjectNode n = regions.addObject().put("name", r.name()).put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("port", r.kind() == Region.Kind.STRIPED ? -1 : r.port()).put("offset", r.offset()).put("rowBytes", r.rowBytes());
            if (r.kind() == Region.Kind.POSITIONAL) {
                n.put("prefix", r.prefix());
            } else {
                n.put("rows", r.rows());
            }
            n.put("content", r.content());
            n.put("bytes", r.bytes(c.context()));
        }
        if (est != null) {
            ObjectNode e = root.putObject("estimate");
            e.put("source", "AccelModel timing mode, every port at full width with " + OpCycles.LATENCY + " cycles of latency");
            e.put("prefillRows", est.prefillRows());
            e.put("prefillCycles", est.prefill());
            if (est.decode() >= 0) {
                e.put("decodePosition", est.decodePosition());
                e.put("decodeCycles", est.decode());
            }
        }
        ArrayNode notes = root.putArray("notes");
        c.lir().notes().forEach(notes::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
