package dev.accelgen.boards.bundle;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders relative file paths as an indented tree with box-drawing branches, like the tree(1) command. */
final class FileTree {
    private FileTree() {
    }

    static void render(List<String> paths, StringBuilder out) {
        Node root = new Node();
        for (String p : paths) {
            Node n = root;
            for (String part : p.split("/")) {
                n = n.children.computeIfAbsent(part, k -> new Node());
            }
        }
        print(root, "", out);
    }

    private static void print(Node node, String indent, StringBuilder out) {
        int i = 0;
        for (Map.Entry<String, Node> e : node.children.entrySet()) {
            boolean last = ++i == node.children.size();
            boolean dir = !e.getValue().children.isEmpty();
            out.append(indent).append(last ? "└── " : "├── ").append(e.getKey()).append(dir ? "/" : "").append('\n');
            if (dir) {
                print(e.getValue(), indent + (last ? "    " : "│   "), out);
            }
        }
    }

    private static final class Node {
        final Map<String, Node> children = new TreeMap<>();
    }
}
