package dev.launchc.load;

import dev.launchc.diag.Pos;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A mapping in document order. For a duplicate key the last value wins, as in yaml.v2. */
public final class YMap implements YNode {
    /** One key and its value; the key keeps its own position for "unknown key" findings. */
    public record Entry(YScalar key, YNode value) {}

    private final Pos pos;
    /** Written in flow style, {@code {a: 1, b: 2}}: a comma there ends an entry, which surprises people. */
    private final boolean flow;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Keys whose entry came from a merge key ({@code <<: *anchor}): their key text stands elsewhere. */
    private Set<String> merged;
    private long expandedSize = 1;

    public YMap(Pos pos) {
        this(pos, false);
    }

    public YMap(Pos pos, boolean flow) {
        this.pos = pos;
        this.flow = flow;
    }

    public boolean flow() {
        return flow;
    }

    /** Returns the entry this one replaced, if the key was already present. */
    Entry put(YScalar key, YNode value) {
        expandedSize = Yaml11.saturatingAdd(expandedSize, Yaml11.saturatingAdd(1, value.expandedSize()));
        Entry previous = entries.remove(key.text());
        entries.put(key.text(), new Entry(key, value));
        if (merged != null) {
            merged.remove(key.text());
        }
        return previous;
    }

    /**
     * Puts an entry of a mapping that a merge key brings in; it replaces an entry of the same key,
     * as yaml.v2 sets each merged key into the map at the point where {@code <<} is written.
     */
    void putMerged(Entry entry) {
        put(entry.key(), entry.value());
        if (merged == null) {
            merged = new HashSet<>();
        }
        merged.add(entry.key().text());
    }

    /** Whether the entry of {@code key} came from a merge key, so its text is written in another mapping. */
    public boolean merged(String key) {
        return merged != null && merged.contains(key);
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public YNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public long expandedSize() {
        return expandedSize;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
