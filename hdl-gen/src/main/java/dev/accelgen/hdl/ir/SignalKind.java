package dev.accelgen.hdl.ir;

/** What drives a signal and how it is emitted. */
public enum SignalKind {
    /** Input port of the module being built: driven by the parent. */
    INPUT,
    /** Output port: driven combinationally inside the module. */
    OUTPUT,
    /** Internal combinational signal. */
    WIRE,
    /** Register: assignments set its next value. */
    REG,
    /** An input pin of a child instance, seen from the parent: the parent drives it. */
    INSTANCE_INPUT,
    /** An output pin of a child instance, seen from the parent: the child drives it. */
    INSTANCE_OUTPUT,
    /** Registered read data of a synchronous memory port. */
    MEMORY_READ_DATA;

    public boolean isCombinationalTarget() {
        return this == OUTPUT || this == WIRE || this == INSTANCE_INPUT;
    }
}
