package dev.launchc.load;

import dev.launchc.diag.Pos;
import java.util.ArrayList;
import java.util.List;

public final class YSeq implements YNode {
    private final Pos pos;
    private final List<YNode> items = new ArrayList<>();
    private final boolean flow;
    private long expandedSize = 1;

    public YSeq(Pos pos) {
        this(pos, false);
    }

    public YSeq(Pos pos, boolean flow) {
        this.pos = pos;
        this.flow = flow;
    }

    /** True for a [flow] sequence, false for a block one ("- " items). */
    public boolean flow() {
        return flow;
    }

    void add(YNode item) {
        items.add(item);
        expandedSize = Yaml11.saturatingAdd(expandedSize, item.expandedSize());
    }

    public List<YNode> items() {
        return items;
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
        return "a list";
    }
}
