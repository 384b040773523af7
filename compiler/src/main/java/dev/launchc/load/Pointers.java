package dev.launchc.load;

import dev.launchc.diag.Pos;
import java.util.ArrayList;
import java.util.List;

/** JSON pointers (RFC 6901) over YAML nodes, so schema and rule findings map back to positions. */
public final class Pointers {
    private Pointers() {}

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, String key) {
        return parent + "/" + escape(key);
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return out;
        }
        String p = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        for (String t : p.split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    static YNode resolve(YNode root, String pointer) {
        YNode node = root;
        for (String token : tokens(pointer)) {
            node = step(node, token);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static YNode step(YNode node, String token) {
        if (node instanceof YMap m) {
            return m.get(token);
        }
        if (node instanceof YSeq s) {
            try {
                int i = Integer.parseInt(token);
                return i >= 0 && i < s.items().size() ? s.items().get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Pos position(YNode root, String pointer, boolean preferKey, Pos fallback) {
        if (root == null) {
            return fallback;
        }
        YNode node = root;
        Pos best = root.pos();
        List<String> tokens = tokens(pointer);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (node instanceof YMap m) {
                YMap.Entry e = m.entry(token);
                if (e == null) {
                    return best;
                }
                if (last && preferKey) {
                    return e.key().pos();
                }
                node = e.value();
                best = node.pos();
            } else {
                YNode next = step(node, token);
                if (next == null) {
                    return best;
                }
                node = next;
                best = node.pos();
            }
        }
        return best;
    }
}
