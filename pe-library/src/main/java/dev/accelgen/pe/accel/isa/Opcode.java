package dev.accelgen.pe.accel.isa;

import java.util.HashMap;
import java.util.Map;

/** Instruction kinds with their 8-bit codes (bits [7:0] of the instruction) and listing mnemonics. */
public enum Opcode {
    NOP(0x00, ControlInstr.Nop.class),
    LI(0x01, ControlInstr.Li.class),
    ALU(0x02, ControlInstr.Alu.class),
    BRANCH(0x03, ControlInstr.Branch.class),
    HALT(0x04, ControlInstr.Halt.class),
    SYNC(0x10, Sync.class),
    LD(0x11, Ld.class),
    ST(0x12, St.class),
    MM(0x13, Mm.class),
    VBINARY(0x20, VecInstr.VBinary.class),
    VAFFINE(0x21, VecInstr.VAffine.class),
    VACT(0x22, VecInstr.VAct.class),
    VRMSNORM(0x23, VecInstr.VRmsNorm.class),
    VLAYERNORM(0x24, VecInstr.VLayerNorm.class),
    VSOFTMAX(0x25, VecInstr.VSoftmax.class),
    VATTN(0x26, VecInstr.VAttn.class),
    VROPE(0x27, VecInstr.VRope.class),
    VMLGRU(0x28, VecInstr.VMlgru.class),
    VTOPK(0x29, VecInstr.VTopK.class),
    VSCATTER(0x2A, VecInstr.VScatter.class),
    VROWSCALE(0x2B, VecInstr.VRowScale.class),
    VCOPY(0x2C, VecInstr.VCopy.class);

    private static final Map<Integer, Opcode> BY_CODE = new HashMap<>();
    private static final Map<Class<?>, Opcode> BY_CLASS = new HashMap<>();
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode o : values()) {
            BY_CODE.put(o.code, o);
            BY_CLASS.put(o.type, o);
            BY_MNEMONIC.put(o.name(), o);
        }
    }

    private final int code;
    private final Class<? extends Instr> type;

    Opcode(int code, Class<? extends Instr> type) {
        this.code = code;
        this.type = type;
    }

    public int code() {
        return code;
    }

    public Class<? extends Instr> type() {
        return type;
    }

    public boolean queued() {
        return QueuedInstr.class.isAssignableFrom(type);
    }

    public static Opcode of(Class<?> type) {
        Opcode o = BY_CLASS.get(type);
        if (o == null) {
            throw new IllegalArgumentException("no opcode for " + type.getName());
        }
        return o;
    }

    /** The opcode with this code, or null. */
    public static Opcode byCode(int code) {
        return BY_CODE.get(code);
    }

    /** The opcode with this mnemonic, or null. */
    public static Opcode byMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }
}
