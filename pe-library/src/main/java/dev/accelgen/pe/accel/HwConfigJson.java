package dev.accelgen.pe.accel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hw.json}: reads and writes {@link HwConfig}. The written form is canonical (fixed field order, every
 * field present, vector ops sorted by name), and {@link #sha256} hashes it: the hash a program's header names.
 */
public final class HwConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HwConfigJson() {
    }

    public static String write(HwConfig c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", c.name()).put("lanes", c.lanes()).put("abufWords", c.abufWords()).put("sbufWords", c.sbufWords())
                .put("wbufWords", c.wbufWords()).put("ports", c.ports()).put("portBits", c.portBits());
        ArrayNode units = o.putArray("matrixUnits");
        for (MatrixUnitSpec u : c.matrixUnits()) {
            units.add(unit(u));
        }
        ArrayNode ops = o.putArray("vectorOps");
        new TreeSet<>(c.vectorOps().stream().map(op -> op.name().toLowerCase(Locale.ROOT)).toList()).forEach(ops::add);
        o.put("maxRowElems", c.maxRowElems()).put("maxHeadDim", c.maxHeadDim()).put("maxKeyTile", c.maxKeyTile())
                .put("queueDepth", c.queueDepth()).put("imemWords", c.imemWords()).put("maxBurst", c.maxBurst())
                .put("maxOutstanding", c.maxOutstanding());
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical form. */
    public static byte[] sha256(HwConfig c) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(write(c).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses hw.json; {@code source} names the file in errors. */
    public static HwConfig read(String text, String source) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigError(source, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (o == null || !o.isObject()) {
            throw new ConfigError(source, "must hold a JSON object");
        }
        Fields f = new Fields(o, source);
        List<MatrixUnitSpec> units = new ArrayList<>();
        for (JsonNode u : f.array("matrixUnits")) {
            units.add(unit(new Fields(u, source + " matrixUnits[" + units.size() + "]")));
        }
        Set<Opcode> ops = EnumSet.noneOf(Opcode.class);
        for (JsonNode n : f.array("vectorOps")) {
            Opcode op = Opcode.byMnemonic(n.asText().toUpperCase(Locale.ROOT));
            if (op == null || !HwConfig.ALL_VECTOR_OPS.contains(op)) {
                throw new ConfigError(source, "vectorOps names '" + n.asText() + "', which is not a vector instruction");
            }
            ops.add(op);
        }
        HwConfig c = new HwConfig(f.text("name"), f.integer("lanes"), f.integer("abufWords"), f.integer("sbufWords"),
                f.integer("wbufWords"), f.integer("ports"), f.integer("portBits"), units, ops, f.integer("maxRowElems"),
                f.integer("maxHeadDim"), f.integer("maxKeyTile"), f.integer("queueDepth"), f.integer("imemWords"),
                f.integer("maxBurst"), f.integer("maxOutstanding"));
        f.noOthers();
        return c;
    }

    private static ObjectNode unit(MatrixUnitSpec u) {
        ObjectNode n = JSON.createObjectNode().put("kind", u.kind());
        if (u instanceof MatrixUnitSpec.MixPe m) {
            n.put("wBits", m.config().wBits()).put("aType", m.config().aType().cliName()).put("group", m.config().group())
                    .put("lanes", m.config().lanes()).put("cols", m.config().cols()).put("mulForm", m.config().mulForm().tag());
        } else if (u instanceof MatrixUnitSpec.Ternary t) {
            n.put("lanes", t.config().lanes()).put("aBits", t.config().aBits()).put("packing", t.config().packing().cliName())
                    .put("form", t.config().form().tag());
        } else if (u instanceof MatrixUnitSpec.DspChain d) {
            n.put("length", d.config().length()).put("packing", d.config().packing().cliName())
                    .put("sparsity", d.config().sparsity().spec());
        } else if (u instanceof MatrixUnitSpec.Systolic s) {
            n.put("rows", s.config().rows()).put("cols", s.config().cols()).put("aBits", s.config().aBits())
                    .put("wBits", s.config().wBits()).put("accBits", s.config().accBits()).put("signed", s.config().signed());
        } else {
            throw new IllegalStateException("unknown matrix unit " + u);
        }
        return n;
    }

    private static MatrixUnitSpec unit(Fields f) {
        String kind = f.text("kind");
        try {
            MatrixUnitSpec u = switch (kind) {
                case "mixpe" -> new MatrixUnitSpec.MixPe(new MixPeConfig(f.integer("wBits"), ActType.parse(f.text("aType")),
                        f.integer("group"), f.integer("lanes"), f.integer("cols"), mulForm(f.text("mulForm"))));
                case "ternary" -> new MatrixUnitSpec.Ternary(new TernaryConfig(f.integer("lanes"), f.integer("aBits"),
                        Packing.parse(f.text("packing")), laneForm(f.text("form"))));
                case "dsp-chain" -> new MatrixUnitSpec.DspChain(new DspChainConfig(f.integer("length"),
                        dev.accelgen.pe.dsp.Packing.parse(f.text("packing")), Sparsity.parse(f.text("sparsity"))));
                case "systolic" -> new MatrixUnitSpec.Systolic(new SystolicConfig(f.integer("rows"), f.integer("cols"),
                        f.integer("aBits"), f.integer("wBits"), f.integer("accBits"), f.bool("signed")));
                default -> throw new ConfigError(f.source, "kind must be mixpe, ternary, dsp-chain or systolic (got " + kind + ")");
            };
            f.noOthers();
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigError(f.source, e.getMessage());
        }
    }

    private static MulForm mulForm(String s) {
        for (MulForm m : MulForm.values()) {
            if (m.tag().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mulForm must be shiftadd or lutmul (got " + s + ")");
    }

    private static LaneForm laneForm(String s) {
        for (LaneForm l : LaneForm.values()) {
            if (l.tag().equals(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("form must be naive, cin or lut62 (got " + s + ")");
    }

    /** Typed access to a JSON object's fields, with one-line errors and a check that nothing unknown is left. */
    private static final class Fields {
        private final JsonNode node;
        private final String source;
        private final Set<String> used = new TreeSet<>();

        Fields(JsonNode node, String source) {
            if (!node.isObject()) {
                throw new ConfigError(source, "must be a JSON object");
            }
            this.node = node;
            this.source = source;
        }

        private JsonNode get(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new ConfigError(source, "needs field '" + name + "'");
            }
            used.add(name);
            return v;
        }

        String text(String name) {
            JsonNode v = get(name);
            if (!v.isTextual()) {
                throw new ConfigError(source, "field '" + name + "' must be a string");
            }
            return v.asText();
        }

        int integer(String name) {
            JsonNode v = get(name);
            if (!v.isInt()) {
                throw new ConfigError(source, "field '" + name + "' must be an integer");
            }
            return v.asInt();
        }

        boolean bool(String name) {
            JsonNode v = get(name);
            if (!v.isBoolean()) {
                throw new ConfigError(source, "field '" + name + "' must be true or false");
            }
            return v.asBoolean();
        }

        Iterable<JsonNode> array(String name) {
            JsonNode v = get(name);
            if (!v.isArray()) {
                throw new ConfigError(source, "field '" + name + "' must be an array");
            }
            return v;
        }

        void noOthers() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!used.contains(n)) {
                    throw new ConfigError(source, "has unknown field '" + n + "'");
                }
            }
        }
    }
}
