package dev.accelgen.pe.accel.core;

/**
 * One compared event of a core run, golden or RTL, normalised: its cycle, its category (the order of
 * categories within a cycle), where it happened (a port or buffer), its compared fields as text, and the
 * program index of the instruction that caused it (golden only; -1 fetch or unknown).
 */
record TraceItem(long cycle, Category category, String where, String fields, int instr) {
    /** In-cycle order of event kinds. */
    enum Category {
        START("start beat accepted"), AR("AR"), AW("AW"), W("W beat"), B("B"), BUFFER("write"), DONE("done");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    boolean sameKey(TraceItem o) {
        return cycle == o.cycle && category == o.category && where.equals(o.where);
    }

    int compareKey(TraceItem o) {
        int c = Long.compare(cycle, o.cycle);
        if (c != 0) {
            return c;
        }
        c = category.compareTo(o.category);
        return c != 0 ? c : where.compareTo(o.where);
    }
}
