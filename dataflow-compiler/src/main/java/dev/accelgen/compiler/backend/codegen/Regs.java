package dev.accelgen.compiler.backend.codegen;

/**
 * The register convention of compiled programs (docs/isa.md "Registers and runs"; plan.json repeats it). The start
 * beat sets r1 = T (rows this run), r2 = P (position of the first row), r3 = the context (positions the
 * positional regions were sized for); the program uses the others as below.
 */
final class Regs {
    static final int T = 1;
    static final int P = 2;
    static final int CONTEXT = 3;
    /** First row of the current chunk (t0). */
    static final int CHUNK = 8;
    /** Rows of the current chunk: min(chunk capacity, T - t0). */
    static final int ROWS = 9;
    /** Position of the chunk's first row: P + t0. */
    static final int POS = 10;
    /** First key of the current key tile. */
    static final int KEY = 11;
    /** Keys of the current key tile. */
    static final int KEYS = 12;
    /** One past the last key the chunk attends to. */
    static final int KEY_END = 13;
    /** Scratch: an address being formed. */
    static final int ADDR = 14;
    /** Scratch: a product or difference being formed. */
    static final int TMP = 15;

    private Regs() {
    }
}
