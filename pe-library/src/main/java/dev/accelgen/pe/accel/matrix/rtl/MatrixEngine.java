package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The matrix engine of one matrix unit (docs/accelerator.md, "Matrix engines"; timing in docs/isa.md): fetch
 * ({@link FetchRtl}), issue ({@link IssueRtl}), the unit ({@link UnitAttach}) and the output stage
 * ({@link OutputRtl}) around shared slots, row buffer and column-parameter buffers. Cycle for cycle what
 * {@code MatrixEngineModel} computes. The output stage's buffer requests take the ports before the fetch
 * stage's; {@code ready} and {@code busy} are functions of registers.
 */
public record MatrixEngine() implements EngineGen<MatrixEngineConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.MM);
    private static final String[] FIELDS = {"rows", "k", "n", "act", "actStride", "wbank", "wAddr", "out", "outStride",
        "cparam", "q", "qShift", "dShift", "sbuf", "bias", "accumulate", "rowScale", "gather", "overlap", "sparse"};

    @Override
    public String moduleName(MatrixEngineConfig c) {
        return c.moduleName();
    }

    @Override
    public Set<Opcode> opcodes(MatrixEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(MatrixEngineConfig c) {
        return EngineField.of(OPS, FIELDS);
    }

    @Override
    public EngineGeometry geometry(MatrixEngineConfig c) {
        return EngineGeometry.of(c.hw(), true);
    }

    @Override
    public void build(ModuleBuilder b, MatrixEngineConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        Flags flags = new Flags(b);
        FetchRtl fetch = new FetchRtl(b, c, io, flags);
        SlotRegs slots = new SlotRegs(b, c, io, fetch.load, fetch.slot, fetch.countArrives, fetch.countSlot,
                fetch.countValue);
        RowBuffer rb = new RowBuffer(b, c);
        ParamBuffer params = new ParamBuffer(b, c);
        IssueRtl issue = new IssueRtl(b, c, io, slots, rb, flags);
        UnitAttach.Fragment frag = UnitAttach.of(c.spec()).attach(b, c, issue.beat);
        OutputRtl out = new OutputRtl(b, c, io, slots, params, flags, frag);
        fetch.build(slots, rb, params, flags, out.abClaim, out.sbClaim);

        int aw = c.abufAddrBits();
        int sw = c.sbufAddrBits();
        Bool abOp = fetch.opValid.and(fetch.opSbuf.not());
        Bool sbOp = fetch.opValid.and(fetch.opSbuf);
        Bool abEn = b.regNext("ab_rd_en_q", out.abClaim.or(abOp), 0);
        UInt abAddr = RtlOps.hold(b, "ab_rd_addr_q", out.abClaim.or(abOp),
                out.abClaim.select(out.abClaimAddr, fetch.opAddr.resize(aw)));
        Bool sbEn = b.regNext("sb_rd_en_q", out.sbClaim.or(sbOp), 0);
        UInt sbAddr = RtlOps.hold(b, "sb_rd_addr_q", out.sbClaim.or(sbOp),
                out.sbClaim.select(out.sbClaimAddr, fetch.opAddr.resize(sw)));
        io.abRdEn().set(abEn);
        io.abRdAddr().set(abAddr);
        io.sbRdEn().set(sbEn);
        io.sbRdAddr().set(sbAddr);
        io.sbWrEn().set(Bool.FALSE);
        io.sbWrAddr().set(UInt.lit(0, sw));
        io.sbWrData().set(Bits.lit(0, 32));

        Bool accepted = b.regNext("go_accepted", fetch.load, 0);
        io.ready().set(fetch.ready(flags));
        io.busy().set(b.named("busy_any", accepted.or(flags.anyInUse()).or(io.abWrEn())));
    }
}
