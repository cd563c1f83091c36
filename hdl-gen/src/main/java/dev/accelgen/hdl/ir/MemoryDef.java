package dev.accelgen.hdl.ir;

import dev.accelgen.hdl.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A memory array with its ports. Emitted as a Verilog array that Yosys and Vivado infer as RAM/ROM. */
public final class MemoryDef {
    /** Synchronous write port. */
    public record WritePort(ClockDomain domain, Expr enable, Expr address, Expr data, SourceLoc loc) { }

    /** Synchronous read port: {@code data} is a MEMORY_READ_DATA signal loaded when {@code enable} is high. */
    public record ReadPort(ClockDomain domain, Expr enable, Expr address, Signal data, SourceLoc loc) { }

    private final String name;
    private final HwType wordType;
    private final int depth;
    private final String ramStyle;
    private final SourceLoc declaredAt;
    private final List<WritePort> writePorts = new ArrayList<>();
    private final List<ReadPort> readPorts = new ArrayList<>();
    private List<BigInteger> initialContents = List.of();

    public MemoryDef(String name, HwType wordType, int depth, String ramStyle, SourceLoc declaredAt) {
        this.name = name;
        this.wordType = wordType;
        this.depth = depth;
        this.ramStyle = ramStyle;
        this.declaredAt = declaredAt;
    }

    public String name() {
        return name;
    }

    public HwType wordType() {
        return wordType;
    }

    public int depth() {
        return depth;
    }

    public int addressWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }

    /** "block", "ultra", "distributed", or null to let the tool choose. */
    public String ramStyle() {
        return ramStyle;
    }

    public SourceLoc declaredAt() {
        return declaredAt;
    }

    public List<WritePort> writePorts() {
        return writePorts;
    }

    public List<ReadPort> readPorts() {
        return readPorts;
    }

    public List<BigInteger> initialContents() {
        return initialContents;
    }

    public void setInitialContents(List<BigInteger> contents) {
        this.initialContents = List.copyOf(contents);
    }
}
