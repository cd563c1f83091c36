package dev.accelgen.pe.accel.model;

/** A growable FIFO of fixed-size records of longs, without allocation in steady state. */
final class LongRing {
    private final int width;
    private long[] data;
    private int head;
    private int size;

    LongRing(int width) {
        this.width = width;
        this.data = new long[16 * width];
    }

    int size() {
        return size;
    }

    private int capacity() {
        return data.length / width;
    }

    long get(int i, int field) {
        return data[((head + i) % capacity()) * width + field];
    }

    void set(int i, int field, long v) {
        data[((head + i) % capacity()) * width + field] = v;
    }

    void add(long a, long b, long c) {
        if (size == capacity()) {
            long[] d = new long[data.length * 2];
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, ((head + i) % capacity()) * width, d, i * width, width);
            }
            data = d;
            head = 0;
        }
        int s = ((head + size) % capacity()) * width;
        data[s] = a;
        if (width > 1) {
            data[s + 1] = b;
        }
        if (width > 2) {
            data[s + 2] = c;
        }
        size++;
    }

    void remove() {
        head = (head + 1) % capacity();
        size--;
    }
}
