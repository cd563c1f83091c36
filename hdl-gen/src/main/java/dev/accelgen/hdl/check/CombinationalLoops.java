package dev.accelgen.hdl.check;

import dev.accelgen.hdl.Diagnostic;
import dev.accelgen.hdl.DiagnosticKind;
import dev.accelgen.hdl.SourceLoc;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds combinational loops with an iterative Tarjan SCC pass over the module's signal graph (registers
 * and memories cut it; child instances contribute their own input-to-output paths) and prints every loop
 * with the source line of each signal on it. Also computes this module's own output-to-input paths.
 */
public final class CombinationalLoops {
    private final List<Signal> nodes = new ArrayList<>();
    /** Node id of each signal by its index in the module, or -1 when it is not a node. */
    private int[] nodeOf = new int[0];
    private final List<int[]> successors = new ArrayList<>();

    private CombinationalLoops() {
    }

    public static void check(ModuleDef def, Netlist netlist, Map<ModuleDef, Netlist> children,
                             List<Diagnostic> diagnostics) {
        CombinationalLoops g = new CombinationalLoops();
        g.build(def, netlist, children);
        int[] sccOf = new int[g.nodes.size()];
        List<int[]> sccs = g.tarjan(sccOf);
        boolean loops = false;
        for (int[] scc : sccs) {
            if (scc.length > 1 || g.selfLoop(scc[0])) {
                loops = true;
                diagnostics.add(new Diagnostic(DiagnosticKind.COMBINATIONAL_LOOP, def.name(),
                        "COMBINATIONAL LOOP: " + g.describe(scc, sccOf, netlist), g.locations(scc, sccOf, netlist)));
            }
        }
        if (!loops) {
            netlist.setCombinationalPaths(g.paths(sccs));
        }
    }

    private int node(Signal s) {
        if (nodeOf[s.index()] < 0) {
            nodeOf[s.index()] = nodes.size();
            nodes.add(s);
            successors.add(new int[0]);
        }
        return nodeOf[s.index()];
    }

    private int nodeOrMinusOne(Signal s) {
        return s.index() < nodeOf.length ? nodeOf[s.index()] : -1;
    }

    private void build(ModuleDef def, Netlist netlist, Map<ModuleDef, Netlist> children) {
        nodeOf = new int[def.signals().size()];
        Arrays.fill(nodeOf, -1);
        for (Signal s : def.signals()) {
            if (s.kind() == SignalKind.INPUT || s.kind().isCombinationalTarget() || s.kind() == SignalKind.INSTANCE_OUTPUT) {
                node(s);
            }
        }
        int[][] edges = {new int[1024], new int[1024]};
        int[] count = {0};
        for (Map.Entry<Signal, Expr> d : netlist.drivers().entrySet()) {
            int target = nodeOf[d.getKey().index()];
            ExprWalk.signals(d.getValue(), src -> {
                int from = src.owner() == d.getKey().owner() ? nodeOrMinusOne(src) : -1;
                if (from >= 0) {
                    addEdge(edges, count, from, target);
                }
            });
        }
        for (Signal s : def.signals()) {
            if (s.kind() == SignalKind.INSTANCE_OUTPUT) {
                Netlist child = children.get(s.instance().child());
                List<String> ins = child == null ? List.of() : child.combinationalPaths().getOrDefault(s.instancePort(), List.of());
                for (String in : ins) {
                    addEdge(edges, count, nodeOf[s.instance().pins().get(in).index()], nodeOf[s.index()]);
                }
            }
        }
        int[] degree = new int[nodes.size()];
        for (int i = 0; i < count[0]; i++) {
            degree[edges[0][i]]++;
        }
        for (int v = 0; v < nodes.size(); v++) {
            successors.set(v, new int[degree[v]]);
        }
        int[] fill = new int[nodes.size()];
        for (int i = 0; i < count[0]; i++) {
            int from = edges[0][i];
            successors.get(from)[fill[from]++] = edges[1][i];
        }
    }

