package dev.accelgen.boards.bundle;

import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardPin;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.boards.vitis.MemoryPlan;
import dev.accelgen.boards.vitis.VitisKernelScripts;
import dev.accelgen.boards.vivado.ZynqProjectTcl;
import dev.accelgen.boards.xdc.XdcGenerator;
import dev.accelgen.errors.BoardError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Lays a bundle out as files: one layout for Vivado block-design boards, one for Vitis platform boards. */
public final class BundleFiles {
    /** PS DDR kept free for the /dev/mem driver's buffers, at the top of the PS memory: 64 MiB steps. */
    static final long DEVMEM_BUFFER_STEP = 64L << 20;

    private BundleFiles() {
    }

    public static List<GeneratedFile> of(BundleContent c) {
        return switch (c.board().flow()) {
            case VIVADO_BD -> vivado(c);
            case VITIS_KERNEL -> vitis(c, MemoryPlan.defaultFor(c.board()));
        };
    }

    /** The board pins a vivado_bd design uses: the reset button and the status LEDs. */
    public static Set<String> vivadoPins(Board board, int ledCount) {
        Set<String> used = new LinkedHashSet<>();
        used.add(board.reset().name());
        List<BoardPin> leds = board.pins().stream().filter(p -> p.port().startsWith("led[")).toList();
        if (leds.size() < ledCount) {
            throw new BoardError("", "board " + board.name() + " has " + leds.size()
                    + " LED pins (ports led[0]..), the shell drives " + ledCount + "; add them to the board description");
        }
        for (int i = 0; i < ledCount; i++) {
            String port = "led[" + i + "]";
            leds.stream().filter(p -> p.port().equals(port)).findFirst().ifPresentOrElse(p -> used.add(p.name()), () -> {
                throw new BoardError("", "board " + board.name() + " has no pin with port " + port);
            });
        }
        return used;
    }

    static List<GeneratedFile> vivado(BundleContent c) {
        Board b = c.board();
        KernelSpec k = c.kernel();
        String project = ZynqProjectTcl.projectName(b);
        String xdcName = b.name() + ".xdc";
        Set<String> pins = vivadoPins(b, c.ledCount());
        long controlBase = b.processingSystem().controlBase();
        MemoryGroup psDdr = b.memories().stream().filter(m -> b.processingSystem().memorySlave().equals(m.via()))
                .findFirst().orElseThrow(() -> new BoardError("", "board " + b.name()
                        + " has no memory with via = " + b.processingSystem().memorySlave()
                        + "; the accelerator's buffers must live there"));
        long span = c.args().stream().mapToLong(a -> (a.bytes() + 4095) / 4096 * 4096).sum();
        long bufferBytes = (span + DEVMEM_BUFFER_STEP - 1) / DEVMEM_BUFFER_STEP * DEVMEM_BUFFER_STEP;
        long bufferBase = psDdr.totalMib() * (1L << 20) - bufferBytes;

        List<GeneratedFile> files = new ArrayList<>();
        common(c, files);
        files.add(GeneratedFile.text("constraints/" + xdcName, XdcGenerator.generate(b, pins)));
        files.add(GeneratedFile.text("vivado/version_check.tcl", Template.load("version_check.tcl")));
        files.add(GeneratedFile.text("vivado/create_project.tcl",
                ZynqProjectTcl.render(b, k, c.synthesisSources(), c.ledModule(), c.ledCount(), xdcName)));
        files.add(GeneratedFile.text("host/pynq/accel_pynq.py", HostCode.pynq(c, project)));
        files.add(GeneratedFile.text("host/c/accel_config.h", HostCode.configHeader(c, controlBase)));
        files.add(GeneratedFile.text("host/c/accel_host.c", HostCode.devMemDriver(c, bufferBase, bufferBytes)));
        files.add(GeneratedFile.text("host/c/Makefile", HostCode.makefile(b, "Makefile.c", "host build")));
        files.add(GeneratedFile.script("build.sh", Template.render("build_vivado.sh", Map.of(
                "HEADER", GeneratedHeader.shell(b, "bitstream build for " + k.top()),
                "VIVADO_RANGE", range(b), "BOARD", b.name(), "PROJECT", project))));

        Map<String, String> v = readmeCommon(c);
        v.put("BOARD_PART", b.boardPart());
        v.put("LEDS", c.ledModule());
        v.put("XDC", xdcName);
        v.put("PINS_USED", String.join(", ", XdcGenerator.requiredPins(b, pins)));
        v.put("FABRIC_CLOCK", b.processingSystem().fabricClock());
        v.put("CLOCK_MHZ", Integer.toString(b.kernelClockMhz()));
        v.put("CONTROL_MASTER", b.processingSystem().controlMaster());
        v.put("MEMORY_SLAVE", b.processingSystem().memorySlave());
        v.put("CTRL_BASE", String.format(Locale.ROOT, "0x%08X", controlBase));
        v.put("PROJECT", project);
        v.put("RESET_NAME", b.reset().name());
        v.put("RESET_POLARITY", b.reset().activeLow() ? "low" : "high");
        v.put("BUF_BASE", String.format(Locale.ROOT, "0x%08X", bufferBase));
        v.put("MEM_LIMIT", (bufferBase >> 20) + "M");
        v.put("BUF_MIB", Long.toString(bufferBytes >> 20));
        files.add(GeneratedFile.text("README.md", Template.render("README_vivado.md", v)));
        return sorted(files);
    }

