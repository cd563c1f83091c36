package dev.accelgen.boards.model;

/** The hard processor a Vivado block design builds around, and the ports the accelerator uses on it. */
public record ProcessingSystem(String ip, String controlMaster, String memorySlave, String fabricClock,
                               long controlBase) {
    public ProcessingSystem {
        Check.nonBlank("ip", ip);
        Check.nonBlank("control_master", controlMaster);
        Check.nonBlank("memory_slave", memorySlave);
        Check.nonBlank("fabric_clock", fabricClock);
        if (controlBase < 0 || (controlBase & 0xFFFF) != 0) {
            throw new IllegalArgumentException(String.format("control_base = 0x%X out of range, must be a"
                    + " non-negative multiple of 0x10000", controlBase));
        }
    }
}
