# Stops with a clear message on a Vivado release outside the range this bundle was written for.
# Set ACCELGEN_SKIP_VERSION_CHECK=1 in the environment to try another release anyway.
proc accelgen_check_version {board min max} {
    set v [version -short]
    if {![regexp {^([0-9]+)\.([0-9]+)} $v -> year release]} {
        error "accelgen: cannot read the Vivado release from '$v'"
    }
    if {[info exists ::env(ACCELGEN_SKIP_VERSION_CHECK)]} {
        puts "accelgen: Vivado $v, version check skipped (ACCELGEN_SKIP_VERSION_CHECK)"
        return $v
    }
    set have [expr {$year * 10 + $release}]
    regexp {^([0-9]+)\.([0-9]+)$} $min -> y r
    if {$have < $y * 10 + $r} {
        error "accelgen: Vivado $v is older than $min, the oldest release supported for $board; use $min or newer"
    }
    if {$max ne ""} {
        regexp {^([0-9]+)\.([0-9]+)$} $max -> y r
        if {$have > $y * 10 + $r} {
            error "accelgen: Vivado $v is newer than $max, the newest release known to support $board (device support may have ended); use $min..$max or set ACCELGEN_SKIP_VERSION_CHECK=1"
        }
    }
    puts "accelgen: Vivado $v accepted for $board ($min..[expr {$max eq {} ? {newer} : $max}])"
    return $v
}
