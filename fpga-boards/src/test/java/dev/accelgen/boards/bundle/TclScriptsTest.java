package dev.accelgen.boards.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated Tcl script parses under tclsh and, with Vivado stubbed, issues the build steps in order. */
class TclScriptsTest {
    @TempDir
    Path tmp;

    private Path bundle(String board) {
        Path out = tmp.resolve(board);
        BundleWriter.write(BundleFiles.of(Fixtures.content(board)), out, false);
        return out;
    }

    @Test
    void everyTclFileOfBothBundlesParses() throws Exception {
        int checked = 0;
        for (String board : List.of("zcu104", "u280")) {
            try (Stream<Path> s = Files.walk(bundle(board))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".tcl")).toList()) {
                    assertTrue(TclStub.parses(p), p + " is not complete Tcl");
                    checked++;
                }
            }
        }
        assertEquals(5, checked);
    }

    @Test
    void zcu104ProjectScriptRunsTheWholeBlockDesignFlowInOrder() throws Exception {
        Path b = bundle("zcu104");
        TclStub.Result r = TclStub.run(b.resolve("vivado/create_project.tcl"), "2022.2");
        assertEquals(0, r.exit(), r.stderr());
        r.assertInOrder(List.of(
                "version -short",
                "create_project accel_zcu104 " + b.resolve("build/vivado") + " -part xczu7ev-ffvc1156-2-e -force",
                "set_property board_part xilinx.com:zcu104:part0:1.1",
                "add_files -norecurse {" + b.resolve("rtl/copy_kernel.v") + " " + b.resolve("rtl/status_leds.v") + "}",
                "add_files -fileset constrs_1 -norecurse " + b.resolve("constraints/zcu104.xdc"),
                "create_bd_design accel_bd",
                "create_bd_cell -type ip -vlnv xilinx.com:ip:zynq_ultra_ps_e:* ps_0",
                "apply_bd_automation -rule xilinx.com:bd_rule:zynq_ultra_ps_e -config {apply_board_preset \"1\"}",
                "set_property -dict {CONFIG.PSU__USE__M_AXI_GP0 1 CONFIG.PSU__USE__M_AXI_GP1 0 CONFIG.PSU__USE__M_AXI_GP2 0"
                        + " CONFIG.PSU__USE__S_AXI_GP2 1 CONFIG.PSU__USE__IRQ0 1 CONFIG.PSU__FPGA_PL0_ENABLE 1"
                        + " CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ 100}",
                "create_bd_cell -type module -reference copy_kernel accel_0",
                "create_bd_cell -type module -reference status_leds leds_0",
                "set_property -dict {CONFIG.C_EXT_RESET_HIGH 0 CONFIG.C_AUX_RESET_HIGH 1} rst_0",
                "create_bd_port -dir I -type rst cpu_reset",
                "set_property CONFIG.POLARITY ACTIVE_HIGH cpu_reset",
                "connect_bd_intf_net ps_0/M_AXI_HPM0_FPD ctrl_sc/S00_AXI",
                "connect_bd_intf_net ctrl_sc/M00_AXI accel_0/s_axi_control",
                "connect_bd_intf_net accel_0/m_axi_gmem mem_sc/S00_AXI",
                "connect_bd_intf_net mem_sc/M00_AXI ps_0/S_AXI_HP0_FPD",
                "connect_bd_net ps_0/pl_clk0 ps_0/maxihpm0_fpd_aclk ps_0/saxihp0_fpd_aclk",
                "assign_bd_address -offset 0xA0000000 -range 64K",
                "assign_bd_address",
                "validate_bd_design",
                "save_bd_design",
                "make_wrapper -files accel_bd.bd -top",
                "add_files -norecurse /stub/gen/accel_bd_wrapper.v",
                "set_property top accel_bd_wrapper",
                "launch_runs impl_1 -to_step write_bitstream",
                "wait_on_run impl_1",
                "get_property PROGRESS impl_1",
                "file copy -force /stub/runs/impl_1/accel_bd_wrapper.bit " + b.resolve("build/out/accel_zcu104.bit"),
                "get_files -all -of_objects accel_bd.bd accel_bd.hwh",
                "file copy -force accel_bd.hwh " + b.resolve("build/out/accel_zcu104.hwh"),
                "write_hw_platform -fixed -include_bit -force -file " + b.resolve("build/out/accel_zcu104.xsa")));
    }

    @Test
    void u280GenXoPackagesTheKernelThenWritesTheXo() throws Exception {
        Path b = bundle("u280");
        TclStub.Result r = TclStub.run(b.resolve("vitis/gen_xo.tcl"), "2022.2");
        assertEquals(0, r.exit(), r.stderr());
        r.assertInOrder(List.of(
                "version -short",
                "create_project -force kernel_pack " + b.resolve("build/kernel_pack") + " -part xcu280-fsvh2892-2L-e",
                "add_files -norecurse {" + b.resolve("rtl/copy_kernel.v") + " ",
                "set_property top copy_kernel",
                "ipx::package_project -root_dir " + b.resolve("build/packaged_kernel") + " -vendor accelgen.dev"
                        + " -library RTLKernel -taxonomy /KernelIP -import_files -set_current false",
                "ipx::unload_core",
                "ipx::edit_ip_in_project -upgrade true",
                "ipx::current_core",
                "ipx::associate_bus_interfaces -busif s_axi_control -clock ap_clk",
                "ipx::associate_bus_interfaces -busif m_axi_gmem -clock ap_clk",
                "ipx::add_memory_map -quiet s_axi_control",
                "ipx::add_register -quiet CTRL",
                "set_property address_offset 0x000",
                "ipx::add_register -quiet src",
                "set_property address_offset 0x010",
                "set_property size 64",
                "ipx::add_register_parameter -quiet ASSOCIATED_BUSIF",
                "set_property value m_axi_gmem",
                "ipx::add_register -quiet dst",
                "set_property address_offset 0x01C",
                "set_property sdx_kernel true",
                "set_property sdx_kernel_type rtl",
                "ipx::check_integrity -kernel",
                "ipx::save_core",
                "close_project -delete",
                "package_xo -xo_path " + b.resolve("build/copy_kernel.xo") + " -kernel_name copy_kernel -ip_directory "
                        + b.resolve("build/packaged_kernel")));
    }

    @Test
    void u280ScriptsStopOnAVivadoReleaseWithoutU280Support() throws Exception {
        Path b = bundle("u280");
        TclStub.Result r = TclStub.run(b.resolve("vitis/gen_xo.tcl"), "2024.2");
        assertEquals(1, r.exit());
        assertEquals("ERROR: accelgen: Vivado 2024.2 is newer than 2023.2, the newest release known to support u280"
                + " (device support may have ended); use 2022.1..2023.2 or set ACCELGEN_SKIP_VERSION_CHECK=1\n", r.stderr());
        assertEquals(-1, r.find("create_project", 0));
        assertEquals(-1, r.find("package_xo", 0));
    }

    @Test
    void zcu104ScriptStopsOnAVivadoOlderThanTheBoardFiles() throws Exception {
        TclStub.Result r = TclStub.run(bundle("zcu104").resolve("vivado/create_project.tcl"), "2019.1");
        assertEquals(1, r.exit());
        assertEquals("ERROR: accelgen: Vivado 2019.1 is older than 2020.2, the oldest release supported for zcu104;"
                + " use 2020.2 or newer\n", r.stderr());
        assertEquals(-1, r.find("create_project", 0));
    }

    @Test
    void linkConfigMapsTheComputeUnitInstanceOntoHbm() throws Exception {
        String cfg = Files.readString(bundle("u280").resolve("vitis/link.cfg"));
        assertTrue(cfg.endsWith("[connectivity]\nnk=copy_kernel:1:copy_kernel_1\nsp=copy_kernel_1.m_axi_gmem:HBM[0]\n"
                + "slr=copy_kernel_1:SLR0\n"), cfg);
    }
}
