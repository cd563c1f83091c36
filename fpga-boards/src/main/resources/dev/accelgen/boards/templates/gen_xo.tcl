@@HEADER@@
# Usage: vivado -mode batch -source vitis/gen_xo.tcl   (from the bundle directory; build.sh does this)
# Packages the RTL kernel and writes build/@@TOP@@.xo.

set bundle_dir [file dirname [file dirname [file normalize [info script]]]]
set build_dir [file join $bundle_dir build]
file mkdir $build_dir

source [file join $bundle_dir vitis version_check.tcl]
accelgen_check_version @@BOARD@@ @@VIVADO_MIN@@ "@@VIVADO_MAX@@"

source [file join $bundle_dir vitis package_kernel.tcl]

set xo [file join $build_dir @@TOP@@.xo]
if {[file exists $xo]} {
    file delete -force $xo
}
package_xo -xo_path $xo -kernel_name @@TOP@@ -ip_directory [file join $build_dir packaged_kernel]
puts "accelgen: wrote $xo"
