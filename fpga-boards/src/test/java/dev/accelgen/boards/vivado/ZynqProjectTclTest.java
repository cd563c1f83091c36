package dev.accelgen.boards.vivado;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardJson;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's block-design board picks other PS ports; the script follows, and unknown ports or PS IPs are rejected. */
class ZynqProjectTclTest {
    private static final KernelSpec K = new KernelSpec("k", List.of(new KernelArg("x", ArgDir.IN, 4, "u8")), 32);

    private static Board variant(String from, String to) {
        return BoardJson.parse(BoardCatalog.builtInJson("zcu104").replace("\"name\": \"zcu104\"", "\"name\": \"lab\"")
                .replace(from, to), "lab.json");
    }

    @Test
    void otherPsPortsChangeTheConfigurationAndClockPins() {
        Board b = variant("\"memory_slave\": \"S_AXI_HP0_FPD\"", "\"memory_slave\": \"S_AXI_HPC0_FPD\"");
        String tcl = ZynqProjectTcl.render(b, K, List.of("k.v", "leds.v"), "leds", 4, "lab.xdc");
        assertTrue(tcl.contains("    CONFIG.PSU__USE__S_AXI_GP0 {1} \\\n"), tcl);
        assertTrue(tcl.contains("[get_bd_pins ps_0/saxihpc0_fpd_aclk]"), tcl);
        assertTrue(tcl.contains("connect_bd_intf_net [get_bd_intf_pins mem_sc/M00_AXI] [get_bd_intf_pins ps_0/S_AXI_HPC0_FPD]"), tcl);
        Board m = variant("\"control_master\": \"M_AXI_HPM0_FPD\"", "\"control_master\": \"M_AXI_HPM0_LPD\"");
        String t2 = ZynqProjectTcl.render(m, K, List.of("k.v", "leds.v"), "leds", 4, "lab.xdc");
        assertTrue(t2.contains("    CONFIG.PSU__USE__M_AXI_GP0 {0} \\\n    CONFIG.PSU__USE__M_AXI_GP1 {0} \\\n"
                + "    CONFIG.PSU__USE__M_AXI_GP2 {1} \\\n"), t2);
    }

    @Test
    void unknownPortsAndProcessorsAreOneLineErrors() {
        Board port = variant("\"memory_slave\": \"S_AXI_HP0_FPD\"", "\"memory_slave\": \"M_AXI_HPM1_FPD\"");
        assertEquals("processing_system.memory_slave = 'M_AXI_HPM1_FPD' is not a zynq_ultra_ps_e slave port; use one of"
                + " S_AXI_HP0_FPD, S_AXI_HP1_FPD, S_AXI_HP2_FPD, S_AXI_HP3_FPD, S_AXI_HPC0_FPD, S_AXI_HPC1_FPD",
                assertThrows(BoardError.class, () -> ZynqProjectTcl.render(port, K, List.of("k.v", "leds.v"), "leds", 4, "x.xdc")).getMessage());
        Board ps7 = variant("\"ip\": \"zynq_ultra_ps_e\"", "\"ip\": \"processing_system7\"");
        assertEquals("processing_system.ip = 'processing_system7' is not supported by the vivado_bd flow; use"
                + " zynq_ultra_ps_e (Zynq UltraScale+ MPSoC)",
                assertThrows(BoardError.class, () -> ZynqProjectTcl.render(ps7, K, List.of("k.v", "leds.v"), "leds", 4, "x.xdc")).getMessage());
    }
}
