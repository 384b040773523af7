package dev.launchc.load;

import dev.launchc.diag.Pos;

/**
 * One document (a "part") of a multi-document file. {@code root} is null for an empty document.
 * Positions are file-global, so findings in later parts point at the right line.
 */
public record YDocument(int index, YNode root, Pos start) {

    public boolean isEmpty() {
        return root == null || (root instanceof YScalar s && s.isNull());
    }

    /** The node at a JSON pointer, or null. */
    public YNode at(String pointer) {
        return Pointers.resolve(root, pointer);
    }

    /** Where a finding about the value at {@code pointer} should point: the value, else the nearest parent. */
    public Pos valuePos(String pointer) {
        return Pointers.position(root, pointer, false, start);
    }

    /** Where a finding about the key at {@code pointer} should point: the key itself, for unknown keys. */
    public Pos keyPos(String pointer) {
        return Pointers.position(root, pointer, true, start);
    }

    /**
     * The fix that renames the key at {@code pointer} to {@code newName}, or null when it is not a
     * plain key of a mapping, the mapping has {@code newName} already (a rename would duplicate it),
     * or the mapping is reached through an alias too: the edit would rename the key in every place
     * that shares the anchored text, where it may be right (a kube-proxy flag shared with the
     * kubelet), and lint would then offer the opposite rename in the other place.
     */
    public dev.launchc.diag.Fix renameKey(String pointer, String newName) {
        int slash = pointer.lastIndexOf('/');
        if (slash < 0 || !(at(pointer.substring(0, slash)) instanceof YMap map) || map.has(newName)
                || sharedOnPath(pointer.substring(0, slash))) {
            return null;
        }
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        YMap.Entry entry = map.entry(key);
        if (entry == null || !entry.key().plain() || map.merged(key) || keyMergedElsewhere(map, entry.key())) {
            return null;
        }
        return dev.launchc.diag.Fix.replace("rename " + key + " to " + newName, entry.key().pos(), key, newName);
    }

    /**
     * Whether a merge key ({@code <<: *anchor}) copied this key of {@code owner} into another
     * mapping: renaming its text would rename the key there too.
     */
    private boolean keyMergedElsewhere(YMap owner, YScalar key) {
        java.util.Set<YNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<YNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n instanceof YMap m) {
                for (YMap.Entry e : m.entries()) {
                    if (m != owner && e.key() == key) {
                        return true;
                    }
                    todo.push(e.value());
                }
            } else if (n instanceof YSeq seq) {
                todo.addAll(seq.items());
            }
        }
        return false;
    }

    /** Whether the node at {@code pointer} or a collection above it occurs more than once (through an alias). */
    private boolean sharedOnPath(String pointer) {
        java.util.Set<YNode> onPath = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        YNode node = root;
        onPath.add(node);
        for (String token : Pointers.tokens(pointer)) {
            node = Pointers.resolve(node, "/" + Pointers.escape(token));
            if (node == null) {
                return false;
            }
            onPath.add(node);
        }
        java.util.Set<YNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<YNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (!(n instanceof YMap) && !(n instanceof YSeq)) {
                continue;
            }
            if (!seen.add(n)) {
                if (onPath.contains(n)) {
                    return true;
                }
                continue; // an alias: its content was walked where the anchor stands
            }
            if (n instanceof YMap m) {
                m.entries().forEach(e -> todo.push(e.value()));
            } else {
                todo.addAll(((YSeq) n).items());
            }
        }
        return false;
    }

    /**
     * The fix that quotes a plain scalar which YAML 1.1 reads as a boolean or a number ({@code yes},
     * {@code on}, {@code 0150}, {@code 1.30}) where a string is meant, or null for any other node.
     */
    public static dev.launchc.diag.Fix quoteYaml11(YNode node) {
        if (!(node instanceof YScalar s) || !s.plain() || s.isNull()
                || Yaml11.bool(s.text()) == null && Yaml11.number(s.text()) == null) {
            return null;
        }
        return dev.launchc.diag.Fix.replace("quote " + s.text() + " as a string", s.pos(), s.text(), "\"" + s.text() + "\"");
    }
}
