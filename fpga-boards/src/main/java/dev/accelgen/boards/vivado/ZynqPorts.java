package dev.accelgen.boards.vivado;

import dev.accelgen.errors.BoardError;

import java.util.List;
import java.util.Map;

/**
 * What the Zynq UltraScale+ PS (zynq_ultra_ps_e) calls its AXI ports in configuration and clock pins.
 * Only this processing system is supported by the block-design flow; board.json files naming another one are rejected.
 */
record ZynqPorts(String enableParam, String aclkPin) {
    static final String IP = "zynq_ultra_ps_e";

    /** The PS masters that can carry the control path; all are listed so unused ones are switched off explicitly. */
    static final List<String> MASTERS = List.of("M_AXI_HPM0_FPD", "M_AXI_HPM1_FPD", "M_AXI_HPM0_LPD");

    private static final Map<String, ZynqPorts> PORTS = Map.of(
            "M_AXI_HPM0_FPD", new ZynqPorts("PSU__USE__M_AXI_GP0", "maxihpm0_fpd_aclk"),
            "M_AXI_HPM1_FPD", new ZynqPorts("PSU__USE__M_AXI_GP1", "maxihpm1_fpd_aclk"),
            "M_AXI_HPM0_LPD", new ZynqPorts("PSU__USE__M_AXI_GP2", "maxihpm0_lpd_aclk"),
            "S_AXI_HPC0_FPD", new ZynqPorts("PSU__USE__S_AXI_GP0", "saxihpc0_fpd_aclk"),
            "S_AXI_HPC1_FPD", new ZynqPorts("PSU__USE__S_AXI_GP1", "saxihpc1_fpd_aclk"),
            "S_AXI_HP0_FPD", new ZynqPorts("PSU__USE__S_AXI_GP2", "saxihp0_fpd_aclk"),
            "S_AXI_HP1_FPD", new ZynqPorts("PSU__USE__S_AXI_GP3", "saxihp1_fpd_aclk"),
            "S_AXI_HP2_FPD", new ZynqPorts("PSU__USE__S_AXI_GP4", "saxihp2_fpd_aclk"),
            "S_AXI_HP3_FPD", new ZynqPorts("PSU__USE__S_AXI_GP5", "saxihp3_fpd_aclk"));

    static ZynqPorts of(String field, String port, boolean master) {
        ZynqPorts p = PORTS.get(port);
        if (p == null || port.startsWith("M_") != master) {
            List<String> allowed = PORTS.keySet().stream().filter(k -> k.startsWith("M_") == master).sorted().toList();
            throw new BoardError("", "processing_system." + field + " = '" + port + "' is not a " + IP + " "
                    + (master ? "master" : "slave") + " port; use one of " + String.join(", ", allowed));
        }
        return p;
    }

    static void requireZynqUltrascale(String ip) {
        if (!IP.equals(ip)) {
            throw new BoardError("", "processing_system.ip = '" + ip + "' is not supported by the vivado_bd flow;"
                    + " use " + IP + " (Zynq UltraScale+ MPSoC)");
        }
    }
}
