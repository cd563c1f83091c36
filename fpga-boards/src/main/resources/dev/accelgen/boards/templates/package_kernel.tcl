@@HEADER@@
# Packages rtl/ as a Vitis RTL kernel IP (UG1393 "Packaging the RTL code as a Vitis XO").
# Sourced by gen_xo.tcl; expects bundle_dir and build_dir to be set.

set pack_dir [file join $build_dir kernel_pack]
set ip_dir [file join $build_dir packaged_kernel]

create_project -force kernel_pack $pack_dir -part @@PART@@
# Synthesis sources (simulation-only models such as DSP48E2.v stay out: Vivado uses its own primitive).
set rtl_files {}
foreach f {@@RTL_FILES@@} {
    lappend rtl_files [file join $bundle_dir rtl $f]
}
add_files -norecurse $rtl_files
set_property top @@TOP@@ [current_fileset]
update_compile_order -fileset sources_1

ipx::package_project -root_dir $ip_dir -vendor accelgen.dev -library RTLKernel -taxonomy /KernelIP -import_files -set_current false
ipx::unload_core [file join $ip_dir component.xml]
ipx::edit_ip_in_project -upgrade true -name tmp_edit_project -directory $ip_dir [file join $ip_dir component.xml]

set core [ipx::current_core]
set_property core_revision 1 $core
foreach up [ipx::get_user_parameters -of_objects $core] {
    ipx::remove_user_parameter [get_property NAME $up] $core
}
ipx::associate_bus_interfaces -busif @@CONTROL@@ -clock ap_clk $core
@@ASSOCIATE_MASTERS@@
# The interrupt output, named interrupt as UG1393 requires of RTL kernels.
ipx::infer_bus_interface interrupt xilinx.com:signal:interrupt_rtl:1.0 $core
set_property value LEVEL_HIGH [ipx::add_bus_parameter SENSITIVITY [ipx::get_bus_interfaces interrupt -of_objects $core]]

# The control register map: 0x00 control, 0x04 GIE, 0x08 IER, 0x0C ISR, then the arguments.
set mem_map [ipx::add_memory_map -quiet @@CONTROL@@ $core]
set addr_block [ipx::add_address_block -quiet reg0 $mem_map]
set_property range 0x1000 $addr_block
set_property slave_memory_map_ref @@CONTROL@@ [ipx::get_bus_interfaces -of_objects $core @@CONTROL@@]

proc accelgen_add_register {addr_block name offset bytes description busif} {
    set reg [ipx::add_register -quiet $name $addr_block]
    set_property address_offset $offset $reg
    set_property size [expr {$bytes * 8}] $reg
    set_property description $description $reg
    if {$busif ne ""} {
        set param [ipx::add_register_parameter -quiet ASSOCIATED_BUSIF $reg]
        set_property value $busif $param
    }
}
accelgen_add_register $addr_block CTRL 0x000 4 "ap_start ap_done ap_idle ap_ready auto_restart" ""
accelgen_add_register $addr_block GIER 0x004 4 "global interrupt enable" ""
accelgen_add_register $addr_block IP_IER 0x008 4 "interrupt enable: bit0 ap_done, bit1 ap_ready" ""
accelgen_add_register $addr_block IP_ISR 0x00C 4 "interrupt status: bit0 ap_done, bit1 ap_ready (toggle on write)" ""
@@ARG_REGISTERS@@
set_property xpm_libraries {XPM_CDC XPM_MEMORY XPM_FIFO} $core
set_property sdx_kernel true $core
set_property sdx_kernel_type rtl $core
set_property supported_families {} $core
set_property auto_family_support_level level_2 $core
ipx::create_xgui_files $core
ipx::update_checksums $core
ipx::check_integrity -kernel $core
ipx::save_core $core
close_project -delete
