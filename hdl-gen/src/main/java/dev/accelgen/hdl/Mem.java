package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.MemoryDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A RAM or ROM. Ports are declared at module level (not inside {@code when}): put the condition into the
 * port's enable. Synchronous reads register the data (block/ultra RAM); asynchronous reads suit
 * distributed RAM and small ROMs.
 */
public final class Mem<T extends Val> {
    private final ModuleBuilder builder;
    private final MemoryDef def;
    private final Type<T> wordType;

    Mem(ModuleBuilder builder, MemoryDef def, Type<T> wordType) {
        this.builder = builder;
        this.def = def;
        this.wordType = wordType;
    }

    public int addressWidth() {
        return def.addressWidth();
    }

    public int depth() {
        return def.depth();
    }

    /** Initial contents (ROM data or RAM power-up values); signed values are stored in two's complement. */
    public Mem<T> init(List<BigInteger> words) {
        if (words.size() > def.depth()) {
            throw new IllegalArgumentException("memory " + def.name() + " has " + def.depth() + " words, got "
                    + words.size() + " initial values");
        }
        List<BigInteger> masked = new ArrayList<>();
        for (BigInteger w : words) {
            Vals.checkRange(w, wordType.hw());
            masked.add(w.and(dev.accelgen.hdl.ir.Exprs.mask(wordType.width())));
        }
        def.setInitialContents(masked);
        return this;
    }

    public Mem<T> init(long... words) {
        List<BigInteger> l = new ArrayList<>();
        for (long w : words) {
            l.add(BigInteger.valueOf(w));
        }
        return init(l);
    }

    public void write(Bool enable, UInt address, T data) {
        SourceLoc loc = SourceLoc.capture();
        checkPort(address, loc);
        checkWord(data, loc);
        def.writePorts().add(new MemoryDef.WritePort(builder.useDomain(builder.domain()), enable.expr, address.expr,
                data.expr, loc));
    }

    /** Registered read: {@code dataName} holds mem[address] one cycle after a cycle with {@code enable} high. */
    public T readSync(Bool enable, UInt address, String dataName) {
        SourceLoc loc = SourceLoc.capture();
        checkPort(address, loc);
        Signal data = builder.declare(dataName, wordType.hw(), SignalKind.MEMORY_READ_DATA);
        def.readPorts().add(new MemoryDef.ReadPort(builder.useDomain(builder.domain()), enable.expr, address.expr,
                data, loc));
        return builder.wrap(data);
    }

    /** Combinational read (distributed RAM / ROM). */
    @SuppressWarnings("unchecked")
    public T readAsync(UInt address) {
        checkPort(address, SourceLoc.capture());
        return (T) Vals.wrap(new Expr.MemRead(def, address.expr, wordType.hw()), builder);
    }

    private void checkPort(UInt address, SourceLoc loc) {
        if (builder.insideWhen()) {
            throw new IllegalStateException("memory port of " + def.name() + " declared inside a when at " + loc
                    + ": declare ports at module level and put the condition into the enable");
        }
        if (address.width() != def.addressWidth()) {
            builder.report(DiagnosticKind.WIDTH_MISMATCH, "WIDTH MISMATCH address of memory '" + def.name() + "' needs "
                    + def.addressWidth() + " bits for " + def.depth() + " words, got " + address.width(), loc);
        }
    }

    private void checkWord(T data, SourceLoc loc) {
        if (data.width() != wordType.width()) {
            builder.report(DiagnosticKind.WIDTH_MISMATCH, "WIDTH MISMATCH (" + wordType.width() + " bits <- "
                    + data.width() + " bits) writing memory '" + def.name() + "'", loc);
        }
    }
}
