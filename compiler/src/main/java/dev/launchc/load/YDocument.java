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
}
