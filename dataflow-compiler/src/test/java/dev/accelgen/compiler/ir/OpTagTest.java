package dev.accelgen.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every op record reports the tag named after it, and every tag has exactly one record. */
class OpTagTest {
    /** A value every record's constructor accepts (a MoE needs at least one expert, a window a causal attention). */
    private static Object defaultValue(Class<?> t) {
        if (t == boolean.class) {
            return true;
        }
        if (t == int.class) {
            return 1;
        }
        if (t == float.class) {
            return 0f;
        }
        return null;
    }

    @Test
    void tagsMatchRecords() throws Exception {
        Set<Op.Tag> seen = new HashSet<>();
        for (Class<?> c : Op.class.getPermittedSubclasses()) {
            RecordComponent[] rc = c.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                args[i] = defaultValue(types[i]);
            }
            Constructor<?> k = c.getDeclaredConstructor(types);
            Op op = (Op) k.newInstance(args);
            String expected = c.getSimpleName().replaceAll("(?<!^)(?=[A-Z])", "_").toUpperCase(java.util.Locale.ROOT);
            assertEquals(expected, op.tag().name(), c.getSimpleName());
            seen.add(op.tag());
        }
        assertEquals(Set.of(Op.Tag.values()), seen);
    }
}
