package dev.accelgen.pe.accel.isa;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Random;

/** Random valid instructions of every opcode, field values spread over their whole encodable ranges. */
public final class RandomInstrs {
    private RandomInstrs() {
    }

    public static Instr of(Opcode op, Random rng) {
        List<FieldLayout> fields = InstrLayout.of(op);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Object[] args = new Object[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                FieldLayout f = fields.get(i);
                args[i] = switch (f.kind()) {
                    case DEPS -> new Deps(rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean());
                    case ENUM -> f.type().getEnumConstants()[rng.nextInt(f.type().getEnumConstants().length)];
                    case BOOL -> rng.nextBoolean();
                    case INT -> f.type() == int.class ? (Object) (int) value(rng, f.width(), f.signed())
                            : (Object) value(rng, f.width(), f.signed());
                    case OPND -> new Opnd(rng.nextInt(16), value(rng, f.immWidth(), f.signed()));
                };
            }
            try {
                return (Instr) op.type().getDeclaredConstructors()[0].newInstance(args);
            } catch (InvocationTargetException e) {
                // constraint violated (e.g. a flag a queue does not have): draw again
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no valid random " + op + " in 10000 draws");
    }

    /** Extremes one time in four, small powers of two one time in four, otherwise uniform over the range. */
    private static long value(Random rng, int width, boolean signed) {
        long span = width >= 63 ? Long.MAX_VALUE : 1L << width;
        long min = signed ? -(span / 2) : 0;
        long max = signed ? span / 2 - 1 : (width >= 63 ? Integer.MAX_VALUE : span - 1);
        return switch (rng.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            case 2, 3 -> Math.min(max, 2L << rng.nextInt(Math.min(6, width)));
            default -> min + (long) (rng.nextDouble() * (max - min));
        };
    }
}
