package dev.accelgen.boards.vivado;

import dev.accelgen.boards.bundle.GeneratedHeader;
import dev.accelgen.boards.bundle.Template;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.boards.model.ProcessingSystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Vivado Tcl that turns a vivado_bd bundle into a bitstream: project with the board part, a block design with
 * the Zynq UltraScale+ PS (board preset), the accelerator and status-LED modules as module references,
 * AXI4-Lite control from the PS master, the accelerator's AXI4 master into the PS memory slave, addresses,
 * validation, wrapper, implementation, and .bit/.hwh/.xsa exports.
 */
public final class ZynqProjectTcl {
    public static final String BLOCK_DESIGN = "accel_bd";
    public static final String LED_MODULE_PORT = "led";

    private ZynqProjectTcl() {
    }

    public static String projectName(Board board) {
        return "accel_" + board.name();
    }

    public static String render(Board board, KernelSpec kernel, List<String> rtlFiles, String ledModule, int ledCount, String xdcFile) {
        if (board.flow() != Flow.VIVADO_BD) {
            throw new IllegalArgumentException("board " + board.name() + " uses flow " + board.flow().key()
                    + ", the Zynq project script needs vivado_bd");
        }
        ProcessingSystem ps = board.processingSystem();
        ZynqPorts.requireZynqUltrascale(ps.ip());
        ZynqPorts control = ZynqPorts.of("control_master", ps.controlMaster(), true);
        ZynqPorts memory = ZynqPorts.of("memory_slave", ps.memorySlave(), false);

        StringBuilder psConfig = new StringBuilder();
        for (String m : ZynqPorts.MASTERS) {
            ZynqPorts p = ZynqPorts.of("control_master", m, true);
            psConfig.append("    CONFIG.").append(p.enableParam()).append(" {").append(m.equals(ps.controlMaster()) ? 1 : 0)
                    .append("} \\\n");
        }
        psConfig.append("    CONFIG.").append(memory.enableParam()).append(" {1} \\\n");
        psConfig.append("    CONFIG.PSU__USE__IRQ0 {1} \\\n");
        psConfig.append("    CONFIG.PSU__FPGA_PL0_ENABLE {1} \\\n");
        psConfig.append("    CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ {").append(board.kernelClockMhz()).append("} \\\n");

        Map<String, String> v = new LinkedHashMap<>();
        v.put("HEADER", GeneratedHeader.tcl(board, "Vivado block-design build for " + kernel.top()));
        v.put("BOARD", board.name());
        v.put("VIVADO_MIN", board.vivado().min());
        v.put("VIVADO_MAX", board.vivado().max() == null ? "" : board.vivado().max());
        v.put("PROJECT", projectName(board));
        v.put("PART", board.part());
        v.put("BOARD_PART", board.boardPart());
        v.put("XDC", xdcFile);
        v.put("BD", BLOCK_DESIGN);
        v.put("PS_IP", ps.ip());
        v.put("PS_CONFIG", psConfig.toString());
        v.put("TOP", kernel.top());
        v.put("LEDS", ledModule);
        v.put("RESET_NAME", board.reset().name());
        v.put("RESET_POLARITY", board.reset().activeLow() ? "low" : "high");
        v.put("RESET_HIGH", board.reset().activeLow() ? "0" : "1");
        v.put("RESET_BD_POLARITY", board.reset().activeLow() ? "ACTIVE_LOW" : "ACTIVE_HIGH");
        v.put("RESET_PORT", board.reset().port());
        v.put("LED_MSB", Integer.toString(ledCount - 1));
        v.put("CONTROL_MASTER", ps.controlMaster());
        v.put("MEMORY_SLAVE", ps.memorySlave());
        v.put("FABRIC_CLOCK", ps.fabricClock());
        v.put("CLOCK_MHZ", Integer.toString(board.kernelClockMhz()));
        v.put("CONTROL_ACLK", control.aclkPin());
        v.put("MEMORY_ACLK", memory.aclkPin());
        v.put("RTL_FILES", String.join(" ", rtlFiles));
        v.put("MEM_SI", Integer.toString(kernel.masters().size()));
        StringBuilder connects = new StringBuilder();
        for (int i = 0; i < kernel.masters().size(); i++) {
            connects.append(String.format(Locale.ROOT,
                    "connect_bd_intf_net [get_bd_intf_pins accel_0/%s] [get_bd_intf_pins mem_sc/S%02d_AXI]\n",
                    kernel.masters().get(i), i));
        }
        v.put("MASTER_CONNECTS", connects.toString().stripTrailing());
        v.put("CONTROL_BASE", String.format(Locale.ROOT, "0x%08X", ps.controlBase()));
        return Template.render("zynq_project.tcl", v);
    }
}