    public static List<GeneratedFile> vitis(BundleContent c, MemoryPlan given) {
        Board b = c.board();
        KernelSpec k = c.kernel();
        MemoryPlan plan = given.forMasters(k.masters().size());
        List<GeneratedFile> files = new ArrayList<>();
        common(c, files);
        files.add(GeneratedFile.text("vitis/version_check.tcl", Template.load("version_check.tcl")));
        files.add(GeneratedFile.text("vitis/package_kernel.tcl", VitisKernelScripts.packageKernel(b, k, c.synthesisSources())));
        files.add(GeneratedFile.text("vitis/gen_xo.tcl", VitisKernelScripts.genXo(b, k)));
        files.add(GeneratedFile.text("vitis/link.cfg", VitisKernelScripts.linkConfig(b, k, plan)));
        files.add(GeneratedFile.text("host/xrt/accel_config.h", HostCode.configHeader(c, 0)));
        files.add(GeneratedFile.text("host/xrt/host_xrt.cpp", HostCode.xrtHost(b, k)));
        files.add(GeneratedFile.text("host/xrt/Makefile", HostCode.makefile(b, "Makefile.xrt", "XRT host build")));
        files.add(GeneratedFile.script("build.sh", Template.render("build_vitis.sh", Map.of(
                "HEADER", GeneratedHeader.shell(b, "xclbin build for " + k.top()),
                "PLATFORM", b.platform(),
                "VIVADO_RANGE", range(b),
                "BOARD", b.name(),
                "MIN_NUMBER", b.vivado().min().replace(".", ""),
                "MAX_NUMBER", b.vivado().max() == null ? "99999" : b.vivado().max().replace(".", ""),
                "CLOCK_MHZ", Integer.toString(b.kernelClockMhz()),
                "TOP", k.top()))));
        Map<String, String> v = readmeCommon(c);
        v.put("PLATFORM", b.platform());
        v.put("INSTANCE", k.instanceName());
        v.put("BANKS", plan.spTarget());
        v.put("DATA_BITS", Integer.toString(k.dataBits()));
        v.put("PLACEMENT", plan.slr() != null ? "placed in `" + plan.slr() + "`, where that memory attaches"
                : "placed by v++ (the board data does not say which SLR that memory attaches to)");
        files.add(GeneratedFile.text("README.md", Template.render("README_vitis.md", v)));
        return sorted(files);
    }

    private static void common(BundleContent c, List<GeneratedFile> files) {
        c.rtl().forEach((name, text) -> files.add(GeneratedFile.text("rtl/" + name, text)));
        c.data().forEach((path, bytes) -> files.add(GeneratedFile.binary(path, bytes)));
        files.add(GeneratedFile.text("golden/golden.json", goldenJson(c)));
        c.reports().forEach((name, text) -> files.add(GeneratedFile.text("reports/" + name, text)));
    }

