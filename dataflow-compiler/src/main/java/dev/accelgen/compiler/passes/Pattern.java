package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import java.util.List;

/** A fusion rule rooted at one node. */
interface Pattern {
    /**
     * The nodes that replace {@code root} (the fused node last, keeping root's name and outputs), or null when the
     * pattern does not match. Nodes that fed only the matched subgraph become dead.
     */
    List<Node> match(Node root);
}
