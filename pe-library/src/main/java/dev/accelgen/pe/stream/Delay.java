package dev.accelgen.pe.stream;

/**
 * A fixed delay line for cycle models: what enters in one {@link #step} leaves exactly {@code cycles} steps
 * later (null = nothing), the Java twin of a chain of pipeline registers.
 *
 * @param <T> what travels
 */
public final class Delay<T> {
    private final Object[] slots;
    private int head;

    public Delay(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("a delay needs at least one cycle, got " + cycles);
        }
        slots = new Object[cycles];
    }

    /** One clock cycle: takes {@code in} (or null) and returns what entered {@code cycles} steps ago (or null). */
    @SuppressWarnings("unchecked")
    public T step(T in) {
        T out = (T) slots[head];
        slots[head] = in;
        head = (head + 1) % slots.length;
        return out;
    }
}
