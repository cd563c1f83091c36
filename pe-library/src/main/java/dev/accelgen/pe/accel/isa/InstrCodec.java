package dev.accelgen.pe.accel.isa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.List;

/** Encodes instructions as 32 little-endian bytes (a 256-bit word, bit 0 = bit 0 of byte 0) and back. */
public final class InstrCodec {
    private InstrCodec() {
    }

    public static byte[] encode(Instr instr) {
        Opcode op = instr.opcode();
        BigInteger word = BigInteger.valueOf(op.code());
        for (FieldLayout f : InstrLayout.of(op)) {
            Object v = read(f.component(), instr);
            word = switch (f.kind()) {
                case DEPS -> {
                    Deps d = (Deps) v;
                    int bits = (d.popPrev() ? 1 : 0) | (d.popNext() ? 2 : 0) | (d.pushPrev() ? 4 : 0) | (d.pushNext() ? 8 : 0);
                    yield word.or(BigInteger.valueOf(bits).shiftLeft(f.lsb()));
                }
                case ENUM -> put(word, f.lsb(), f.width(), ((Enum<?>) v).ordinal(), false, op, f);
                case BOOL -> put(word, f.lsb(), 1, (Boolean) v ? 1 : 0, false, op, f);
                case INT -> put(word, f.lsb(), f.width(), ((Number) v).longValue(), f.signed(), op, f);
                case OPND -> {
                    Opnd o = (Opnd) v;
                    BigInteger w = put(word, f.lsb(), 4, o.reg(), false, op, f);
                    yield put(w, f.lsb() + 4, f.immWidth(), o.imm(), f.signed(), op, f);
                }
            };
        }
        byte[] out = new byte[InstrLayout.BYTES];
        byte[] be = word.toByteArray();
        for (int i = 0; i < be.length && i < out.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    public static Instr decode(byte[] bytes) {
        if (bytes.length != InstrLayout.BYTES) {
            throw new IllegalArgumentException("an instruction is " + InstrLayout.BYTES + " bytes, got " + bytes.length);
        }
        byte[] be = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            be[be.length - 1 - i] = bytes[i];
        }
        BigInteger word = new BigInteger(be);
        int code = word.intValue() & 0xFF;
        Opcode op = Opcode.byCode(code);
        if (op == null) {
            throw new IllegalInstructionException("unknown opcode 0x" + Integer.toHexString(code));
        }
        List<FieldLayout> fields = InstrLayout.of(op);
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            args[i] = switch (f.kind()) {
                case DEPS -> {
                    int b = (int) get(word, f.lsb(), 4, false);
                    yield new Deps((b & 1) != 0, (b & 2) != 0, (b & 4) != 0, (b & 8) != 0);
                }
                case ENUM -> {
                    Object[] values = f.type().getEnumConstants();
                    int ord = (int) get(word, f.lsb(), f.width(), false);
                    if (ord >= values.length) {
                        throw new IllegalInstructionException(op + "." + f.name() + " has no value " + ord);
                    }
                    yield values[ord];
                }
                case BOOL -> get(word, f.lsb(), 1, false) != 0;
                case INT -> {
                    long v = get(word, f.lsb(), f.width(), f.signed());
                    yield f.type() == int.class ? (Object) (int) v : (Object) v;
                }
                case OPND -> new Opnd((int) get(word, f.lsb(), 4, false), get(word, f.lsb() + 4, f.immWidth(), f.signed()));
            };
        }
        int used = InstrLayout.usedBits(op);
        if (word.bitLength() > used) {
            throw new IllegalInstructionException(op + " has bits set above its last field (bit " + (word.bitLength() - 1) + ")");
        }
        try {
            return (Instr) op.type().getDeclaredConstructors()[0].newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalInstructionException(op + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent c, Instr instr) {
        try {
            return c.getAccessor().invoke(instr);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger put(BigInteger word, int lsb, int width, long value, boolean signed, Opcode op, FieldLayout f) {
        long min = signed ? -(1L << (width - 1)) : 0;
        long max = signed ? (1L << (width - 1)) - 1 : width == 64 ? Long.MAX_VALUE : (1L << width) - 1;
        if (value < min || value > max) {
            throw new IllegalArgumentException(op + "." + f.name() + " = " + value + " does not fit "
                    + (signed ? "signed " : "unsigned ") + width + " bits");
        }
        BigInteger bits = BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
        return word.or(bits.shiftLeft(lsb));
    }

    private static long get(BigInteger word, int lsb, int width, boolean signed) {
        long v = word.shiftRight(lsb).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)).longValue();
        if (signed && width < 64 && (v >> (width - 1) & 1) != 0) {
            v -= 1L << width;
        }
        return v;
    }
}
