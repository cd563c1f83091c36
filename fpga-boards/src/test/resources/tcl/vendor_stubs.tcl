# Stands in for Vivado: every vendor command is recorded (one Tcl list per call) instead of run.
# Usage: tclsh run_stubbed.tcl <calls-out-file> <script> [vivado-version]
# Commands Tcl itself knows run for real, except "file copy" (its sources are vendor outputs that do not exist).

set ::accelgen_calls {}
set ::stub_version [expr {[llength $argv] > 2 ? [lindex $argv 2] : "2022.2"}]

proc stub_record {args} {
    lappend ::accelgen_calls $args
}

# Any command Tcl does not know is a vendor command: record it and return its last argument, which is the
# object name for create_* / get_* calls and harmless elsewhere.
proc unknown {args} {
    stub_record {*}$args
    return [lindex $args end]
}

proc version {args} {
    stub_record version {*}$args
    return $::stub_version
}

proc get_property {args} {
    stub_record get_property {*}$args
    switch -- [lindex $args 0] {
        PROGRESS {return "100%"}
        STATUS {return "write_bitstream Complete!"}
        DIRECTORY {return "/stub/runs/[lindex $args end]"}
        NAME {return [lindex $args end]}
    }
    return [lindex $args end]
}

proc make_wrapper {args} {
    stub_record make_wrapper {*}$args
    return "/stub/gen/accel_bd_wrapper.v"
}

namespace eval ipx {}
proc ipx::get_user_parameters {args} {
    stub_record ipx::get_user_parameters {*}$args
    return {}
}

rename file ::stub_tcl_file
proc file {sub args} {
    if {$sub eq "copy"} {
        stub_record file copy {*}$args
        return
    }
    return [::stub_tcl_file $sub {*}$args]
}

set calls_out [lindex $argv 0]
set script [lindex $argv 1]
set argv {}
set argc 0
set status [catch {source $script} err]
set f [open $calls_out w]
foreach c $::accelgen_calls {
    puts $f $c
}
close $f
if {$status} {
    puts stderr "ERROR: $err"
    exit 1
}
exit 0