    private static void addEdge(int[][] edges, int[] count, int from, int to) {
        if (count[0] == edges[0].length) {
            edges[0] = Arrays.copyOf(edges[0], count[0] * 2);
            edges[1] = Arrays.copyOf(edges[1], count[0] * 2);
        }
        edges[0][count[0]] = from;
        edges[1][count[0]] = to;
        count[0]++;
    }

    private boolean selfLoop(int n) {
        for (int x : successors.get(n)) {
            if (x == n) {
                return true;
            }
        }
        return false;
    }

    /** Iterative Tarjan on int arrays; SCCs come out in reverse topological order (sinks first). */
    private List<int[]> tarjan(int[] sccOf) {
        int n = nodes.size();
        int[] idx = new int[n];
        int[] low = new int[n];
        int[] edgePos = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(idx, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] call = new int[n];
        int cp = 0;
        List<int[]> sccs = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (idx[root] != -1) {
                continue;
            }
            call[cp++] = root;
            idx[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (cp > 0) {
                int v = call[cp - 1];
                int[] succ = successors.get(v);
                if (edgePos[v] < succ.length) {
                    int w = succ[edgePos[v]++];
                    if (idx[w] == -1) {
                        idx[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        call[cp++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], idx[w]);
                    }
                    continue;
                }
                cp--;
                if (cp > 0) {
                    int parent = call[cp - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == idx[v]) {
                    int top = sp;
                    do {
                        sp--;
                        onStack[stack[sp]] = false;
                        sccOf[stack[sp]] = sccs.size();
                    } while (stack[sp] != v);
                    int[] members = Arrays.copyOfRange(stack, sp, top);
                    Arrays.sort(members);
                    sccs.add(members);
                }
            }
        }
        return sccs;
    }

    /** One concrete cycle through the SCC, starting at its first-declared signal (BFS, shortest). */
    private List<Integer> cycle(int[] scc, int[] sccOf) {
        int start = scc[0];
        int comp = sccOf[start];
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : successors.get(v)) {
                if (sccOf[w] != comp) {
                    continue;
                }
                if (w == start) {
                    List<Integer> path = new ArrayList<>();
                    for (int x = v; x != start; x = parent.get(x)) {
                        path.add(0, x);
                    }
                    path.add(0, start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        return List.of(start);
    }

    private String describe(int[] scc, int[] sccOf, Netlist netlist) {
        StringBuilder sb = new StringBuilder();
        for (int v : cycle(scc, sccOf)) {
            Signal s = nodes.get(v);
            sb.append(s.name()).append(" (").append(netlist.locationOf(s)).append(") -> ");
        }
        return sb.append(nodes.get(scc[0]).name()).toString();
    }

    private List<SourceLoc> locations(int[] scc, int[] sccOf, Netlist netlist) {
        List<SourceLoc> locs = new ArrayList<>();
        for (int v : cycle(scc, sccOf)) {
            locs.add(netlist.locationOf(nodes.get(v)));
        }
        return locs;
    }

    /** Output port -> input ports it reaches combinationally, propagated in topological order. */
    private Map<String, List<String>> paths(List<int[]> sccs) {
        List<Signal> inputs = new ArrayList<>();
        Map<Integer, Integer> inputBit = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).kind() == SignalKind.INPUT) {
                inputBit.put(i, inputs.size());
                inputs.add(nodes.get(i));
            }
        }
        // Only nodes an input reaches get a set; the rest (most of a registered design) stay null.
        BitSet[] reach = new BitSet[nodes.size()];
        inputBit.forEach((node, bit) -> {
            reach[node] = new BitSet();
            reach[node].set(bit);
        });
        for (int k = sccs.size() - 1; k >= 0; k--) {
            int v = sccs.get(k)[0];
            if (reach[v] == null) {
                continue;
            }
            for (int w : successors.get(v)) {
                if (reach[w] == null) {
                    reach[w] = new BitSet();
                }
                reach[w].or(reach[v]);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Signal s = nodes.get(i);
            if (s.kind() == SignalKind.OUTPUT) {
                List<String> ins = new ArrayList<>();
                if (reach[i] != null) {
                    reach[i].stream().forEach(b -> ins.add(inputs.get(b).name()));
                }
                out.put(s.name(), ins);
            }
        }
        return out;
    }
}
