package dev.accelgen.hdl.check;

import dev.accelgen.hdl.SourceLoc;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Signal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module after lowering: one driver expression per combinational signal and one next-state expression
 * per register (conditionals became multiplexers), plus facts the checks and the emitter need.
 */
public final class Netlist {
    private final Map<Signal, Expr> drivers = new LinkedHashMap<>();
    private final Map<Signal, Expr> nextState = new LinkedHashMap<>();
    private final Map<Signal, SourceLoc> firstAssignment = new HashMap<>();
    private Map<String, List<String>> combinationalPaths = Map.of();

    /** Driver of every fully assigned output, wire and child-instance input, in declaration order. */
    public Map<Signal, Expr> drivers() {
        return drivers;
    }

    /** Next value of every register; a reference to the register itself means "hold". */
    public Map<Signal, Expr> nextState() {
        return nextState;
    }

    public Map<Signal, SourceLoc> firstAssignment() {
        return firstAssignment;
    }

    public SourceLoc locationOf(Signal s) {
        return firstAssignment.getOrDefault(s, s.declaredAt());
    }

    /** For each output port, the input ports it depends on combinationally (used for loops across instances). */
    public Map<String, List<String>> combinationalPaths() {
        return combinationalPaths;
    }

    void setCombinationalPaths(Map<String, List<String>> paths) {
        this.combinationalPaths = paths;
    }
}
