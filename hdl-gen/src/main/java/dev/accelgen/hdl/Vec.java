package dev.accelgen.hdl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** An indexed group of values of one type, with static and dynamic (multiplexed) access. */
public final class Vec<T extends Val> implements Iterable<T> {
    private final List<T> items;

    public Vec(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a Vec needs at least one element");
        }
        this.items = List.copyOf(items);
    }

    public T get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }

    /**
     * Dynamic read as a balanced multiplexer tree over the index bits (log2(n) levels). An index past the
     * end selects an existing element (the tree's pass-through), never X.
     */
    public T read(UInt index) {
        List<T> level = new ArrayList<>(items);
        int bit = 0;
        while (level.size() > 1) {
            if (bit >= index.width()) {
                return level.get(0);
            }
            Bool sel = index.bit(bit);
            List<T> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(sel.select(level.get(i + 1), level.get(i)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
            bit++;
        }
        return level.get(0);
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
