package dev.accelgen.boards.bundle;

import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The host programs of a bundle, generated from the kernel's argument table. */
public final class HostCode {
    private HostCode() {
    }

    public static String pynq(Board board, KernelSpec kernel, String project) {
        StringBuilder table = new StringBuilder();
        for (KernelArg a : kernel.args()) {
            table.append(String.format(Locale.ROOT, "    (\"%s\", 0x%02X, %d, \"%s\"),  # %s\n", a.name(), kernel.offset(a),
                    a.bytes(), a.dir() == ArgDir.IN ? "in" : "out", a.layout()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.shell(board, "PYNQ driver for " + kernel.top()));
        v.put("PROJECT", project);
        v.put("ARG_TABLE", table.toString().stripTrailing());
        return Template.render("accel_pynq.py", v);
    }

    public static String configHeader(Board board, KernelSpec kernel, long controlBase) {
        StringBuilder table = new StringBuilder();
        for (KernelArg a : kernel.args()) {
            table.append(String.format(Locale.ROOT, "    {\"%s\", 0x%02Xu, %du, %s},  // %s\n", a.name(), kernel.offset(a),
                    a.bytes(), a.dir() == ArgDir.IN ? "ACCEL_IN" : "ACCEL_OUT", a.layout()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.c(board, "register map and arguments of " + kernel.top()));
        v.put("TOP", kernel.top());
        v.put("CTRL_BASE", String.format(Locale.ROOT, "0x%08X", controlBase));
        v.put("NUM_ARGS", Integer.toString(kernel.args().size()));
        v.put("ARG_TABLE", table.toString().stripTrailing());
        return Template.render("accel_config.h", v);
    }

    public static String devMemDriver(Board board, KernelSpec kernel, long bufferBase) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.c(board, "/dev/mem host program for " + kernel.top()));
        v.put("BUF_BASE", String.format(Locale.ROOT, "0x%08X", bufferBase));
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
    public static String expectedOutput(KernelSpec kernel) {
        StringBuilder s = new StringBuilder();
        for (KernelArg a : kernel.outputs()) {
            s.append("PASS ").append(a.name()).append(' ').append(a.bytes()).append(" bytes match ").append(a.goldenFile())
                    .append('\n');
        }
        return s.toString();
    }
}
