package dev.accelgen.hdl.ir;

import dev.accelgen.hdl.SourceLoc;
import java.util.ArrayList;
import java.util.List;

/** Statement IR: assignments nested in conditionals. Switches are lowered to when-chains by the DSL. */
public sealed interface Stmt {
    SourceLoc loc();

    /** {@code target[hi:lo] := value}; for a register this sets its next value. */
    record Assign(Signal target, int hi, int lo, Expr value, SourceLoc loc) implements Stmt { }

    /** {@code if (cond) thenBody else elseBody}; bodies are filled while the DSL runs the user's lambdas. */
    record When(Expr cond, List<Stmt> thenBody, List<Stmt> elseBody, SourceLoc loc) implements Stmt {
        public When(Expr cond, SourceLoc loc) {
            this(cond, new ArrayList<>(), new ArrayList<>(), loc);
        }
    }
}
