package dev.accelgen.pe.regress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.errors.ConfigError;
import dev.accelgen.errors.UserInputException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A unit's config record as JSON, component by component: {@code {"wBits": 4, "aType": "fp16", ...}}. An int or
 * long component takes a JSON integer, a boolean a JSON boolean; an enum takes its spelling on the command line
 * ({@code cliName()} or {@code tag()}, e.g. {@code "fp16"}) or its constant name in any case ({@code "FP16"}); any
 * other type takes the string its static {@code parse(String)} accepts (e.g. sparsity {@code "2:4"}). Every
 * component is required, unknown keys are errors, and the record's own validation applies.
 */
public final class ConfigJson {
    private static final List<String> SPELLING_METHODS = List.of("cliName", "tag", "spec");

    private ConfigJson() {
    }

    /** Builds the record; problems become {@code error.apply(message)} (a ConfigError naming the suite entry). */
    public static <C extends Record> C read(Class<C> type, ObjectNode json, Function<String, ConfigError> error) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!names.contains(k)) {
                throw error.apply("config has no component \"" + k + "\" (components: " + String.join(", ", names) + ")");
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode v = json.get(components[i].getName());
            if (v == null || v.isNull()) {
                throw error.apply("config is missing \"" + components[i].getName() + "\" (components: "
                        + String.join(", ", names) + ")");
            }
            values[i] = value(components[i].getName(), types[i], v, error);
        }
        try {
            Constructor<C> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof UserInputException) {
                throw error.apply("config: " + e.getCause().getMessage());
            }
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /** The record as JSON in the form {@link #read} accepts. */
    public static ObjectNode write(Record config) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            Object v = component(config, c);
            if (v instanceof Integer i) {
                o.put(c.getName(), i);
            } else if (v instanceof Long l) {
                o.put(c.getName(), l);
            } else if (v instanceof Boolean b) {
                o.put(c.getName(), b);
            } else {
                o.put(c.getName(), spelling(v));
            }
        }
        return o;
    }

    /** The component values as words: {@code [4, fp16, 4, 8, 1, shiftadd]}. */
    public static List<String> words(Record config) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            Object v = component(config, c);
            out.add(v instanceof Number || v instanceof Boolean ? v.toString() : spelling(v));
        }
        return out;
    }

    private static Object value(String name, Class<?> type, JsonNode v, Function<String, ConfigError> error) {
        if (type == int.class || type == long.class) {
            boolean fits = v.isIntegralNumber() && (type == long.class ? v.canConvertToLong() : v.canConvertToInt());
            if (!fits) {
                throw error.apply("config \"" + name + "\" must be an integer (got " + v + ")");
            }
            return type == int.class ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (type == boolean.class) {
            if (!v.isBoolean()) {
                throw error.apply("config \"" + name + "\" must be true or false (got " + v + ")");
            }
            return v.booleanValue();
        }
        if (!v.isTextual()) {
            throw error.apply("config \"" + name + "\" must be a string (got " + v + ")");
        }
        return type.isEnum() ? enumValue(name, type, v.asText(), error) : parsed(name, type, v.asText(), error);
    }

    private static Object enumValue(String name, Class<?> type, String text, Function<String, ConfigError> error) {
        List<String> accepted = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String spelled = spelling(constant);
            if (spelled.equals(text) || ((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
            accepted.add(spelled);
        }
        throw error.apply("config \"" + name + "\" must be one of " + String.join(", ", accepted) + " (got \"" + text + "\")");
    }

    private static Object parsed(String name, Class<?> type, String text, Function<String, ConfigError> error) {
        Method parse;
        try {
            parse = type.getMethod("parse", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("config component " + name + " of type " + type.getSimpleName()
                    + " has no static parse(String) to read it from JSON");
        }
        if (!Modifier.isStatic(parse.getModifiers()) || !type.isAssignableFrom(parse.getReturnType())) {
            throw new IllegalStateException(type.getSimpleName() + ".parse(String) must be static and return " + type.getSimpleName());
        }
        try {
            return parse.invoke(null, text);
        } catch (InvocationTargetException e) {
            throw error.apply("config \"" + name + "\": " + e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a value is written: an enum's {@code cliName()}, {@code tag()} or {@code spec()}, else toString(). */
    static String spelling(Object v) {
        for (String m : SPELLING_METHODS) {
            try {
                Method method = v.getClass().getMethod(m);
                if (method.getReturnType() == String.class && method.getParameterCount() == 0) {
                    return (String) method.invoke(v);
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v.toString();
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
