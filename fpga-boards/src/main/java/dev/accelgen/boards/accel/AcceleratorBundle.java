package dev.accelgen.boards.accel;

import dev.accelgen.boards.bundle.BundleContent;
import dev.accelgen.boards.bundle.OutputCheck;
import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.boards.shell.StatusLeds;
import dev.accelgen.boards.shell.StatusLedsConfig;
import dev.accelgen.errors.BoardError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundle of a compiled model: the accelerator as a kernel ({@link AccelKernel}), one buffer per memory port
 * holding that port's image (program, weights, inputs: {@code weights/mem<p>.bin}), the run plan (one start beat per
 * run: prefill, then decode steps) and each output's golden bytes ({@code golden/<output>.bin}), plus the
 * compiler's files ({@code extra}: hw.json, program, plan). The board layout is the built-in workload's
 * ({@code BundleFiles}): the same scripts and host programs.
 */
public final class AcceleratorBundle {
    /** One model output: bytes [offset, offset + golden.length) of port {@code port} after the last run. */
    public record Output(String name, int port, long offset, byte[] golden) {
        public Output {
            golden = golden.clone();
        }
    }

    private AcceleratorBundle() {
    }

    public static BundleContent build(Board board, HwConfig hw, List<byte[]> images, List<int[]> starts, List<Output> outputs,
                                      Map<String, byte[]> extra, String workload) {
        if (images.size() != hw.ports()) {
            throw new IllegalArgumentException(images.size() + " images for " + hw.ports() + " ports");
        }
        Design kernel = Hdl.elaborate(new AccelKernel(), hw);
        Map<String, String> rtl = new TreeMap<>(kernel.files());
        String ledModule = null;
        int ledCount = 0;
        if (board.flow() == Flow.VIVADO_BD) {
            Design leds = Hdl.elaborate(new StatusLeds(), new StatusLedsConfig(board.kernelClockMhz()));
            leds.sourceFiles().forEach(f -> rtl.put(f, leds.files().get(f)));
            ledModule = leds.topName();
            ledCount = StatusLeds.LEDS;
        }
        List<KernelArg> args = new ArrayList<>();
        List<String> masters = new ArrayList<>();
        Map<String, byte[]> data = new TreeMap<>(extra);
        Map<String, String> inits = new TreeMap<>();
        for (int p = 0; p < images.size(); p++) {
            String name = AccelKernel.pointers(hw).get(p);
            long bytes = images.get(p).length;
            if (bytes > 1L << 28) {
                throw new BoardError("", "memory port " + p + " needs " + bytes + " bytes, a bundle buffer holds at most"
                        + " 268435456 (one HBM pseudo-channel); use a smaller model or context");
            }
            args.add(new KernelArg(name, ArgDir.INOUT, bytes, "port " + p + " image: program, weights, inputs; outputs written by the runs"));
            masters.add(KernelSpec.MASTER + p);
            String path = "weights/" + name + ".bin";
            data.put(path, images.get(p));
            inits.put(name, path);
        }
        List<OutputCheck> checks = new ArrayList<>();
        for (Output o : outputs) {
            String file = o.name().replaceAll("[^A-Za-z0-9_.-]", "_");
            String path = "golden/" + file + ".bin";
            if (data.put(path, o.golden()) != null) {
                throw new IllegalArgumentException("two outputs are written to " + path);
            }
            checks.add(new OutputCheck(file, AccelKernel.pointers(hw).get(o.port()), o.offset(), o.golden().length, path));
        }
        List<int[]> runs = new ArrayList<>();
        for (int[] r : starts) {
            if (r.length != AccelKernel.RUN_REGISTERS) {
                throw new IllegalArgumentException("a start beat has " + r.length + " registers, needs r1..r" + AccelKernel.RUN_REGISTERS);
            }
            int[] values = new int[AccelKernel.RUN_REGISTERS + 1];
            System.arraycopy(r, 0, values, 1, r.length); // prog_offset 0: the program starts port 0's image
            runs.add(values);
        }
        KernelSpec spec = new KernelSpec(kernel.topName(), args, hw.portBits(), masters, AccelKernel.scalars());
        Map<String, Long> params = new TreeMap<>(Map.of("ports", (long) hw.ports(), "port_bits", (long) hw.portBits(),
                "runs", (long) runs.size(), "status_offset", (long) spec.statusOffset()));
        return new BundleContent(board, spec, rtl, ledModule, ledCount, data, inits, checks, runs, Map.of(), workload, params);
    }
}
