package dev.accelgen.boards.bundle;

import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The host programs of a bundle, generated from the kernel's argument table and the bundle's run plan. */
public final class HostCode {
    private HostCode() {
    }

    public static String pynq(BundleContent c, String project) {
        KernelSpec kernel = c.kernel();
        StringBuilder args = new StringBuilder();
        for (KernelArg a : kernel.args()) {
            String init = c.inits().get(a.name());
            args.append(String.format(Locale.ROOT, "    (\"%s\", 0x%02X, %d, \"%s\", %s),  # %s\n", a.name(), kernel.offset(a),
                    a.bytes(), a.dir().key(), init == null ? "None" : "\"" + init + "\"", a.layout()));
        }
        List<String> scalars = new ArrayList<>();
        for (int i = 0; i < kernel.scalars().size(); i++) {
            scalars.add(String.format(Locale.ROOT, "(\"%s\", 0x%02X)", kernel.scalars().get(i), kernel.scalarOffset(i)));
        }
        List<String> runs = c.runs().stream().map(r -> "[" + String.join(", ",
                Arrays.stream(r).mapToObj(v -> Long.toString(v & 0xFFFFFFFFL)).toList()) + "]").toList();
        StringBuilder checks = new StringBuilder();
        for (OutputCheck ch : c.checks()) {
            checks.append(String.format(Locale.ROOT, "    (\"%s\", \"%s\", %d, %d, \"%s\"),\n", ch.name(), ch.arg(), ch.offset(),
                    ch.bytes(), ch.path()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.shell(c.board(), "PYNQ driver for " + kernel.top()));
        v.put("PROJECT", project);
        v.put("ARG_TABLE", args.toString().stripTrailing());
        v.put("SCALAR_TABLE", String.join(", ", scalars));
        v.put("RUN_TABLE", String.join(", ", runs));
        v.put("CHECK_TABLE", checks.toString().stripTrailing());
        v.put("STATUS_OFFSET", String.format(Locale.ROOT, "%02X", kernel.statusOffset()));
        return Template.render("accel_pynq.py", v);
    }

    public static String configHeader(BundleContent c, long controlBase) {
        KernelSpec kernel = c.kernel();
        StringBuilder args = new StringBuilder();
        for (KernelArg a : kernel.args()) {
            String init = c.inits().get(a.name());
            args.append(String.format(Locale.ROOT, "    {\"%s\", 0x%02Xu, %du, ACCEL_%s, %s},  // %s\n", a.name(), kernel.offset(a),
                    a.bytes(), a.dir().name(), init == null ? "NULL" : "\"" + init + "\"", a.layout()));
        }
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < kernel.scalars().size(); i++) {
            offsets.add(String.format(Locale.ROOT, "0x%02Xu", kernel.scalarOffset(i)));
        }
        offsets.add("0u");
        StringBuilder runs = new StringBuilder();
        for (int[] r : c.runs()) {
            List<String> values = new ArrayList<>();
            for (int x : r) {
                values.add((x & 0xFFFFFFFFL) + "u");
            }
            values.add("0u");
            runs.append("    {").append(String.join(", ", values)).append("},\n");
        }
        StringBuilder checks = new StringBuilder();
        for (OutputCheck ch : c.checks()) {
            int arg = kernel.args().indexOf(kernel.args().stream().filter(a -> a.name().equals(ch.arg())).findFirst().orElseThrow());
            checks.append(String.format(Locale.ROOT, "    {\"%s\", %d, %du, %du, \"%s\"},\n", ch.name(), arg, ch.offset(), ch.bytes(),
                    ch.path()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.c(c.board(), "register map, arguments and run plan of " + kernel.top()));
        v.put("TOP", kernel.top());
        v.put("CTRL_BASE", String.format(Locale.ROOT, "0x%08X", controlBase));
        v.put("STATUS_OFFSET", String.format(Locale.ROOT, "%02X", kernel.statusOffset()));
        v.put("NUM_ARGS", Integer.toString(kernel.args().size()));
        v.put("ARG_TABLE", args.toString().stripTrailing());
        v.put("NUM_SCALARS", Integer.toString(kernel.scalars().size()));
        v.put("SCALAR_OFFSETS", String.join(", ", offsets));
        v.put("NUM_RUNS", Integer.toString(c.runs().size()));
        v.put("RUN_TABLE", runs.toString().stripTrailing());
        v.put("NUM_CHECKS", Integer.toString(c.checks().size()));
        v.put("CHECK_TABLE", checks.toString().stripTrailing());
        return Template.render("accel_config.h", v);
    }

    public static String devMemDriver(BundleContent c, long bufferBase, long bufferBytes) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.c(c.board(), "/dev/mem host program for " + c.kernel().top()));
        v.put("BUF_BASE", String.format(Locale.ROOT, "0x%08X", bufferBase));
        v.put("BUF_BYTES", Long.toString(bufferBytes));
        return Template.render("accel_host.c", v);
    }

    public static String xrtHost(Board board, KernelSpec kernel) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.c(board, "XRT host program for " + kernel.top()));
        v.put("TOP", kernel.top());
        return Template.render("host_xrt.cpp", v);
    }

    public static String makefile(Board board, String which, String what) {
        return Template.render(which, Map.of("HEADER", GeneratedHeader.shell(board, what)));
    }

    /** The lines the host programs print when every output matches. */
    public static String expectedOutput(BundleContent c) {
        StringBuilder s = new StringBuilder();
        for (OutputCheck ch : c.checks()) {
            s.append("PASS ").append(ch.name()).append(' ').append(ch.bytes()).append(" bytes match ").append(ch.fileName())
                    .append('\n');
        }
        return s.toString();
    }
}
