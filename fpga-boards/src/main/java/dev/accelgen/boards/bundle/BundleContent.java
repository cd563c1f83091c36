package dev.accelgen.boards.bundle;

import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bundle is made of before it is laid out: the board, the kernel interface, the generated RTL
 * (file name -> Verilog, plus its manifest), the golden buffers (argument name -> bytes), reports and a one-line
 * description of the workload. {@code ledModule} names the status-LED module (vivado_bd boards), else null.
 * {@code params} are the kernel's generation parameters (burst limit, ...), recorded in golden/golden.json for
 * test benches and lab notes.
 */
public record BundleContent(Board board, KernelSpec kernel, Map<String, String> rtl, String ledModule, int ledCount,
                            Map<String, byte[]> golden, Map<String, String> reports, String workload,
                            Map<String, Long> params) {
    public BundleContent {
        params = new TreeMap<>(params);
        rtl = new TreeMap<>(rtl);
        golden = new TreeMap<>(golden);
        reports = new TreeMap<>(reports);
        if (rtl.isEmpty()) {
            throw new IllegalArgumentException("rtl is empty, a bundle needs the accelerator's Verilog");
        }
        for (KernelArg a : kernel.args()) {
            byte[] g = golden.get(a.name());
            if (g == null) {
                throw new IllegalArgumentException("golden has no buffer for argument " + a.name());
            }
            if (g.length != a.bytes()) {
                throw new IllegalArgumentException("golden buffer " + a.name() + " has " + g.length + " bytes, argument says "
                        + a.bytes());
            }
        }
        if (golden.size() != kernel.args().size()) {
            throw new IllegalArgumentException("golden has " + golden.size() + " buffers for " + kernel.args().size()
                    + " arguments");
        }
    }

    public List<KernelArg> args() {
        return kernel.args();
    }
}
