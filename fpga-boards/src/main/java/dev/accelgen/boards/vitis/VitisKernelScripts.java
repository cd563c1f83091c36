package dev.accelgen.boards.vitis;

import dev.accelgen.boards.bundle.GeneratedHeader;
import dev.accelgen.boards.bundle.Template;
import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.errors.BoardError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** package_kernel.tcl, gen_xo.tcl and link.cfg for a Vitis RTL kernel on a platform board. */
public final class VitisKernelScripts {
    private VitisKernelScripts() {
    }

    public static String packageKernel(Board board, KernelSpec kernel, List<String> rtlFiles) {
        requireVitis(board);
        StringBuilder regs = new StringBuilder();
        for (KernelArg a : kernel.args()) {
            regs.append(String.format(Locale.ROOT,
                    "accelgen_add_register $addr_block %s 0x%03X 8 \"%s buffer, %d bytes (%s)\" %s\n",
                    a.name(), kernel.offset(a), a.name(), a.bytes(), a.dir().key(), kernel.master(a)));
        }
        for (int i = 0; i < kernel.scalars().size(); i++) {
            regs.append(String.format(Locale.ROOT, "accelgen_add_register $addr_block %s 0x%03X 4 \"scalar %s\" \"\"\n",
                    kernel.scalars().get(i), kernel.scalarOffset(i), kernel.scalars().get(i)));
        }
        regs.append(String.format(Locale.ROOT, "accelgen_add_register $addr_block STATUS 0x%03X 4 \"status word (read only)\" \"\"\n",
                kernel.statusOffset()));
        StringBuilder associate = new StringBuilder();
        for (String m : kernel.masters()) {
            associate.append("ipx::associate_bus_interfaces -busif ").append(m).append(" -clock ap_clk $core\n");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.tcl(board, "Vitis RTL kernel packaging for " + kernel.top()));
        v.put("PART", board.part());
        v.put("TOP", kernel.top());
        v.put("CONTROL", KernelSpec.CONTROL);
        v.put("RTL_FILES", String.join(" ", rtlFiles));
        v.put("ASSOCIATE_MASTERS", associate.toString().stripTrailing());
        v.put("ARG_REGISTERS", regs.toString().stripTrailing());
        return Template.render("package_kernel.tcl", v);
    }

    public static String genXo(Board board, KernelSpec kernel) {
        requireVitis(board);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.tcl(board, "Vitis .xo for " + kernel.top()));
        v.put("BOARD", board.name());
        v.put("VIVADO_MIN", board.vivado().min());
        v.put("VIVADO_MAX", board.vivado().max() == null ? "" : board.vivado().max());
        v.put("TOP", kernel.top());
        return Template.render("gen_xo.tcl", v);
    }

    public static String linkConfig(Board board, KernelSpec kernel, MemoryPlan plan) {
        requireVitis(board);
        StringBuilder sp = new StringBuilder();
        if (kernel.masters().size() == 1) {
            long needed = kernel.args().stream().mapToLong(a -> (a.bytes() + 4095) / 4096 * 4096).sum();
            if (needed > plan.reachableBytes()) {
                throw new BoardError("", "memory plan: " + kernel.top() + " needs " + needed
                        + " bytes of buffers but " + plan.spTarget() + " holds " + plan.reachableBytes()
                        + "; map more banks");
            }
            sp.append("sp=").append(kernel.instanceName()).append('.').append(kernel.masters().get(0)).append(':')
                    .append(plan.spTarget());
        } else {
            List<String> banks = plan.bankNames();
            if (banks.size() != kernel.masters().size()) {
                throw new BoardError("", "memory plan: " + kernel.top() + " has " + kernel.masters().size()
                        + " AXI masters, one per bank, but " + plan.spTarget() + " has " + banks.size() + " banks; map "
                        + kernel.masters().size() + " banks");
            }
            long bankBytes = plan.group().bankMib() << 20;
            for (int i = 0; i < banks.size(); i++) {
                KernelArg a = kernel.args().get(i);
                if (a.bytes() > bankBytes) {
                    throw new BoardError("", "memory plan: " + a.name() + " of " + kernel.top() + " needs " + a.bytes()
                            + " bytes but " + banks.get(i) + " holds " + bankBytes);
                }
                sp.append(i == 0 ? "" : "\n").append("sp=").append(kernel.instanceName()).append('.')
                        .append(kernel.masters().get(i)).append(':').append(banks.get(i));
            }
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.tcl(board, "v++ link configuration for " + kernel.top()));
        v.put("TOP", kernel.top());
        v.put("INSTANCE", kernel.instanceName());
        v.put("SP_LINES", sp.toString());
        v.put("SLR_LINE", plan.slrLine(kernel.instanceName()));
        return Template.render("link.cfg", v);
    }

    private static void requireVitis(Board board) {
        if (board.flow() != Flow.VITIS_KERNEL) {
            throw new IllegalArgumentException("board " + board.name() + " uses flow " + board.flow().key()
                    + ", Vitis kernel scripts need vitis_kernel");
        }
    }
}
