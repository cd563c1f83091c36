package dev.accelgen.boards.model;

/** FPGA resources accelgen budgets for. BRAM is counted in 36 Kb blocks, URAM in 288 Kb blocks. */
public enum ResourceKind {
    LUT("lut"), FF("ff"), DSP("dsp"), BRAM36("bram36"), URAM("uram");

    private final String key;

    ResourceKind(String key) {
        this.key = key;
    }

    /** The field name used in board.json and in reports. */
    public String key() {
        return key;
    }
}
