package dev.accelgen.hdl.check;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Signal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Iterative traversal of an expression DAG, visiting each shared node once. */
public final class ExprWalk {
    private ExprWalk() {
    }

    /** The direct operands of a node. */
    public static List<Expr> operands(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Lit) {
            return List.of();
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.a());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.a(), b.b());
        } else if (e instanceof Expr.Mux m) {
            return List.of(m.sel(), m.whenTrue(), m.whenFalse());
        } else if (e instanceof Expr.Slice s) {
            return List.of(s.a());
        } else if (e instanceof Expr.Concat c) {
            return c.parts();
        } else if (e instanceof Expr.Extend x) {
            return List.of(x.a());
        } else if (e instanceof Expr.Cast c) {
            return List.of(c.a());
        } else if (e instanceof Expr.MemRead r) {
            return List.of(r.address());
        }
        throw new AssertionError("unknown expression " + e);
    }

    /** Calls {@code visit} once for every distinct node reachable from {@code root}. */
    public static void nodes(Expr root, Consumer<Expr> visit) {
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (!seen.add(e)) {
                continue;
            }
            visit.accept(e);
            for (Expr o : operands(e)) {
                stack.push(o);
            }
        }
    }

    public static void signals(Expr root, Consumer<Signal> visit) {
        if (root instanceof Expr.Ref r) {
            visit.accept(r.signal());
            return;
        }
        if (root instanceof Expr.Lit) {
            return;
        }
        nodes(root, e -> {
            if (e instanceof Expr.Ref r) {
                visit.accept(r.signal());
            }
        });
    }
}
