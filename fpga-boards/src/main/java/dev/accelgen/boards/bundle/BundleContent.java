package dev.accelgen.boards.bundle;

import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a bundle is made of before it is laid out: the board, the kernel interface, the generated RTL
 * (file name -> Verilog, plus its manifest), the data files (bundle path -> bytes: golden buffers, memory images),
 * the host's plan, reports and a one-line description of the workload. {@code ledModule} names the status-LED module
 * (vivado_bd boards), else null. {@code params} are the kernel's generation parameters, recorded in golden/golden.json.
 *
 * <p>The host plan, the same for every workload: each argument's buffer starts as the data file {@code inits} names
 * (IN and INOUT arguments) or filled with 0xA5 (OUT); then every run writes its scalar values ({@code runs}, one
 * value per kernel scalar), starts the kernel, waits for ap_done and reads the status word, which must be 0; then
 * every {@code checks} entry is compared.
 */
public record BundleContent(Board board, KernelSpec kernel, Map<String, String> rtl, String ledModule, int ledCount,
                            Map<String, byte[]> data, Map<String, String> inits, List<OutputCheck> checks,
                            List<int[]> runs, Map<String, String> reports, String workload, Map<String, Long> params) {
    public BundleContent {
        params = new TreeMap<>(params);
        rtl = new TreeMap<>(rtl);
        data = new TreeMap<>(data);
        inits = new TreeMap<>(inits);
        reports = new TreeMap<>(reports);
        checks = List.copyOf(checks);
        runs = runs.stream().map(int[]::clone).toList();
        if (rtl.isEmpty()) {
            throw new IllegalArgumentException("rtl is empty, a bundle needs the accelerator's Verilog");
        }
        for (KernelArg a : kernel.args()) {
            String path = inits.get(a.name());
            if ((path != null) != (a.dir() != ArgDir.OUT)) {
                throw new IllegalArgumentException("argument " + a.name() + " (" + a.dir().key() + ") "
                        + (path == null ? "has no initial data file" : "is an output and cannot have one"));
            }
            if (path != null) {
                requireFile(data, path, a.bytes());
            }
        }
        if (inits.size() != kernel.inputs().size() + kernel.args().stream().filter(a -> a.dir() == ArgDir.INOUT).count()) {
            throw new IllegalArgumentException("inits " + inits.keySet() + " name a buffer that is not an argument");
        }
        for (OutputCheck c : checks) {
            KernelArg a = kernel.args().stream().filter(x -> x.name().equals(c.arg())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("check " + c.name() + " names argument " + c.arg() + ", which "
                            + kernel.top() + " does not have"));
            if (a.dir() == ArgDir.IN || c.offset() + c.bytes() > a.bytes()) {
                throw new IllegalArgumentException("check " + c.name() + " reads bytes " + c.offset() + ".."
                        + (c.offset() + c.bytes()) + " of " + a.dir().key() + " argument " + a.name() + " of " + a.bytes());
            }
            requireFile(data, c.path(), c.bytes());
        }
        if (checks.isEmpty() || runs.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one run and one output check");
        }
        for (int[] r : runs) {
            if (r.length != kernel.scalars().size()) {
                throw new IllegalArgumentException("a run sets " + r.length + " scalars, " + kernel.top() + " has "
                        + kernel.scalars().size());
            }
        }
    }

    private static void requireFile(Map<String, byte[]> data, String path, long bytes) {
        byte[] d = data.get(path);
        if (d == null || d.length != bytes) {
            throw new IllegalArgumentException("data file " + path + (d == null ? " is missing" : " has " + d.length
                    + " bytes") + ", needs " + bytes);
        }
    }

    /**
     * The Verilog files to synthesize, sorted: every .v file but the simulation-only models (named in a
     * {@code *_sim.f} list and in no synthesis {@code .f} list).
     */
    public List<String> synthesisSources() {
        Set<String> simOnly = new TreeSet<>();
        Set<String> synth = new TreeSet<>();
        rtl.forEach((name, text) -> {
            if (name.endsWith(".f")) {
                (name.endsWith("_sim.f") ? simOnly : synth).addAll(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            }
        });
        simOnly.removeAll(synth);
        return rtl.keySet().stream().filter(n -> n.endsWith(".v") && !simOnly.contains(n)).sorted().toList();
    }

    public List<KernelArg> args() {
        return kernel.args();
    }
}
