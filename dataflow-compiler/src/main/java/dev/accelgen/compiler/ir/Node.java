package dev.accelgen.compiler.ir;

import java.util.List;
import java.util.Objects;

/** One operation: named inputs and outputs refer to graph values; "" marks an omitted optional input. */
public record Node(String name, Op op, List<String> inputs, List<String> outputs) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("node " + name + " has no outputs");
        }
    }

    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    public boolean hasInput(int i) {
        return !input(i).isEmpty();
    }

    public String output() {
        return outputs.get(0);
    }
}
