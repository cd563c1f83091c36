package dev.accelgen.hdl;

/** Implementation hint for a memory, emitted as the {@code ram_style} attribute Yosys and Vivado honour. */
public enum RamStyle {
    BLOCK("block"), ULTRA("ultra"), DISTRIBUTED("distributed"), AUTO(null);

    private final String attribute;

    RamStyle(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute value, or null to leave the choice to the tool. */
    public String attribute() {
        return attribute;
    }
}
