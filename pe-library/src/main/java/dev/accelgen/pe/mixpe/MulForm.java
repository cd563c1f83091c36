package dev.accelgen.pe.mixpe;

/** How a MixPE lane multiplies its weight code by its activation. */
public enum MulForm {
    /** One shifted copy of the activation per set weight bit, summed in the group's adder tree. */
    SHIFT_ADD("shiftadd"),
    /** A behavioural {@code *} per lane: the baseline the shift-and-add form is measured against. */
    LUT_MUL("lutmul");

    private final String tag;

    MulForm(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