    private static Map<String, String> readmeCommon(BundleContent c) {
        Board b = c.board();
        KernelSpec k = c.kernel();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("TOP", k.top());
        v.put("MASTERS", String.join(", ", k.masters().stream().map(m -> "`" + m + "`").toList()));
        v.put("BOARD", b.name());
        v.put("WORKLOAD", c.workload());
        v.put("DESCRIPTION", b.description());
        v.put("PART", b.part());
        v.put("UNVERIFIED", b.unverified().isEmpty() ? "none" : String.join(", ", b.unverified()));
        v.put("VIVADO_RANGE", range(b));
        v.put("ARG_OFFSETS", String.join(", ", k.args().stream().map(a -> String.format(Locale.ROOT,
                "`%s` at 0x%02X (%s, %d bytes, %s)", a.name(), k.offset(a), a.dir().key(), a.bytes(), a.layout())).toList())
                + scalarOffsets(k) + String.format(Locale.ROOT, "; status word at 0x%02X (0 after a good run)", k.statusOffset()));
        v.put("EXPECTED", HostCode.expectedOutput(c));
        return v;
    }

    private static String scalarOffsets(KernelSpec k) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < k.scalars().size(); i++) {
            s.append(String.format(Locale.ROOT, ", `%s` at 0x%02X (32-bit scalar)", k.scalars().get(i), k.scalarOffset(i)));
        }
        return s.toString();
    }

    static String range(Board b) {
        return b.vivado().max() == null ? b.vivado().min() + " or newer" : b.vivado().min() + " to " + b.vivado().max();
    }

    private static String goldenJson(BundleContent c) {
        KernelSpec k = c.kernel();
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"kernel\": \"").append(k.top()).append("\",\n");
        s.append("  \"workload\": \"").append(c.workload().replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        s.append("  \"params\": {");
        s.append(String.join(", ", c.params().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList()));
        s.append("},\n");
        s.append("  \"status_offset\": ").append(k.statusOffset()).append(",\n");
        s.append("  \"args\": [\n");
        List<String> rows = new ArrayList<>();
        for (KernelArg a : k.args()) {
            String init = c.inits().get(a.name());
            rows.add(String.format(Locale.ROOT,
                    "    {\"name\": \"%s\", \"dir\": \"%s\", \"offset\": %d, \"bytes\": %d, \"init\": %s,"
                            + " \"master\": \"%s\", \"layout\": \"%s\"}",
                    a.name(), a.dir().key(), k.offset(a), a.bytes(), init == null ? "null" : "\"" + init + "\"",
                    k.master(a), a.layout()));
        }
        s.append(String.join(",\n", rows)).append("\n  ],\n");
        rows.clear();
        for (int i = 0; i < k.scalars().size(); i++) {
            rows.add(String.format(Locale.ROOT, "{\"name\": \"%s\", \"offset\": %d}", k.scalars().get(i), k.scalarOffset(i)));
        }
        s.append("  \"scalars\": [").append(String.join(", ", rows)).append("],\n");
        rows.clear();
        for (int[] r : c.runs()) {
            rows.add(Arrays.toString(r));
        }
        s.append("  \"runs\": [").append(String.join(", ", rows)).append("],\n");
        rows.clear();
        for (OutputCheck ch : c.checks()) {
            rows.add(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"arg\": \"%s\", \"offset\": %d, \"bytes\": %d, \"path\": \"%s\"}",
                    ch.name(), ch.arg(), ch.offset(), ch.bytes(), ch.path()));
        }
        s.append("  \"checks\": [\n").append(String.join(",\n", rows)).append("\n  ]\n}\n");
        return s.toString();
    }

    private static List<GeneratedFile> sorted(List<GeneratedFile> files) {
        List<GeneratedFile> out = new ArrayList<>(files);
        out.sort(Comparator.comparing(GeneratedFile::path));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).path().equals(out.get(i - 1).path())) {
                throw new IllegalStateException("bundle file written twice: " + out.get(i).path());
            }
        }
        return List.copyOf(out);
    }
}
