package dev.launchc.load;

import dev.launchc.diag.Pos;

/** A YAML node with the position of its first character. Aliases share the node they point to. */
public sealed interface YNode permits YMap, YSeq, YScalar {
    Pos pos();

    /** Nodes in the fully expanded tree under this one, saturating at Long.MAX_VALUE. */
    long expandedSize();

    /** A short noun for messages: "a mapping", "a list", "a string". */
    String describe();
}
