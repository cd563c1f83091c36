package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.HwType;
import java.util.ArrayList;
import java.util.List;

/**
 * A named group of fields with directions, seen from the module that declares it: {@code in} fields flow
 * into the module. {@link #flip()} gives the other side of the same interface (master vs slave).
 */
public final class Bundle {
    /** One field: name, type and whether it flows into the declaring module. */
    public record Field(String name, HwType type, boolean input) { }

    private final List<Field> fields;

    private Bundle(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Bundle create() {
        return new Bundle(List.of());
    }

    public Bundle in(String name, Type<?> type) {
        return with(new Field(name, type.hw(), true));
    }

    public Bundle out(String name, Type<?> type) {
        return with(new Field(name, type.hw(), false));
    }

    private Bundle with(Field f) {
        List<Field> l = new ArrayList<>(fields);
        l.add(f);
        return new Bundle(l);
    }

    public Bundle flip() {
        List<Field> l = new ArrayList<>();
        for (Field f : fields) {
            l.add(new Field(f.name(), f.type(), !f.input()));
        }
        return new Bundle(l);
    }

    public List<Field> fields() {
        return fields;
    }
}
