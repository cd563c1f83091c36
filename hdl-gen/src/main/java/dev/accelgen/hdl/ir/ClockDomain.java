package dev.accelgen.hdl.ir;

/**
 * A clock with its reset and optional clock enable. Port names are taken literally; the ports are created
 * in a module the first time a register of that domain is declared there.
 *
 * @param clock      clock port name, rising edge
 * @param reset      reset port name, or null for registers without reset
 * @param resetKind  synchronous or asynchronous assertion
 * @param activeLow  reset asserted when low
 * @param enable     clock-enable port name, or null
 */
public record ClockDomain(String clock, String reset, ResetKind resetKind, boolean activeLow, String enable) {
    public enum ResetKind { SYNC, ASYNC }

    /** Rising-edge {@code clk}, synchronous active-high {@code rst}, no enable. */
    public static final ClockDomain DEFAULT = new ClockDomain("clk", "rst", ResetKind.SYNC, false, null);

    public ClockDomain {
        if (clock == null || clock.isEmpty()) {
            throw new IllegalArgumentException("clock domain needs a clock port name");
        }
        if (resetKind == null) {
            resetKind = ResetKind.SYNC;
        }
    }

    public static ClockDomain vitis() {
        return new ClockDomain("ap_clk", "ap_rst_n", ResetKind.SYNC, true, null);
    }
}
