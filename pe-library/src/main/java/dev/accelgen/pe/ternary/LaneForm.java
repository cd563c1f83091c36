package dev.accelgen.pe.ternary;

/**
 * How the ternary lanes and the first adder level are written. All three compute the same sum;
 * they exist side by side so that one Yosys run can compare their cost.
 */
public enum LaneForm {
    /** {@code c[0] ? (c[1] ? 0 - a : a) : 0}, then a plain adder tree. */
    NAIVE("naive"),
    /** {@code c[0] ? a ^ {W{c[1]}} : 0} with each lane's +1 fed into an adder-tree carry-in. */
    CARRY_IN("cin"),
    /**
     * The carry-in form with the first adder level mapped by hand: one LUT6_2 per bit of a lane
     * pair computes both the propagate (O6) and the generate (O5) of a CARRY4 chain.
     */
    LUT6_2("lut62");

    private final String tag;

    LaneForm(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
