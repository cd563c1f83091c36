package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.QueuedInstr;

/** One instruction queue of the controller in the cycle model: resolved instructions with their program indices. */
final class InstrQueue {
    private final QueuedInstr[] instrs;
    private final int[] pcs;
    private int head;
    private int count;

    InstrQueue(int depth) {
        instrs = new QueuedInstr[depth];
        pcs = new int[depth];
    }

    int count() {
        return count;
    }

    QueuedInstr head() {
        return count == 0 ? null : instrs[head];
    }

    int headPc() {
        return pcs[head];
    }

    void push(QueuedInstr i, int pc) {
        int slot = (head + count) % instrs.length;
        instrs[slot] = i;
        pcs[slot] = pc;
        count++;
    }

    void pop() {
        instrs[head] = null;
        head = (head + 1) % instrs.length;
        count--;
    }

    void clear() {
        while (count > 0) {
            pop();
        }
        head = 0;
    }
}
