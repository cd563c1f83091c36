package dev.accelgen.pe.accel.isa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One instruction as text: {@code MNEMONIC [+popPrev] [+popNext] [+pushPrev] [+pushNext] field=value ...}
 * with every field named as in its record, enums in lower case, operands as {@code r3}, {@code r3+16},
 * {@code r3-2} or a plain number. {@link #parse} reads exactly what {@link #format} writes.
 */
public final class InstrText {
    private InstrText() {
    }

    public static String format(Instr instr) {
        Opcode op = instr.opcode();
        StringBuilder b = new StringBuilder(op.name());
        for (FieldLayout f : InstrLayout.of(op)) {
            Object v = value(f.component(), instr);
            if (f.kind() == FieldLayout.Kind.DEPS) {
                String d = v.toString();
                if (!d.isEmpty()) {
                    b.append(' ').append(d);
                }
                continue;
            }
            b.append(' ').append(f.name()).append('=');
            b.append(v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v.toString());
        }
        return b.toString();
    }

    /** Parses one instruction; throws {@link IllegalArgumentException} naming the problem. */
    public static Instr parse(String text) {
        String[] tok = text.strip().split("\\s+");
        Opcode op = Opcode.byMnemonic(tok[0].toUpperCase(Locale.ROOT));
        if (op == null) {
            throw new IllegalArgumentException("unknown mnemonic '" + tok[0] + "'");
        }
        boolean popPrev = false;
        boolean popNext = false;
        boolean pushPrev = false;
        boolean pushNext = false;
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i < tok.length; i++) {
            String t = tok[i];
            switch (t) {
                case "+popPrev" -> popPrev = true;
                case "+popNext" -> popNext = true;
                case "+pushPrev" -> pushPrev = true;
                case "+pushNext" -> pushNext = true;
                default -> {
                    int eq = t.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("expected field=value, got '" + t + "'");
                    }
                    if (given.put(t.substring(0, eq), t.substring(eq + 1)) != null) {
                        throw new IllegalArgumentException("field '" + t.substring(0, eq) + "' given twice");
                    }
                }
            }
        }
        List<FieldLayout> fields = InstrLayout.of(op);
        Object[] args = new Object[fields.size()];
        boolean hasDeps = false;
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            if (f.kind() == FieldLayout.Kind.DEPS) {
                args[i] = new Deps(popPrev, popNext, pushPrev, pushNext);
                hasDeps = true;
                continue;
            }
            String v = given.remove(f.name());
            if (v == null) {
                throw new IllegalArgumentException(op + " needs field '" + f.name() + "'");
            }
            args[i] = switch (f.kind()) {
                case ENUM -> enumValue(f.type(), v, f.name());
                case BOOL -> bool(v, f.name());
                case INT -> f.type() == int.class ? (Object) Math.toIntExact(number(v, f.name())) : (Object) number(v, f.name());
                case OPND -> operand(v, f.name());
                case DEPS -> throw new IllegalStateException();
            };
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(op + " has no field '" + given.keySet().iterator().next() + "'");
        }
        if (!hasDeps && (popPrev || popNext || pushPrev || pushNext)) {
            throw new IllegalArgumentException(op + " is not queued and takes no dependency flags");
        }
        try {
            return (Instr) op.type().getDeclaredConstructors()[0].newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(RecordComponent c, Instr instr) {
        try {
            return c.getAccessor().invoke(instr);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object enumValue(Class<?> type, String v, String field) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException(field + " has no value '" + v + "'");
    }

    private static boolean bool(String v, String field) {
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new IllegalArgumentException(field + " must be true or false (got '" + v + "')");
    }

    private static long number(String v, String field) {
        try {
            boolean neg = v.startsWith("-");
            String s = neg ? v.substring(1) : v;
            long n = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            return neg ? -n : n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number (got '" + v + "')");
        }
    }

    private static Opnd operand(String v, String field) {
        if (!v.startsWith("r")) {
            return Opnd.imm(number(v, field));
        }
        int split = 1;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        if (split == 1) {
            throw new IllegalArgumentException(field + " must be rN, rN+imm or a number (got '" + v + "')");
        }
        int reg = Integer.parseInt(v.substring(1, split));
        String rest = v.substring(split);
        long imm = rest.isEmpty() ? 0 : number(rest.startsWith("+") ? rest.substring(1) : rest, field);
        return new Opnd(reg, imm);
    }
}
