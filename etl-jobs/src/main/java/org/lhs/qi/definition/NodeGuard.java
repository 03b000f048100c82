package org.lhs.qi.definition;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rejects YAML node graphs the checks must never walk: anchors/aliases (shared or cyclic nodes, the
 * "billion laughs" shape) and files with too many nodes. Runs before any other check.
 */
final class NodeGuard {

    private final NodeReader in;
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean ok = true;

    NodeGuard(NodeReader in) {
        this.in = in;
    }

    /** True when the tree is a plain tree within the limits; otherwise the problems are reported. */
    boolean check(Node root) {
        visit(root);
        return ok;
    }

    private void visit(Node node) {
        if (!seen.add(node)) {
            return; // shared or cyclic: its anchor was reported on the first visit
        }
        if (seen.size() > DefinitionLimits.MAX_NODES) {
            if (seen.size() == DefinitionLimits.MAX_NODES + 1) {
                in.report(node, Message.YAML_TOO_MANY_NODES, DefinitionLimits.MAX_NODES);
            }
            ok = false;
            return;
        }
        if (node.getAnchor() != null) {
            in.report(node, Message.YAML_ALIAS, node.getAnchor());
            ok = false;
        }
        // depth is bounded by the YAML loader's nesting limit, so recursion is safe here
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                visit(t.getKeyNode());
                visit(t.getValueNode());
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(this::visit);
        }
    }
}
