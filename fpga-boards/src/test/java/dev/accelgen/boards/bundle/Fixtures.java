package dev.accelgen.boards.bundle;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;

import java.util.List;
import java.util.Map;

/**
 * A bundle around a hand-written two-argument kernel, for tests of the bundle layout and scripts that do not
 * depend on the generated shell (the shell has its own tests).
 */
final class Fixtures {
    static final KernelSpec KERNEL = new KernelSpec("copy_kernel",
            List.of(new KernelArg("src", ArgDir.IN, 16, "uint8 x16"), new KernelArg("dst", ArgDir.OUT, 16, "uint8 x16")), 32);

    private Fixtures() {
    }

    static BundleContent content(String boardName) {
        Board b = BoardCatalog.resolve(boardName);
        byte[] data = new byte[16];
        for (int i = 0; i < 16; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        Map<String, String> rtl = Map.of("copy_kernel.v", "module copy_kernel;\nendmodule\n",
                "status_leds.v", "module status_leds;\nendmodule\n");
        boolean bd = b.flow() == Flow.VIVADO_BD;
        return new BundleContent(b, KERNEL, rtl, bd ? "status_leds" : null, bd ? 4 : 0,
                Map.of("golden/src.bin", data, "golden/dst.bin", data), Map.of("src", "golden/src.bin"),
                List.of(new OutputCheck("dst", "dst", 0, 16, "golden/dst.bin")), List.of(new int[0]),
                Map.of("resources.txt", "LUT 1\n"), "Copies 16 bytes.", Map.of());
    }
}
