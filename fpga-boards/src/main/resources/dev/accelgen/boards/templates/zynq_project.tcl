@@HEADER@@
# Usage: vivado -mode batch -source vivado/create_project.tcl   (from the bundle directory; build.sh does this)
# Creates the Vivado project, the block design (processing system + accelerator), runs implementation to a
# bitstream and exports build/out/@@PROJECT@@.{bit,hwh,xsa}.

set bundle_dir [file dirname [file dirname [file normalize [info script]]]]
set build_dir [file join $bundle_dir build]
set out_dir [file join $build_dir out]
set jobs [expr {[info exists ::env(ACCELGEN_JOBS)] ? $::env(ACCELGEN_JOBS) : 4}]

source [file join $bundle_dir vivado version_check.tcl]
accelgen_check_version @@BOARD@@ @@VIVADO_MIN@@ "@@VIVADO_MAX@@"

# ---- project ----
create_project @@PROJECT@@ [file join $build_dir vivado] -part @@PART@@ -force
set_property board_part @@BOARD_PART@@ [current_project]
set_property target_language Verilog [current_project]
# Synthesis sources (simulation-only models such as DSP48E2.v stay out: Vivado uses its own primitive).
set rtl_files {}
foreach f {@@RTL_FILES@@} {
    lappend rtl_files [file join $bundle_dir rtl $f]
}
add_files -norecurse $rtl_files
add_files -fileset constrs_1 -norecurse [file join $bundle_dir constraints @@XDC@@]
update_compile_order -fileset sources_1

# ---- block design ----
create_bd_design @@BD@@
create_bd_cell -type ip -vlnv xilinx.com:ip:@@PS_IP@@:* ps_0
apply_bd_automation -rule xilinx.com:bd_rule:@@PS_IP@@ -config {apply_board_preset "1"} [get_bd_cells ps_0]
set_property -dict [list \
@@PS_CONFIG@@] [get_bd_cells ps_0]

# The accelerator and the board status LEDs, straight from the RTL (module references).
create_bd_cell -type module -reference @@TOP@@ accel_0
create_bd_cell -type module -reference @@LEDS@@ leds_0

# Reset: the processing system's pl_resetn0 (active low) and the board push button @@RESET_NAME@@
# (active @@RESET_POLARITY@@) both reset the fabric.
create_bd_cell -type ip -vlnv xilinx.com:ip:proc_sys_reset:* rst_0
set_property -dict [list CONFIG.C_EXT_RESET_HIGH {0} CONFIG.C_AUX_RESET_HIGH {@@RESET_HIGH@@}] [get_bd_cells rst_0]
create_bd_port -dir I -type rst @@RESET_PORT@@
set_property CONFIG.POLARITY @@RESET_BD_POLARITY@@ [get_bd_ports @@RESET_PORT@@]
create_bd_port -dir O -from @@LED_MSB@@ -to 0 led

# AXI: control from @@CONTROL_MASTER@@, memory traffic into @@MEMORY_SLAVE@@ (PS DDR).
create_bd_cell -type ip -vlnv xilinx.com:ip:smartconnect:* ctrl_sc
set_property -dict [list CONFIG.NUM_SI {1} CONFIG.NUM_MI {1}] [get_bd_cells ctrl_sc]
create_bd_cell -type ip -vlnv xilinx.com:ip:smartconnect:* mem_sc
set_property -dict [list CONFIG.NUM_SI {@@MEM_SI@@} CONFIG.NUM_MI {1}] [get_bd_cells mem_sc]
connect_bd_intf_net [get_bd_intf_pins ps_0/@@CONTROL_MASTER@@] [get_bd_intf_pins ctrl_sc/S00_AXI]
connect_bd_intf_net [get_bd_intf_pins ctrl_sc/M00_AXI] [get_bd_intf_pins accel_0/s_axi_control]
@@MASTER_CONNECTS@@
connect_bd_intf_net [get_bd_intf_pins mem_sc/M00_AXI] [get_bd_intf_pins ps_0/@@MEMORY_SLAVE@@]

# Clock: everything on @@FABRIC_CLOCK@@ (@@CLOCK_MHZ@@ MHz).
connect_bd_net [get_bd_pins ps_0/@@FABRIC_CLOCK@@] [get_bd_pins ps_0/@@CONTROL_ACLK@@] \
    [get_bd_pins ps_0/@@MEMORY_ACLK@@] [get_bd_pins ctrl_sc/aclk] [get_bd_pins mem_sc/aclk] \
    [get_bd_pins rst_0/slowest_sync_clk] [get_bd_pins accel_0/ap_clk] [get_bd_pins leds_0/ap_clk]
connect_bd_net [get_bd_pins ps_0/pl_resetn0] [get_bd_pins rst_0/ext_reset_in]
connect_bd_net [get_bd_ports @@RESET_PORT@@] [get_bd_pins rst_0/aux_reset_in]
connect_bd_net [get_bd_pins rst_0/interconnect_aresetn] [get_bd_pins ctrl_sc/aresetn] [get_bd_pins mem_sc/aresetn]
connect_bd_net [get_bd_pins rst_0/peripheral_aresetn] [get_bd_pins accel_0/ap_rst_n] [get_bd_pins leds_0/ap_rst_n]
connect_bd_net [get_bd_pins accel_0/interrupt] [get_bd_pins ps_0/pl_ps_irq0] [get_bd_pins leds_0/irq]
connect_bd_net [get_bd_pins leds_0/led] [get_bd_ports led]

# Addresses: the control registers at a fixed base (the host drivers use it), memory: all of PS DDR.
assign_bd_address -offset @@CONTROL_BASE@@ -range 64K -target_address_space [get_bd_addr_spaces ps_0/Data] \
    [get_bd_addr_segs accel_0/s_axi_control/reg0] -force
assign_bd_address
validate_bd_design
save_bd_design

set bd_file [get_files @@BD@@.bd]
generate_target all $bd_file
set wrapper [make_wrapper -files $bd_file -top]
add_files -norecurse $wrapper
set_property top @@BD@@_wrapper [current_fileset]
update_compile_order -fileset sources_1

# ---- implementation to a bitstream ----
launch_runs impl_1 -to_step write_bitstream -jobs $jobs
wait_on_run impl_1
if {[get_property PROGRESS [get_runs impl_1]] ne "100%"} {
    error "accelgen: implementation did not finish: [get_property STATUS [get_runs impl_1]]; see [get_property DIRECTORY [get_runs impl_1]]/runme.log"
}

# ---- exports: .bit + .hwh for PYNQ, .xsa for Vitis/PetaLinux ----
file mkdir $out_dir
file copy -force [file join [get_property DIRECTORY [get_runs impl_1]] @@BD@@_wrapper.bit] [file join $out_dir @@PROJECT@@.bit]
set hwh [lindex [get_files -all -of_objects $bd_file @@BD@@.hwh] 0]
if {$hwh eq ""} {
    error "accelgen: no @@BD@@.hwh was generated for the block design"
}
file copy -force $hwh [file join $out_dir @@PROJECT@@.hwh]
write_hw_platform -fixed -include_bit -force -file [file join $out_dir @@PROJECT@@.xsa]
puts "accelgen: wrote [file join $out_dir @@PROJECT@@.bit], .hwh and .xsa"
