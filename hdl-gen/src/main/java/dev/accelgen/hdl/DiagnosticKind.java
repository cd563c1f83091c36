package dev.accelgen.hdl;

/** Kinds of design-rule violations, each with a stable id that tools and tests can match on. */
public enum DiagnosticKind {
    WIDTH_MISMATCH("HDL-W01"),
    TYPE_MISMATCH("HDL-W02"),
    MULTIPLE_DRIVERS("HDL-D01"),
    UNDRIVEN("HDL-D02"),
    LATCH("HDL-D03"),
    COMBINATIONAL_LOOP("HDL-L01"),
    UNCONNECTED_INPUT("HDL-H01"),
    HIERARCHY_VIOLATION("HDL-H02"),
    NAME("HDL-N01");

    private final String id;

    DiagnosticKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
